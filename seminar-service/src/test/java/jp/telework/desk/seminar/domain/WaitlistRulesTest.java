package jp.telework.desk.seminar.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jp.telework.desk.seminar.domain.WaitlistRules.Entry;
import jp.telework.desk.seminar.domain.WaitlistRules.Window;

class WaitlistRulesTest {

    private static Entry e(int seats) {
        return new Entry(UUID.randomUUID(), seats);
    }

    @Test
    void admitsWhileSeatsRemain() {
        assertTrue(WaitlistRules.admits(20, 17, 3));
        assertFalse(WaitlistRules.admits(20, 18, 3));
        assertFalse(WaitlistRules.admits(20, 20, 1));
        assertTrue(WaitlistRules.admits(1, 0, 1));
    }

    @Test
    void promotesFirstComeFirstServed() {
        Entry a = e(1);
        Entry b = e(2);
        Entry c = e(1);
        assertEquals(List.of(a, b), WaitlistRules.promotions(3, List.of(a, b, c)));
        assertEquals(List.of(a, b, c), WaitlistRules.promotions(10, List.of(a, b, c)));
    }

    @Test
    void skipsEntriesThatNoLongerFitButKeepsTheirPlace() {
        Entry big = e(4);
        Entry small = e(2);
        Entry medium = e(3);
        Entry one = e(1);
        // 3 free: the 4-seat party does not fit, the 2 does, then 1 left: the 3 is skipped, the 1 fits
        assertEquals(List.of(small, one), WaitlistRules.promotions(3, List.of(big, small, medium, one)));
    }

    @Test
    void neverPromotesBeyondTheFreeSeats() {
        assertEquals(List.of(), WaitlistRules.promotions(0, List.of(e(1))));
        assertEquals(List.of(), WaitlistRules.promotions(-2, List.of(e(1))));
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            List<Entry> waitlist = new ArrayList<>();
            for (int i = 0; i < random.nextInt(30); i++) {
                waitlist.add(e(1 + random.nextInt(5)));
            }
            int free = random.nextInt(25);
            List<Entry> promoted = WaitlistRules.promotions(free, waitlist);
            assertTrue(promoted.stream().mapToInt(Entry::seats).sum() <= free);
            // promoted entries keep the waitlist order
            int last = -1;
            for (Entry p : promoted) {
                int at = waitlist.indexOf(p);
                assertTrue(at > last);
                last = at;
            }
            // whoever was passed over did not fit at the moment it was considered
            int left = free;
            for (Entry w : waitlist) {
                if (promoted.contains(w)) {
                    left -= w.seats();
                } else if (left > 0) {
                    assertTrue(w.seats() > left, "an entry that fit was skipped");
                }
            }
        }
    }

    @Test
    void demotesTheNewestConfirmedUntilTheRestFits() {
        Entry oldest = e(4);
        Entry middle = e(4);
        Entry newest = e(2);
        List<Entry> confirmed = List.of(oldest, middle, newest);
        assertEquals(List.of(), WaitlistRules.demotions(10, confirmed));
        assertEquals(List.of(newest), WaitlistRules.demotions(8, confirmed));
        // 7 seats: the newest (2) is not enough, the middle one goes too; oldest first in the result
        assertEquals(List.of(middle, newest), WaitlistRules.demotions(7, confirmed));
        assertEquals(List.of(oldest, middle, newest), WaitlistRules.demotions(0, confirmed));
    }

    @Test
    void theWindowDecidesWhetherTheWaitlistMoves() {
        Instant opens = Instant.parse("2026-10-01T00:00:00Z");
        Instant closes = Instant.parse("2026-11-09T08:00:00Z");
        Instant starts = Instant.parse("2026-11-10T05:00:00Z");
        assertEquals(Window.NOT_YET_OPEN, WaitlistRules.window(SeminarStatus.PUBLISHED, opens.minusSeconds(1), opens, closes, starts));
        assertEquals(Window.OPEN, WaitlistRules.window(SeminarStatus.PUBLISHED, opens, opens, closes, starts));
        assertEquals(Window.CLOSED, WaitlistRules.window(SeminarStatus.PUBLISHED, closes, opens, closes, starts));
        assertEquals(Window.STARTED, WaitlistRules.window(SeminarStatus.PUBLISHED, starts, opens, closes, starts));
        assertEquals(Window.NOT_PUBLISHED, WaitlistRules.window(SeminarStatus.DRAFT, opens.plusSeconds(5), opens, closes, starts));
        assertEquals(Window.NOT_PUBLISHED, WaitlistRules.window(SeminarStatus.CANCELLED, opens.plusSeconds(5), opens, closes, starts));
        assertTrue(WaitlistRules.promotesAt(Window.OPEN));
        for (Window w : List.of(Window.NOT_YET_OPEN, Window.CLOSED, Window.STARTED, Window.NOT_PUBLISHED)) {
            assertFalse(WaitlistRules.promotesAt(w), w.name());
        }
    }

    @Test
    void registrationTransitions() {
        assertTrue(RegistrationStatus.WAITLISTED.canMoveTo(RegistrationStatus.CONFIRMED));
        assertTrue(RegistrationStatus.CONFIRMED.canMoveTo(RegistrationStatus.WAITLISTED));
        assertTrue(RegistrationStatus.CONFIRMED.canMoveTo(RegistrationStatus.ATTENDED));
        assertTrue(RegistrationStatus.ATTENDED.canMoveTo(RegistrationStatus.NO_SHOW));
        assertFalse(RegistrationStatus.WAITLISTED.canMoveTo(RegistrationStatus.ATTENDED));
        assertFalse(RegistrationStatus.CANCELLED.canMoveTo(RegistrationStatus.CONFIRMED));
        assertFalse(RegistrationStatus.ATTENDED.canMoveTo(RegistrationStatus.CANCELLED));
        assertTrue(SeminarStatus.DRAFT.canMoveTo(SeminarStatus.PUBLISHED));
        assertFalse(SeminarStatus.DRAFT.canMoveTo(SeminarStatus.COMPLETED));
        assertFalse(SeminarStatus.CANCELLED.canMoveTo(SeminarStatus.PUBLISHED));
    }
}
