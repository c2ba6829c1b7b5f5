package jp.telework.desk.consultation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jp.telework.desk.common.problem.ProblemException;

class CapacityTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-20T12:00:00+09:00");
    private static final OffsetDateTime LATER = NOW.plusDays(3);

    @Test
    void aSlotTakesBookingsUntilItsCapacity() {
        assertEquals(Capacity.Refusal.NONE, Capacity.check(true, LATER, NOW, 3, 0));
        assertEquals(Capacity.Refusal.NONE, Capacity.check(true, LATER, NOW, 3, 2));
        assertEquals(Capacity.Refusal.FULL, Capacity.check(true, LATER, NOW, 3, 3));
        assertEquals(Capacity.Refusal.FULL, Capacity.check(true, LATER, NOW, 0, 0));
        // over-booked after a shrink: still just full
        assertEquals(Capacity.Refusal.FULL, Capacity.check(true, LATER, NOW, 1, 4));
    }

    @Test
    void pastBeatsClosedBeatsFull() {
        assertEquals(Capacity.Refusal.IN_PAST, Capacity.check(false, NOW.minusMinutes(1), NOW, 0, 9));
        assertEquals(Capacity.Refusal.IN_PAST, Capacity.check(true, NOW, NOW, 3, 0), "a slot starting now has started");
        assertEquals(Capacity.Refusal.CLOSED, Capacity.check(false, LATER, NOW, 0, 9));
        assertEquals(Capacity.Refusal.CLOSED, Capacity.check(false, LATER, NOW, 3, 0));
    }

    @Test
    void refusalsAreDistinctProblemsNamingTheField() {
        Slot slot = new Slot();
        slot.id = UUID.randomUUID();
        slot.date = LocalDate.of(2026, 11, 23);
        slot.startTime = LocalTime.of(10, 0);
        slot.capacity = 1;
        slot.status = SlotStatus.OPEN;
        ProblemException full = assertThrows(ProblemException.class, () -> Capacity.requireBookable(slot, NOW, 1, "slotId"));
        assertEquals(409, full.status());
        assertEquals("slot-full", full.slug());
        assertEquals("slotId", full.errors().get(0).field());
        slot.status = SlotStatus.CLOSED;
        assertEquals("slot-closed", assertThrows(ProblemException.class, () -> Capacity.requireBookable(slot, NOW, 0, "slotId")).slug());
        slot.date = LocalDate.of(2026, 11, 19);
        ProblemException past = assertThrows(ProblemException.class, () -> Capacity.requireBookable(slot, NOW, 0, "slotId"));
        assertEquals(400, past.status());
        assertEquals("slot-in-past", past.slug());
        slot.date = LocalDate.of(2026, 11, 23);
        slot.status = SlotStatus.OPEN;
        Capacity.requireBookable(slot, NOW, 0, "slotId");
    }

    @Test
    void remainingNeverGoesNegative() {
        assertEquals(2, Capacity.remaining(3, 1));
        assertEquals(0, Capacity.remaining(3, 3));
        assertEquals(0, Capacity.remaining(1, 3));
    }

    @Test
    void theOldestKeepTheirPlaceWhenASlotShrinks() {
        List<String> oldestFirst = List.of("first", "second", "third", "fourth");
        assertEquals(List.of(), Capacity.overflow(oldestFirst, 4, true));
        assertEquals(List.of(), Capacity.overflow(oldestFirst, 10, true));
        assertEquals(List.of("third", "fourth"), Capacity.overflow(oldestFirst, 2, true));
        assertEquals(oldestFirst, Capacity.overflow(oldestFirst, 0, true));
        assertEquals(oldestFirst, Capacity.overflow(oldestFirst, 4, false), "a closed slot keeps nobody");
        assertEquals(List.of(), Capacity.overflow(List.of(), 0, false));
    }

    @Test
    void theOrganizationCapCountsOpenBookings() {
        Capacity.requireBelowCap(0, 5);
        Capacity.requireBelowCap(4, 5);
        ProblemException e = assertThrows(ProblemException.class, () -> Capacity.requireBelowCap(5, 5));
        assertEquals(409, e.status());
        assertEquals("booking-limit-reached", e.slug());
    }

    @Test
    void anOrganizationHoldsAtMostItsShareOfASlot() {
        UUID slot = UUID.randomUUID();
        Capacity.requireShareLeft(0, 1, slot, "slotId");
        Capacity.requireShareLeft(1, 2, slot, "slotId");
        ProblemException e = assertThrows(ProblemException.class, () -> Capacity.requireShareLeft(1, 1, slot, "slotId"));
        assertEquals(409, e.status());
        assertEquals("slot-share-reached", e.slug());
        assertThrows(ProblemException.class, () -> Capacity.requireShareLeft(3, 2, slot, "slotId"));
    }
}
