package jp.telework.desk.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A seminar or consultation meeting was published, updated, cancelled or completed. Key: the seminar id. */
public record SeminarEventV1(
        UUID seminarId,
        String kind,
        String format,
        String hostPrefecture,
        String venuePrefecture,
        OffsetDateTime startsAt,
        int capacity,
        String status) {
}
