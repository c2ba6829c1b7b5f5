package jp.telework.desk.consultation.mapping;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.telework.desk.consultation.domain.Topic;

@Schema(name = "BookingRequest", description = "Book a place in a free slot: an SME for itself, or an association (a Navi Dial"
        + " caller on the phone) or the secretariat on behalf of the caller's organization")
public record BookingRequest(
        @Schema(example = "6f1c2f0e-8a55-4b8e-9a55-0f3f1f0c6b21") @NotNull UUID slotId,
        @Schema(example = "[\"ICT_ENVIRONMENT\", \"SECURITY\"]") @NotEmpty @Size(max = 5) List<@NotNull Topic> topics,
        @NotNull @Valid Requester requester,
        @Schema(example = "We plan to let 10 staff work from home two days a week.", maxLength = 2000)
        @Size(max = 2000) String notes,
        @Schema(example = "org-sme-a", maxLength = 64, description = "Phone bookings only: the desk id of the caller's organization, if it has"
                + " an account, so that it sees the booking with its own token. Without it the organization is known by its name and"
                + " prefecture. An SME leaves it out (its token names its organization).")
        @Pattern(regexp = Patterns.ORGANIZATION_ID, message = "must be an organization id (letters, digits, . _ -; at most 64)")
        String organizationId) {
}
