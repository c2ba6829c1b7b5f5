package jp.telework.desk.contactpoint.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How far ahead slots exist and where the official holiday list comes from. */
@ConfigMapping(prefix = "telework.availability")
public interface AvailabilityConfig {
    /** Slots are materialized from today (Asia/Tokyo) for this many weeks. */
    @WithDefault("8")
    int horizonWeeks();

    /** How far ahead (days) a dated exception may be recorded. */
    @WithDefault("400")
    int maxExceptionDaysAhead();

    /** When the nightly re-materialization runs (Quartz-style cron, Asia/Tokyo): rolls the horizon by a day. */
    @WithDefault("0 5 0 * * ?")
    String rematerializeCron();

    /** How often a catch-up re-materialization runs (also shortly after start, see catch-up-delay). */
    @WithDefault("6h")
    String catchUpEvery();

    @WithDefault("20s")
    String catchUpDelay();

    /** Optional path of the Cabinet Office holiday CSV (syukujitsu.csv); the years it lists replace the computed ones. */
    Optional<String> holidayCsv();

    /** The CSV's character set (the Cabinet Office publishes Shift_JIS). */
    @WithDefault("Shift_JIS")
    String holidayCsvCharset();
}
