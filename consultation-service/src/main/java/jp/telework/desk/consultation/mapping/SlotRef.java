package jp.telework.desk.consultation.mapping;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.telework.desk.consultation.domain.Mode;
import jp.telework.desk.consultation.domain.Slot;

@Schema(name = "BookedSlot", description = "The slot a booking holds (date and times in Asia/Tokyo)")
public record SlotRef(
        UUID slotId,
        @Schema(example = "13") String contactPointCode,
        @Schema(example = "2026-11-24") LocalDate date,
        @Schema(example = "10:00:00") LocalTime startTime,
        @Schema(example = "10:30:00") LocalTime endTime,
        @Schema(example = "2026-11-24T10:00:00+09:00") OffsetDateTime startsAt,
        Mode mode) {

    public static SlotRef of(Slot slot) {
        return new SlotRef(slot.id, slot.contactPointCode, slot.date, slot.startTime, slot.endTime, slot.startsAt(), slot.mode);
    }
}
