package jp.telework.desk.consultation.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Business settings of consultation-service (environment: CONSULTATION_...). */
@ConfigMapping(prefix = "consultation")
public interface ConsultationConfig {
    /** Open (BOOKED or NEEDS_RESCHEDULE, not yet taken place) bookings one organization may hold. */
    @WithDefault("5")
    int maxOpenBookingsPerOrganization();

    /**
     * Places one organization may hold in one slot (fair shares: one organization cannot take every place of a
     * slot), whichever channel booked them.
     */
    @WithDefault("1")
    int maxPlacesPerOrganizationPerSlot();

    /** How long before the start a requester may still cancel or reschedule. */
    @WithDefault("PT24H")
    Duration changeCutoff();

    /** Longest date range of one free-slot search. */
    @WithDefault("180")
    int maxSearchDays();

    Retention retention();

    interface Retention {
        /** Contact details and free text of bookings and inquiries closed longer than this are anonymized. */
        @WithDefault("P365D")
        Duration period();

        /**
         * A booking still BOOKED (no outcome recorded) or NEEDS_RESCHEDULE this long after its slot ended is
         * closed as OUTCOME_MISSING. A month: associations report a month's consultations to the secretariat.
         */
        @WithDefault("P30D")
        Duration outcomeMissingAfter();

        /** How often the anonymization job runs. */
        @WithDefault("1h")
        String every();
    }
}
