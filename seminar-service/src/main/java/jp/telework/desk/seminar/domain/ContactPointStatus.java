package jp.telework.desk.seminar.domain;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What contact-points.events told us about a prefecture's association (projection, one row per code). */
@Entity
@Table(name = "contact_point_status")
public class ContactPointStatus extends PanacheEntityBase {
    @Id
    public String code;
    public String region;
    public boolean active;
    @Column(name = "last_event_id")
    public String lastEventId;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
