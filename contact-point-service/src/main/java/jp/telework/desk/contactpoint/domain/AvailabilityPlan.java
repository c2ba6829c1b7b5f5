package jp.telework.desk.contactpoint.domain;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The head of a contact point's availability. Its row is locked (SELECT ... FOR UPDATE) by every
 * change of the plan, its exceptions or its slots, which serializes them per contact point; its
 * version is the plan's ETag.
 */
@Entity
@Table(name = "availability_plan")
public class AvailabilityPlan extends PanacheEntityBase {
    @Id
    @Column(name = "contact_point_code")
    public String code;
    public long version;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public static AvailabilityPlan lock(String code) {
        return findById(code, LockModeType.PESSIMISTIC_WRITE);
    }
}
