package jp.telework.desk.seminar.mapping;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CancelRequest")
public record CancelRequest(@Size(max = 500) @Schema(example = "講師の体調不良のため中止します / Cancelled: the speaker is ill") String reason) {
}
