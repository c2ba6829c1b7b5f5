package jp.telework.desk.consultation.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OutcomeRequest", description = "The association records how the consultation went")
public record OutcomeRequest(
        @Schema(example = "COMPLETED") @NotNull Outcome outcome,
        @Schema(example = "Explained VPN options and the telework rules of employment.") @NotBlank @Size(max = 1000) String summary) {

    public enum Outcome {
        COMPLETED, NO_SHOW
    }
}
