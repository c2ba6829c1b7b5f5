package jp.telework.desk.contactpoint.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A seminar registration's seats and state as seminars.events describes it. */
@Entity
@Table(name = "registration_ref")
public class RegistrationRef extends PanacheEntityBase {
    @Id
    @Column(name = "registration_id")
    public UUID registrationId;
    @Column(name = "seminar_id")
    public UUID seminarId;
    @Column(name = "host_prefecture")
    public String hostPrefecture;
    public int seats;
    public String status;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
