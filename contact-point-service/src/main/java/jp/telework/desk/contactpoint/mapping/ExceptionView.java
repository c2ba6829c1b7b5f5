package jp.telework.desk.contactpoint.mapping;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.telework.desk.contactpoint.domain.AvailabilityException;
import jp.telework.desk.contactpoint.domain.ExceptionKind;
import jp.telework.desk.contactpoint.domain.Mode;

@Schema(name = "Exception", description = "A dated exception to the weekly plan")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExceptionView(
        UUID id,
        @Schema(example = "13") String contactPointCode,
        @Schema(example = "2026-12-24") LocalDate date,
        @Schema(example = "EXTRA_WINDOW") ExceptionKind kind,
        @Schema(type = SchemaType.STRING, example = "18:00") @JsonFormat(pattern = "HH:mm") LocalTime startTime,
        @Schema(type = SchemaType.STRING, example = "20:00") @JsonFormat(pattern = "HH:mm") LocalTime endTime,
        @Schema(example = "60") Integer slotMinutes,
        @Schema(example = "1") Integer capacity,
        @Schema(example = "ONLINE") Mode mode,
        @Schema(example = "Evening consultations for shift workers") String reason,
        @Schema(example = "2026-11-20T10:15:30+09:00") OffsetDateTime createdAt) {

    public static ExceptionView of(AvailabilityException e) {
        return new ExceptionView(e.id, e.contactPointCode, e.day, e.kind, e.startTime, e.endTime, e.slotMinutes, e.capacity,
                e.mode, e.reason, e.createdAt);
    }
}
