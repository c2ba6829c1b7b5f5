package jp.telework.desk.contactpoint.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A seminar as seminars.events describes it (for per-prefecture utilization). */
@Entity
@Table(name = "seminar_ref")
public class SeminarRef extends PanacheEntityBase {
    @Id
    @Column(name = "seminar_id")
    public UUID seminarId;
    @Column(name = "host_prefecture")
    public String hostPrefecture;
    @Column(name = "venue_prefecture")
    public String venuePrefecture;
    public String kind;
    public String format;
    @Column(name = "starts_at")
    public OffsetDateTime startsAt;
    public int capacity;
    public String status;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
