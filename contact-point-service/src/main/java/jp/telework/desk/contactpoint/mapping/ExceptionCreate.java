package jp.telework.desk.contactpoint.mapping;

import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.telework.desk.contactpoint.domain.ExceptionKind;
import jp.telework.desk.contactpoint.domain.Mode;

@Schema(name = "ExceptionCreate", description = """
        A dated exception (Asia/Tokyo date). CLOSED closes the whole day; OPEN applies the weekly plan on a holiday or \
        year-end day; EXTRA_WINDOW adds a window (startTime, endTime, slotMinutes, capacity, mode all required) and replaces \
        plan slots of its mode that overlap it; CAPACITY sets the capacity of that day's slots (optionally only one mode \
        and/or slots within startTime..endTime).""")
@ValidException
public record ExceptionCreate(
        @Schema(example = "2026-12-24", required = true) @NotNull LocalDate date,
        @Schema(example = "EXTRA_WINDOW", required = true) @NotNull ExceptionKind kind,
        @Schema(type = SchemaType.STRING, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", description = "Local time of day in Asia/Tokyo, HH:mm", example = "18:00") LocalTime startTime,
        @Schema(type = SchemaType.STRING, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", description = "Local time of day in Asia/Tokyo, HH:mm", example = "20:00") LocalTime endTime,
        @Schema(example = "60") @Min(10) @Max(240) Integer slotMinutes,
        @Schema(example = "1") @Min(1) @Max(100) Integer capacity,
        @Schema(example = "ONLINE") Mode mode,
        @Schema(example = "Evening consultations for shift workers", maxLength = 200) @Size(max = 200) String reason)
        implements WindowShape {
}
