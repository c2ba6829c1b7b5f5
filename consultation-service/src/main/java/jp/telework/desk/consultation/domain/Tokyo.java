package jp.telework.desk.consultation.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Japan Standard Time: slot dates and times are local to it; it has no daylight saving. */
public final class Tokyo {
    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");
    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(9);

    private Tokyo() {
    }

    /** The current time with the +09:00 offset. */
    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(OFFSET);
    }
}
