package jp.telework.desk.consultation.domain;

import static jp.telework.desk.consultation.domain.BookingStatus.BOOKED;
import static jp.telework.desk.consultation.domain.BookingStatus.CANCELLED;
import static jp.telework.desk.consultation.domain.BookingStatus.COMPLETED;
import static jp.telework.desk.consultation.domain.BookingStatus.NEEDS_RESCHEDULE;
import static jp.telework.desk.consultation.domain.BookingStatus.NO_SHOW;
import static jp.telework.desk.consultation.domain.BookingStatus.OUTCOME_MISSING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import jp.telework.desk.common.problem.ProblemException;

class LifecycleTest {
    private static final OffsetDateTime START = OffsetDateTime.parse("2026-11-24T10:00:00+09:00");
    private static final Duration CUTOFF = Duration.ofHours(24);

    @Test
    void onlyTheseTransitionsExist() {
        Map<BookingStatus, Set<BookingStatus>> allowed = Map.of(
                BOOKED, EnumSet.of(CANCELLED, COMPLETED, NO_SHOW, NEEDS_RESCHEDULE, OUTCOME_MISSING),
                NEEDS_RESCHEDULE, EnumSet.of(BOOKED, CANCELLED, OUTCOME_MISSING),
                CANCELLED, EnumSet.noneOf(BookingStatus.class),
                COMPLETED, EnumSet.noneOf(BookingStatus.class),
                NO_SHOW, EnumSet.noneOf(BookingStatus.class),
                OUTCOME_MISSING, EnumSet.noneOf(BookingStatus.class));
        for (BookingStatus from : BookingStatus.values()) {
            for (BookingStatus to : BookingStatus.values()) {
                assertEquals(allowed.get(from).contains(to), from.canBecome(to), from + " -> " + to);
            }
        }
    }

    @Test
    void illegalTransitionIs409() {
        ProblemException e = assertThrows(ProblemException.class, () -> Lifecycle.requireTransition(CANCELLED, COMPLETED));
        assertEquals(409, e.status());
        assertEquals("invalid-transition", e.slug());
        Lifecycle.requireTransition(BOOKED, COMPLETED);
    }

    @Test
    void onlyBookedHoldsAPlaceButBothOpenStatesCountAgainstTheCap() {
        assertTrue(BOOKED.holdsPlace());
        assertFalse(NEEDS_RESCHEDULE.holdsPlace());
        assertTrue(BOOKED.isOpen());
        assertTrue(NEEDS_RESCHEDULE.isOpen());
        assertFalse(CANCELLED.isOpen());
    }

    @Test
    void becomingTerminalRecordsTheClosingTime() {
        Booking b = new Booking();
        b.status = BOOKED;
        OffsetDateTime now = START.minusDays(1);
        b.become(NEEDS_RESCHEDULE, now);
        assertNull(b.closedAt);
        b.become(CANCELLED, now);
        assertEquals(now, b.closedAt);
        assertThrows(ProblemException.class, () -> b.become(BOOKED, now));
    }

    @Test
    void theRequesterMayChangeUntilTheCutoff() {
        Lifecycle.requireRequesterMayChange(BOOKED, START, START.minusHours(25), CUTOFF);
        Lifecycle.requireRequesterMayChange(BOOKED, START, START.minusHours(24), CUTOFF);
        ProblemException e = assertThrows(ProblemException.class,
                () -> Lifecycle.requireRequesterMayChange(BOOKED, START, START.minusHours(23), CUTOFF));
        assertEquals("change-cutoff-passed", e.slug());
        assertEquals(409, e.status());
        // a booking the contact point broke has no cut-off
        Lifecycle.requireRequesterMayChange(NEEDS_RESCHEDULE, START, START.minusMinutes(5), CUTOFF);
    }

    @Test
    void outcomesFromTheStart() {
        assertEquals("consultation-not-started",
                assertThrows(ProblemException.class, () -> Lifecycle.requireStarted(START, START.minusSeconds(1))).slug());
        Lifecycle.requireStarted(START, START);
        Lifecycle.requireStarted(START, START.plusHours(3));
    }

    @Test
    void inquiriesGoOpenAnsweredClosed() {
        assertTrue(InquiryStatus.OPEN.canBecome(InquiryStatus.ANSWERED));
        assertTrue(InquiryStatus.ANSWERED.canBecome(InquiryStatus.CLOSED));
        assertFalse(InquiryStatus.OPEN.canBecome(InquiryStatus.CLOSED));
        assertFalse(InquiryStatus.ANSWERED.canBecome(InquiryStatus.ANSWERED));
        assertFalse(InquiryStatus.CLOSED.canBecome(InquiryStatus.OPEN));
    }

    @Test
    void onThePhoneABookingMovesUntilItStartsWithoutCutoff() {
        Lifecycle.requireNotStarted(BOOKED, START, START.minusMinutes(1));
        ProblemException e = assertThrows(ProblemException.class, () -> Lifecycle.requireNotStarted(BOOKED, START, START));
        assertEquals("consultation-started", e.slug());
        assertThrows(ProblemException.class, () -> Lifecycle.requireNotStarted(BOOKED, START, START.plusHours(1)));
        // a booking the contact point broke can always get a new place
        Lifecycle.requireNotStarted(NEEDS_RESCHEDULE, START, START.plusHours(1));
    }
}
