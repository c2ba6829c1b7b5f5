package jp.telework.desk.consultation.domain;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A booked consultation. The owner is the SME's organization (token claim); the responsible
 * association is that of the slot's contact point. Requester contact details are personal data:
 * they never appear in events or logs and are anonymized after the retention period.
 */
@Entity
@Table(name = "booking")
public class Booking extends PanacheEntityBase {
    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "slot_id")
    public Slot slot;
    @Column(name = "contact_point_code")
    public String contactPointCode;
    @Column(name = "organization_id")
    public String organizationId;
    @Column(name = "created_by")
    public String createdBy;
    public String[] topics;
    @Enumerated(EnumType.STRING)
    public BookingStatus status;
    @Enumerated(EnumType.STRING)
    public BookingChannel channel;
    @Column(name = "placed_at")
    public OffsetDateTime placedAt;

    @Column(name = "organization_name")
    public String organizationName;
    @Enumerated(EnumType.STRING)
    @Column(name = "organization_type")
    public OrganizationType organizationType;
    @Column(name = "employee_count")
    public int employeeCount;
    public String industry;
    @Column(name = "requester_prefecture")
    public String requesterPrefecture;
    @Column(name = "contact_person")
    public String contactPerson;
    public String email;
    public String phone;
    public String notes;

    @Column(name = "outcome_summary")
    public String outcomeSummary;
    @Column(name = "cancellation_reason")
    public String cancellationReason;
    @Column(name = "cancelled_by")
    public String cancelledBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
    @Column(name = "anonymized_at")
    public OffsetDateTime anonymizedAt;
    @Version
    public long version;

    public List<String> topicList() {
        return Arrays.asList(topics);
    }

    /** Moves to {@code next} if the lifecycle allows it; terminal states record when the booking closed. */
    public void become(BookingStatus next, OffsetDateTime now) {
        Lifecycle.requireTransition(status, next);
        status = next;
        updatedAt = now;
        if (next.isTerminal()) {
            closedAt = now;
        }
    }
}
