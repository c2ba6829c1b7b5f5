package jp.telework.desk.contactpoint.mapping;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.telework.desk.contactpoint.domain.Mode;
import jp.telework.desk.contactpoint.domain.SlotReconciler;

@Schema(name = "AffectedSlot", description = "A slot that now holds more bookings than it can take (shrunk below its "
        + "bookings, or closed with bookings). consultation-service flags those bookings for rescheduling.")
public record AffectedSlotView(
        UUID slotId,
        @Schema(example = "2026-12-01") LocalDate date,
        @Schema(type = SchemaType.STRING, example = "10:00") @JsonFormat(pattern = "HH:mm") LocalTime startTime,
        @Schema(type = SchemaType.STRING, example = "11:00") @JsonFormat(pattern = "HH:mm") LocalTime endTime,
        Mode mode,
        @Schema(description = "The new capacity", example = "1") int capacity,
        @Schema(description = "Bookings holding the slot", example = "2") int booked,
        @Schema(description = "The new status", example = "OPEN", enumeration = { "OPEN", "CLOSED" }) String status,
        @Schema(example = "CAPACITY_BELOW_BOOKED") SlotReconciler.Impact impact) {

    public static AffectedSlotView of(SlotReconciler.Affected a) {
        return new AffectedSlotView(a.slot().id(), a.slot().date(), a.slot().start(), a.slot().end(), a.slot().mode(),
                a.newCapacity(), a.slot().booked(), a.newStatus(), a.impact());
    }
}
