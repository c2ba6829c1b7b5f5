package jp.telework.desk.events;

import java.util.UUID;

/** A registration changed state; {@code waitlistPosition} is set only while waitlisted. Key: the seminar id. */
public record RegistrationEventV1(
        UUID registrationId,
        UUID seminarId,
        String hostPrefecture,
        int seats,
        String status,
        Integer waitlistPosition) {
}
