package jp.telework.desk.seminar.domain;

/**
 * CONFIRMED | WAITLISTED -> CANCELLED; WAITLISTED -> CONFIRMED (promotion); CONFIRMED -> WAITLISTED
 * (demotion when the host reduces capacity and asks for it); CONFIRMED -> ATTENDED | NO_SHOW (and
 * corrections between those two).
 */
public enum RegistrationStatus {
    CONFIRMED, WAITLISTED, CANCELLED, ATTENDED, NO_SHOW;

    /** Holds a place (a seat or a waitlist position): at most one such per organization and seminar. */
    public boolean isActive() {
        return this == CONFIRMED || this == WAITLISTED;
    }

    /** Occupies seats of the seminar's capacity. */
    public boolean holdsSeats() {
        return this == CONFIRMED || this == ATTENDED || this == NO_SHOW;
    }

    public boolean canMoveTo(RegistrationStatus next) {
        return switch (this) {
            case CONFIRMED -> next == CANCELLED || next == WAITLISTED || next == ATTENDED || next == NO_SHOW;
            case WAITLISTED -> next == CONFIRMED || next == CANCELLED;
            case ATTENDED -> next == NO_SHOW;
            case NO_SHOW -> next == ATTENDED;
            case CANCELLED -> false;
        };
    }
}
