package jp.telework.desk.common.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

/** The slot rule: replicas firing "the same" trigger at different moments agree on its slot. */
class TriggerSlotTest {
    private static final Duration HOUR = Duration.ofHours(1);

    private static Instant tokyo(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+09:00").toInstant();
    }

    @Test
    void intervalJobsOfReplicasStartedAtDifferentTimesShareTheHour() {
        // replica A started at 10:03:12, replica B at 10:27:40: both fire once an hour, at their own phase
        assertEquals(tokyo("2026-12-01T10:00:00"), TriggerSlot.of(tokyo("2026-12-01T10:04:12"), HOUR));
        assertEquals(tokyo("2026-12-01T10:00:00"), TriggerSlot.of(tokyo("2026-12-01T10:28:40"), HOUR));
        assertEquals(tokyo("2026-12-01T11:00:00"), TriggerSlot.of(tokyo("2026-12-01T11:04:12"), HOUR), "the next fire: the next slot");
        assertEquals(tokyo("2026-12-01T10:00:00"), TriggerSlot.of(tokyo("2026-12-01T10:00:00"), HOUR), "a slot starts at its start");
        assertNotEquals(TriggerSlot.of(tokyo("2026-12-01T10:59:59.999"), HOUR), TriggerSlot.of(tokyo("2026-12-01T11:00:00"), HOUR));
    }

    @Test
    void aCronFiresAtTheSameNominalTimeOnEveryReplicaWhateverItsClock() {
        // 0 5 0 * * ? in Asia/Tokyo: clocks 3 s apart still compute 00:05:00 as the scheduled fire time; a
        // replica still on yesterday's cron (00:10) or one that fires late lands on the same Tokyo day
        Instant day = tokyo("2026-12-02T00:00:00");
        assertEquals(day, TriggerSlot.of(tokyo("2026-12-02T00:05:00"), TriggerSlot.DAY));
        assertEquals(day, TriggerSlot.of(tokyo("2026-12-02T00:10:00"), TriggerSlot.DAY));
        assertEquals(day, TriggerSlot.of(tokyo("2026-12-02T03:30:00"), TriggerSlot.DAY));
        assertEquals(day, TriggerSlot.of(tokyo("2026-12-02T23:59:59"), TriggerSlot.DAY));
        assertEquals(tokyo("2026-12-01T00:00:00"), TriggerSlot.of(tokyo("2026-12-01T23:59:59"), TriggerSlot.DAY));
        // the day is Tokyo's, not UTC's: 00:05 in Tokyo is 15:05 UTC the day before
        assertEquals(Instant.parse("2026-12-01T15:00:00Z"), TriggerSlot.of(Instant.parse("2026-12-01T15:05:00Z"), TriggerSlot.DAY));
    }

    @Test
    void periodsThatDivideADayStartAtTokyoMidnight() {
        Duration sixHours = Duration.ofHours(6);
        assertEquals(tokyo("2026-12-01T00:00:00"), TriggerSlot.of(tokyo("2026-12-01T05:59:59"), sixHours));
        assertEquals(tokyo("2026-12-01T06:00:00"), TriggerSlot.of(tokyo("2026-12-01T06:00:20"), sixHours));
        assertEquals(tokyo("2026-12-01T18:00:00"), TriggerSlot.of(tokyo("2026-12-01T23:00:00"), sixHours));
        Duration tenMinutes = Duration.ofMinutes(10);
        assertEquals(tokyo("2026-12-01T09:30:00"), TriggerSlot.of(tokyo("2026-12-01T09:39:58"), tenMinutes));
        assertEquals(tokyo("2026-12-01T09:40:00"), TriggerSlot.of(tokyo("2026-12-01T09:40:01"), tenMinutes));
        // a period that does not divide a day is still one fixed grid every replica shares
        Duration sevenHours = Duration.ofHours(7);
        assertEquals(TriggerSlot.of(tokyo("2026-12-01T10:00:00"), sevenHours), TriggerSlot.of(tokyo("2026-12-01T10:00:03"), sevenHours));
        // before 1970 too (floor, not truncation towards zero)
        assertEquals(tokyo("1969-12-31T23:00:00"), TriggerSlot.of(tokyo("1969-12-31T23:30:00"), HOUR));
    }

    @Test
    void theIntervalIsReadAsQuarkusReadsEvery() {
        assertEquals(Duration.ofHours(1), TriggerSlot.every("1h"));
        assertEquals(Duration.ofMinutes(10), TriggerSlot.every("10m"));
        assertEquals(Duration.ofMinutes(15), TriggerSlot.every(" 15m "));
        assertEquals(Duration.ofHours(6), TriggerSlot.every("6h"));
        assertEquals(Duration.ofSeconds(90), TriggerSlot.every("90"));
        assertEquals(Duration.ofSeconds(30), TriggerSlot.every("30s"));
        assertEquals(Duration.ofDays(2), TriggerSlot.every("2d"));
        assertEquals(Duration.ofMinutes(15), TriggerSlot.every("PT15M"));
        assertThrows(IllegalArgumentException.class, () -> TriggerSlot.every("off"));
        assertThrows(IllegalArgumentException.class, () -> TriggerSlot.every("1 hour"));
    }

    @Test
    void aPeriodIsAtLeastASecond() {
        Instant t = tokyo("2026-12-01T10:00:00");
        assertThrows(IllegalArgumentException.class, () -> TriggerSlot.of(t, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> TriggerSlot.of(t, Duration.ofMillis(500)));
        assertThrows(IllegalArgumentException.class, () -> TriggerSlot.of(t, Duration.ofHours(-1)));
    }
}
