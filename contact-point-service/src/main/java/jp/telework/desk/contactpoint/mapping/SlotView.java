package jp.telework.desk.contactpoint.mapping;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.telework.desk.common.vocabulary.Tokyo;
import jp.telework.desk.contactpoint.domain.Mode;
import jp.telework.desk.contactpoint.domain.Slot;

@Schema(name = "Slot", description = "A concrete consultation slot; date and times are Asia/Tokyo local")
public record SlotView(
        @Schema(example = "6f1c2a5e-3f5b-4c1e-9d7a-2b8e4f0c1d2e") UUID id,
        @Schema(example = "13") String contactPointCode,
        @Schema(example = "2026-12-01") LocalDate date,
        @Schema(type = SchemaType.STRING, example = "10:00") @JsonFormat(pattern = "HH:mm") LocalTime startTime,
        @Schema(type = SchemaType.STRING, example = "11:00") @JsonFormat(pattern = "HH:mm") LocalTime endTime,
        @Schema(example = "2026-12-01T10:00:00+09:00") OffsetDateTime startsAt,
        @Schema(example = "2026-12-01T11:00:00+09:00") OffsetDateTime endsAt,
        @Schema(example = "IN_PERSON") Mode mode,
        @Schema(example = "2") int capacity,
        @Schema(example = "1") int booked,
        @Schema(description = "capacity - booked, never below 0 (0 for closed slots)", example = "1") int remaining,
        @Schema(example = "OPEN", enumeration = { "OPEN", "CLOSED" }) String status,
        @Schema(description = "Grows with every change of the slot (also in its events)", example = "1") long revision) {

    public static SlotView of(Slot s) {
        int remaining = "OPEN".equals(s.status) ? Math.max(0, s.capacity - s.booked) : 0;
        return new SlotView(s.id, s.contactPointCode, s.date, s.startTime, s.endTime,
                Tokyo.at(s.date, s.startTime), Tokyo.at(s.date, s.endTime), s.mode, s.capacity, s.booked, remaining, s.status,
                s.revision);
    }
}
