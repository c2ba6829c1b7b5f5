package jp.telework.desk.common.housekeeping;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long the shared tables keep their rows (environment: TELEWORK_HOUSEKEEPING_...); see common-data's README. */
@ConfigMapping(prefix = "telework.housekeeping")
public interface HousekeepingConfig {
    /** How often the purge runs (once per trigger across replicas); {@code off} disables it. */
    @WithDefault("15m")
    String every();

    /** The first run after start (the annotation reads it; here for the one list of keys). */
    @WithDefault("2m")
    String delay();

    /** Rows deleted per statement (each batch commits on its own, so no lock is held for long). */
    @WithDefault("1000")
    int batchSize();

    /** Published outbox rows are kept this long after publication (to look into what was sent). */
    @WithDefault("P7D")
    Duration outboxRetention();

    /**
     * Processed event ids are kept this long: longer than any redelivery can come (topic retention 7 days,
     * plus up to a segment's age before Kafka deletes it; dead-letter topics 28 days plus a segment, for a
     * replay of a replay), see the README.
     */
    @WithDefault("P45D")
    Duration inboxRetention();

    /** Records of scheduled job runs are kept this long. */
    @WithDefault("P30D")
    Duration jobRunRetention();

    /** Replayed and discarded dead letters are kept this long after they were resolved (what was done, by whom). */
    @WithDefault("P30D")
    Duration deadLetterRetention();
}
