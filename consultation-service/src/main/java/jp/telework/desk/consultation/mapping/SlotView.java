package jp.telework.desk.consultation.mapping;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.telework.desk.consultation.domain.Mode;
import jp.telework.desk.common.vocabulary.Region;
import jp.telework.desk.consultation.domain.SlotStatus;

@Schema(name = "Slot", description = "A consultation slot of a prefecture's contact point (Asia/Tokyo local date and times)")
public record SlotView(
        UUID slotId,
        @Schema(example = "13") String contactPointCode,
        @Schema(example = "KANTO") Region region,
        @Schema(example = "2026-11-24") LocalDate date,
        @Schema(example = "10:00:00") LocalTime startTime,
        @Schema(example = "10:30:00") LocalTime endTime,
        @Schema(example = "2026-11-24T10:00:00+09:00") OffsetDateTime startsAt,
        @Schema(example = "2026-11-24T10:30:00+09:00") OffsetDateTime endsAt,
        Mode mode,
        @Schema(example = "3") int capacity,
        @Schema(example = "2", description = "capacity minus the bookings holding a place") long remainingCapacity,
        SlotStatus status) {
}
