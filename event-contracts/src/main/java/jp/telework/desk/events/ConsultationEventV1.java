package jp.telework.desk.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A booking's state changed. No personal data: ids, codes, statuses and dates only.
 * {@code previousSlotId} is set on reschedules (the slot that was released).
 */
public record ConsultationEventV1(
        UUID bookingId,
        UUID slotId,
        UUID previousSlotId,
        String contactPointCode,
        String mode,
        LocalDate slotDate,
        List<String> topics,
        String status) {
}
