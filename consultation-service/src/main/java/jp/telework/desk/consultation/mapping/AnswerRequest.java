package jp.telework.desk.consultation.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AnswerRequest")
public record AnswerRequest(
        @Schema(example = "Start with the MIC telework security guidelines; we can go through them in a consultation.")
        @NotBlank @Size(max = 4000) String answer) {
}
