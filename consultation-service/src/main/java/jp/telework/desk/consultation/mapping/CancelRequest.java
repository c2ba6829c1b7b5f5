package jp.telework.desk.consultation.mapping;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CancelRequest", description = "Cancel a booking; an association or the secretariat must give a reason")
public record CancelRequest(@Schema(example = "The consultant is unavailable") @Size(max = 500) String reason) {
}
