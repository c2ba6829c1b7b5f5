package jp.telework.desk.consultation.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * A booking's lifecycle: BOOKED -> COMPLETED | NO_SHOW | CANCELLED. A booking whose slot shrank or
 * closed below its bookings becomes NEEDS_RESCHEDULE (it no longer holds a place) until it is moved
 * to another slot (back to BOOKED) or cancelled. One that nobody closes — no outcome recorded after its
 * consultation, or never moved nor cancelled after it needed rescheduling — becomes OUTCOME_MISSING
 * some time after its slot ended (retention), so it is closed and later anonymized like the others.
 */
public enum BookingStatus {
    BOOKED, NEEDS_RESCHEDULE, CANCELLED, COMPLETED, NO_SHOW, OUTCOME_MISSING;

    private static final Set<BookingStatus> TERMINAL = EnumSet.of(CANCELLED, COMPLETED, NO_SHOW, OUTCOME_MISSING);

    /** Only a BOOKED booking takes a place of its slot's capacity. */
    public boolean holdsPlace() {
        return this == BOOKED;
    }

    /** Not finished yet: counts against the organization's cap. */
    public boolean isOpen() {
        return !isTerminal();
    }

    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }

    public boolean canBecome(BookingStatus next) {
        return switch (this) {
            case BOOKED -> next == CANCELLED || next == COMPLETED || next == NO_SHOW || next == NEEDS_RESCHEDULE
                    || next == OUTCOME_MISSING;
            case NEEDS_RESCHEDULE -> next == BOOKED || next == CANCELLED || next == OUTCOME_MISSING;
            case CANCELLED, COMPLETED, NO_SHOW, OUTCOME_MISSING -> false;
        };
    }
}
