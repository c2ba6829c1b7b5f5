package jp.telework.desk.contactpoint.mapping;

import java.time.DayOfWeek;
import java.time.LocalTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.telework.desk.contactpoint.domain.Mode;
import jp.telework.desk.contactpoint.domain.SlotPlanner;

@Schema(name = "PlanWindow", description = "On every such weekday, slots of slotMinutes from startTime to endTime (Asia/Tokyo), "
        + "each taking capacity consultations (the attorneys on duty), in one mode. The window must be a whole number of slots.")
@ValidWindow
public record PlanWindowBody(
        @Schema(example = "MONDAY", required = true) @NotNull DayOfWeek weekday,
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", description = "Local time of day in Asia/Tokyo, HH:mm", example = "10:00", required = true) @NotNull LocalTime startTime,
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", description = "Local time of day in Asia/Tokyo, HH:mm", example = "12:00", required = true) @NotNull LocalTime endTime,
        @Schema(example = "60", minimum = "10", maximum = "240", required = true) @NotNull @Min(10) @Max(240) Integer slotMinutes,
        @Schema(example = "2", minimum = "1", maximum = "100", required = true) @NotNull @Min(1) @Max(100) Integer capacity,
        @Schema(example = "IN_PERSON", required = true) @NotNull Mode mode) implements WindowShape {

    public SlotPlanner.Window toWindow() {
        return new SlotPlanner.Window(weekday, startTime, endTime, slotMinutes, capacity, mode);
    }
}
