package jp.telework.desk.consultation.mapping;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import jp.telework.desk.consultation.domain.Inquiry;
import jp.telework.desk.consultation.domain.InquiryCategory;
import jp.telework.desk.consultation.domain.InquiryStatus;

@Schema(name = "Inquiry")
public record InquiryView(
        UUID id,
        InquiryCategory category,
        @Schema(example = "13") String prefecture,
        @Schema(description = "null once anonymized (retention erases free text)") String question,
        InquiryStatus status,
        @Schema(example = "org-sme-a", description = "null for anonymous inquiries") String organizationId,
        String contactName,
        String email,
        @Schema(description = "null until answered, and once anonymized") String answer,
        OffsetDateTime createdAt,
        OffsetDateTime answeredAt,
        OffsetDateTime closedAt,
        boolean anonymized,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Only in the answer to an anonymous submission, and only once: send it as X-Inquiry-Access-Key to read the inquiry later")
        String accessKey) {

    public static InquiryView of(Inquiry i) {
        return of(i, null);
    }

    public static InquiryView of(Inquiry i, String accessKey) {
        return new InquiryView(i.id, i.category, i.prefecture, i.question, i.status, i.organizationId, i.contactName, i.email,
                i.answer, BookingView.tokyo(i.createdAt), BookingView.tokyo(i.answeredAt), BookingView.tokyo(i.closedAt),
                i.anonymizedAt != null, accessKey);
    }
}
