package jp.telework.desk.common.deadletter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a dead letter is given up (kept with it). */
@Schema(name = "DiscardRequest")
public record DiscardRequest(
        @Schema(description = "Why it is given up", example = "slot of a contact point that was deleted; nothing to apply",
                minLength = 1, maxLength = 500) @NotBlank @Size(max = 500) String reason) {
}
