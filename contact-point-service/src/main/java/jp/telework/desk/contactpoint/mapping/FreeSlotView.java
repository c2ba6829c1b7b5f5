package jp.telework.desk.contactpoint.mapping;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.telework.desk.common.vocabulary.Tokyo;
import jp.telework.desk.contactpoint.domain.NaviDialRouter;

@Schema(name = "FreeSlot", description = "A slot with free capacity (Asia/Tokyo)")
public record FreeSlotView(
        UUID slotId,
        @Schema(example = "2026-12-01") LocalDate date,
        @Schema(type = SchemaType.STRING, example = "10:00") @JsonFormat(pattern = "HH:mm") LocalTime startTime,
        @Schema(type = SchemaType.STRING, example = "11:00") @JsonFormat(pattern = "HH:mm") LocalTime endTime,
        @Schema(example = "2026-12-01T10:00:00+09:00") OffsetDateTime startsAt,
        @Schema(example = "1") int remaining) {

    public static FreeSlotView of(NaviDialRouter.FreeSlot s) {
        return new FreeSlotView(s.slotId(), s.date(), s.start(), s.end(), Tokyo.at(s.date(), s.start()), s.remaining());
    }
}
