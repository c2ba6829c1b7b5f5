package jp.telework.desk.seminar.mapping;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.telework.desk.seminar.domain.Participation;
import jp.telework.desk.seminar.domain.Registration;
import jp.telework.desk.seminar.domain.RegistrationStatus;

@Schema(name = "Registration")
public record RegistrationView(
        UUID id,
        UUID seminarId,
        @Schema(example = "CONFIRMED") RegistrationStatus status,
        @Schema(example = "2") int seats,
        Participation participation,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "1-based place in the waitlist of its seat pool, while WAITLISTED", example = "3") Integer waitlistPosition,
        @Schema(description = "Got its seats by promotion from the waitlist") boolean promoted,
        RegistrationRequest.Organization organization,
        RegistrationRequest.Contact contact,
        List<String> attendees,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Online join details, for a confirmed online registration") SeminarRequest.OnlineJoin onlineJoin,
        OffsetDateTime createdAt,
        OffsetDateTime confirmedAt,
        OffsetDateTime cancelledAt,
        @Schema(example = "CANCELLED_BY_REGISTRANT") String cancelReason,
        OffsetDateTime updatedAt) {

    public static RegistrationView of(Registration r, Integer waitlistPosition, SeminarRequest.OnlineJoin join) {
        RegistrationRequest.Contact contact = r.anonymizedAt != null ? null
                : new RegistrationRequest.Contact(r.contactName, r.contactEmail, r.contactPhone);
        return new RegistrationView(r.id, r.seminarId, r.status, r.seats, r.participation, waitlistPosition,
                r.promotedAt != null,
                new RegistrationRequest.Organization(r.organizationId, r.organizationName, r.organizationType,
                        r.organizationPrefecture, r.employeeCount),
                contact, r.attendeeNames == null ? List.of() : List.of(r.attendeeNames), join,
                SeminarView.tokyo(r.createdAt), SeminarView.tokyo(r.confirmedAt), SeminarView.tokyo(r.cancelledAt),
                r.cancelReason, SeminarView.tokyo(r.updatedAt));
    }
}
