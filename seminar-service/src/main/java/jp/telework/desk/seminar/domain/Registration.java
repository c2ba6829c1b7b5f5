package jp.telework.desk.seminar.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One organization's registration for a seminar. Owned by the organization id (the SME token's
 * {@code organization} claim, or the one named when staff register on an organization's behalf).
 * Contact details are personal data: shown to the owner, the host and the secretariat only, never
 * put into events or logs, and anonymized after the retention period.
 */
@Entity
@Table(name = "registration")
public class Registration extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "seminar_id")
    public UUID seminarId;
    @Column(name = "organization_id")
    public String organizationId;
    @Column(name = "organization_name")
    public String organizationName;
    @Enumerated(EnumType.STRING)
    @Column(name = "organization_type")
    public OrganizationType organizationType;
    @Column(name = "organization_prefecture")
    public String organizationPrefecture;
    @Column(name = "employee_count")
    public Integer employeeCount;
    @Column(name = "contact_name")
    public String contactName;
    @Column(name = "contact_email")
    public String contactEmail;
    @Column(name = "contact_phone")
    public String contactPhone;
    @Column(name = "attendee_names")
    public String[] attendeeNames;
    public int seats;
    @Enumerated(EnumType.STRING)
    public Participation participation;
    @Enumerated(EnumType.STRING)
    public RegistrationStatus status;
    /** Order in which this registration got its seats (for "newest confirmed" on demotion). */
    @Column(name = "confirmed_seq")
    public Long confirmedSeq;
    /** Place in the waitlist while WAITLISTED (smaller is earlier); null otherwise. */
    @Column(name = "waitlist_seq")
    public Long waitlistSeq;
    @Column(name = "promoted_at")
    public OffsetDateTime promotedAt;
    @Column(name = "confirmed_at")
    public OffsetDateTime confirmedAt;
    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;
    @Column(name = "cancel_reason")
    public String cancelReason;
    @Column(name = "attendance_recorded_at")
    public OffsetDateTime attendanceRecordedAt;
    @Column(name = "registered_by")
    public String registeredBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "anonymized_at")
    public OffsetDateTime anonymizedAt;
    @Version
    public long version;

    public void moveTo(RegistrationStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("registration " + id + " cannot go from " + status + " to " + next);
        }
        status = next;
    }

    public WaitlistRules.Entry entry() {
        return new WaitlistRules.Entry(id, seats);
    }
}
