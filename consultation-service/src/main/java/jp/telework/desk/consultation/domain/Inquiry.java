package jp.telework.desk.consultation.domain;

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
 * A written inquiry. Owned by an SME's organization, or, when sent anonymously, by whoever holds
 * the access key returned once at submission (only its SHA-256 is stored).
 */
@Entity
@Table(name = "inquiry")
public class Inquiry extends PanacheEntityBase {
    @Id
    public UUID id;
    public String prefecture;
    @Enumerated(EnumType.STRING)
    public InquiryCategory category;
    public String question;
    @Enumerated(EnumType.STRING)
    public InquiryStatus status;
    @Column(name = "organization_id")
    public String organizationId;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "access_key_hash")
    public String accessKeyHash;
    @Column(name = "contact_name")
    public String contactName;
    public String email;
    public String answer;
    @Column(name = "answered_by")
    public String answeredBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
    @Column(name = "anonymized_at")
    public OffsetDateTime anonymizedAt;
    @Version
    public long version;

    public void become(InquiryStatus next, OffsetDateTime now) {
        if (!status.canBecome(next)) {
            throw Lifecycle.illegal("inquiry", status.name(), next.name());
        }
        status = next;
        if (next == InquiryStatus.ANSWERED) {
            answeredAt = now;
        } else if (next == InquiryStatus.CLOSED) {
            closedAt = now;
        }
    }
}
