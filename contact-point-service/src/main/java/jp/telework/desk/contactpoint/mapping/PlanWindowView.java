package jp.telework.desk.contactpoint.mapping;

import java.time.DayOfWeek;
import java.time.LocalTime;

import com.fasterxml.jackson.annotation.JsonFormat;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.telework.desk.contactpoint.domain.Mode;
import jp.telework.desk.contactpoint.domain.PlanWindow;

@Schema(name = "PlanWindowView", description = "A window of the weekly plan as stored")
public record PlanWindowView(
        @Schema(example = "MONDAY") DayOfWeek weekday,
        @Schema(type = SchemaType.STRING, example = "10:00") @JsonFormat(pattern = "HH:mm") LocalTime startTime,
        @Schema(type = SchemaType.STRING, example = "12:00") @JsonFormat(pattern = "HH:mm") LocalTime endTime,
        @Schema(example = "60") int slotMinutes,
        @Schema(example = "2") int capacity,
        @Schema(example = "IN_PERSON") Mode mode) {

    public static PlanWindowView of(PlanWindow w) {
        return new PlanWindowView(w.dayOfWeek(), w.startTime, w.endTime, w.slotMinutes, w.capacity, w.mode);
    }
}
