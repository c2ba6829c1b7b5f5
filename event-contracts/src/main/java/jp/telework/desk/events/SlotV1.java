package jp.telework.desk.events;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * A concrete consultation slot as contact-point-service publishes it (opened, changed, closed).
 * Date and times are local to Asia/Tokyo. {@code revision} grows with every change of the slot so a
 * consumer can drop a stale event that arrives after a newer one.
 */
public record SlotV1(
        UUID slotId,
        String contactPointCode,
        LocalDate date,
        LocalTime startTime,
        LocalTime endTime,
        String mode,
        int capacity,
        String status,
        long revision) {
    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";
}
