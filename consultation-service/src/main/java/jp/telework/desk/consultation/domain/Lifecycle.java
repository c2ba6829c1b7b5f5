package jp.telework.desk.consultation.domain;

import java.time.Duration;
import java.time.OffsetDateTime;

import jp.telework.desk.common.problem.ProblemException;

/** Timing and transition rules of bookings; each refusal is a 409 with its own problem type. */
public final class Lifecycle {
    private Lifecycle() {
    }

    public static void requireTransition(BookingStatus from, BookingStatus to) {
        if (!from.canBecome(to)) {
            throw illegal("booking", from.name(), to.name());
        }
    }

    public static ProblemException illegal(String what, String from, String to) {
        return ProblemException.conflict("invalid-transition", "Invalid state transition",
                "a " + what + " in state " + from + " cannot become " + to);
    }

    /**
     * The requester may cancel or move a booking only until {@code cutoff} before the start; a
     * booking flagged NEEDS_RESCHEDULE (the contact point broke it) has no cut-off.
     */
    public static void requireRequesterMayChange(BookingStatus status, OffsetDateTime startsAt, OffsetDateTime now,
            Duration cutoff) {
        if (status == BookingStatus.NEEDS_RESCHEDULE) {
            return;
        }
        if (now.isAfter(startsAt.minus(cutoff))) {
            throw ProblemException.conflict("change-cutoff-passed", "Too late to change",
                    "bookings can be cancelled or moved until " + cutoff.toHours() + " h before the start ("
                            + startsAt + "); contact the association instead");
        }
    }

    /**
     * An association or the secretariat may move a booking until the consultation starts (no cut-off: they
     * arrange it with the caller on the phone); one flagged NEEDS_RESCHEDULE can always get a new place.
     */
    public static void requireNotStarted(BookingStatus status, OffsetDateTime startsAt, OffsetDateTime now) {
        if (status != BookingStatus.NEEDS_RESCHEDULE && !now.isBefore(startsAt)) {
            throw ProblemException.conflict("consultation-started", "Consultation already started",
                    "the consultation started at " + startsAt + "; record its outcome instead of moving it");
        }
    }

    /** An outcome (COMPLETED, NO_SHOW) can be recorded once the consultation has started. */
    public static void requireStarted(OffsetDateTime startsAt, OffsetDateTime now) {
        if (now.isBefore(startsAt)) {
            throw ProblemException.conflict("consultation-not-started", "Consultation not started",
                    "an outcome can be recorded from the start of the consultation (" + startsAt + ")");
        }
    }
}
