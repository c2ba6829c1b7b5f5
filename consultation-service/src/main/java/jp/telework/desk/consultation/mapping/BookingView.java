package jp.telework.desk.consultation.mapping;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.telework.desk.consultation.domain.Booking;
import jp.telework.desk.consultation.domain.BookingChannel;
import jp.telework.desk.consultation.domain.BookingStatus;
import jp.telework.desk.common.vocabulary.Tokyo;
import jp.telework.desk.consultation.domain.Topic;

@Schema(name = "Booking", description = "A booked consultation; requester contact details and free text (notes, outcome"
        + " summary, cancellation reason) are null once anonymized. OUTCOME_MISSING: nobody recorded how it ended (closed by"
        + " retention some time after its slot)")
public record BookingView(
        UUID id,
        BookingStatus status,
        @Schema(example = "org-sme-a", description = "The owner: the SME's organization, or for a phone booking the caller's"
                + " organization id (tel-... when it has no account)") String organizationId,
        @Schema(example = "API", description = "API (the SME itself), NAVI_DIAL (an association on the phone), SECRETARIAT")
        BookingChannel channel,
        SlotRef slot,
        List<Topic> topics,
        Requester requester,
        String notes,
        String outcomeSummary,
        String cancellationReason,
        @Schema(example = "REQUESTER", enumeration = { "REQUESTER", "ASSOCIATION", "SECRETARIAT" }) String cancelledBy,
        @Schema(example = "2026-11-01T09:30:00+09:00") OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime closedAt,
        boolean anonymized) {

    public static BookingView of(Booking b) {
        return new BookingView(b.id, b.status, b.organizationId, b.channel, SlotRef.of(b.slot),
                b.topicList().stream().map(Topic::valueOf).toList(),
                new Requester(b.organizationName, b.organizationType, b.employeeCount, b.industry, b.requesterPrefecture,
                        b.contactPerson, b.email, b.phone),
                b.notes, b.outcomeSummary, b.cancellationReason, b.cancelledBy,
                tokyo(b.createdAt), tokyo(b.updatedAt), tokyo(b.closedAt), b.anonymizedAt != null);
    }

    static OffsetDateTime tokyo(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(Tokyo.OFFSET);
    }
}
