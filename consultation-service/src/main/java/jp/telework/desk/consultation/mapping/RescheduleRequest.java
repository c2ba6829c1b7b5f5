package jp.telework.desk.consultation.mapping;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RescheduleRequest", description = "Move a booking to another slot (atomically; the old place is kept if the new slot is full)")
public record RescheduleRequest(@Schema(example = "1d7f0f55-2a0e-4c53-8f3a-55d0f3a1e001") @NotNull UUID slotId) {
}
