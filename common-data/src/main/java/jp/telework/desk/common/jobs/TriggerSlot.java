package jp.telework.desk.common.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import jp.telework.desk.common.vocabulary.Tokyo;

/**
 * The slot a trigger of a scheduled job belongs to: its scheduled fire time rounded down to the job's
 * period, periods counted from midnight 1970-01-01 in Asia/Tokyo. Every replica computes the same slot
 * for "the same" trigger, so the database can let exactly one of them run it ({@link ScheduledJobs}).
 *
 * <p>Why this rule. An interval job ({@code every = "1h"}) fires at a phase of its own on each replica
 * (start time + delay), so the fire times differ by up to a period: rounding down to the period puts
 * them into the same slot. A daily cron fires at the same nominal time on every replica (a clock a few
 * seconds off still computes 00:05:00 from the expression), so rounding it down to its day (Tokyo)
 * gives one slot per day even if two replicas run with different crons during a rollout. Periods that
 * divide a day start at Tokyo midnight (hourly slots on the hour, daily slots at 00:00 +09:00).
 *
 * <p>The price: interval fire times drift by up to a second per run (Quarkus re-arms from the actual
 * fire time), so once in a long while a replica's fire falls into the next slot and the slot it skipped
 * is run by another replica, or by nobody that period. The jobs using it are idempotent catch-all runs
 * (retention, re-materialization, housekeeping): the next slot does what a missed one would have done.
 */
public final class TriggerSlot {
    /** The period of the daily crons (nightly re-materialization, seminar retention): one run per Tokyo day. */
    public static final Duration DAY = Duration.ofDays(1);

    private static final long ORIGIN_MILLIS = Instant.parse("1970-01-01T00:00:00Z").toEpochMilli()
            - Tokyo.OFFSET.getTotalSeconds() * 1000L;

    private TriggerSlot() {
    }

    /** The start of the period that {@code scheduledFireTime} falls into. */
    public static Instant of(Instant scheduledFireTime, Duration period) {
        long millis = period.toMillis();
        if (period.isNegative() || millis < 1000) {
            throw new IllegalArgumentException("a job's period is at least a second: " + period);
        }
        long sinceOrigin = scheduledFireTime.toEpochMilli() - ORIGIN_MILLIS;
        return Instant.ofEpochMilli(ORIGIN_MILLIS + Math.floorDiv(sinceOrigin, millis) * millis);
    }

    /**
     * The period of an interval job from the same text as its {@code @Scheduled(every = ...)}, read as Quarkus
     * reads it: {@code 90} is seconds, {@code 10m}/{@code 1h} are prefixed with {@code PT}, {@code 2d} with
     * {@code P}, anything else is ISO-8601 ({@code PT15M}).
     */
    public static Duration every(String every) {
        String value = every.trim();
        try {
            if (!value.isEmpty() && Character.isDigit(value.charAt(0))) {
                if (value.chars().allMatch(Character::isDigit)) {
                    return Duration.ofSeconds(Long.parseLong(value));
                }
                char unit = Character.toLowerCase(value.charAt(value.length() - 1));
                return Duration.parse((unit == 'd' ? "P" : "PT") + value);
            }
            return Duration.parse(value);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("not an interval: " + every, e);
        }
    }
}
