package jp.telework.desk.seminar.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tunable rules of seminar-service (environment: SEMINAR_REGISTRATION_MAX_SEATS etc.). */
@ConfigMapping(prefix = "seminar")
public interface SeminarConfig {
    Registration registration();

    Schedule schedule();

    Listing listing();

    Retention retention();

    interface Registration {
        /** Most seats one registration may take. */
        @WithDefault("5")
        int maxSeats();
    }

    interface Schedule {
        /** Longest an event may last (a month-long satellite-office trial fits). */
        @WithDefault("P31D")
        Duration maxDuration();

        /** A published seminar is completed automatically this long after it ended. */
        @WithDefault("PT24H")
        Duration autoCompleteAfter();

        /** How often the auto-completion job runs (read by its {@code @Scheduled} too; once per interval across replicas). */
        @WithDefault("10m")
        String autoCompleteEvery();
    }

    interface Listing {
        @WithDefault("20")
        int defaultPageSize();

        @WithDefault("100")
        int maxPageSize();

        /** At most this many events in one calendar feed. */
        @WithDefault("500")
        int calendarMaxEvents();
    }

    interface Retention {
        /** Registrants' contact details are anonymized this long after the seminar ended. */
        @WithDefault("P365D")
        Duration personalData();
    }
}
