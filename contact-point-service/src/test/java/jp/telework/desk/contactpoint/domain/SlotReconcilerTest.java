package jp.telework.desk.contactpoint.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jp.telework.desk.contactpoint.domain.SlotPlanner.PlannedSlot;
import jp.telework.desk.contactpoint.domain.SlotReconciler.Existing;
import jp.telework.desk.contactpoint.domain.SlotReconciler.Impact;
import jp.telework.desk.contactpoint.domain.SlotReconciler.Result;

class SlotReconcilerTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    private static PlannedSlot planned(int hour, int capacity) {
        return new PlannedSlot(DAY, LocalTime.of(hour, 0), LocalTime.of(hour + 1, 0), Mode.IN_PERSON, capacity);
    }

    private static Existing stored(int hour, int capacity, String status, int booked) {
        return new Existing(UUID.randomUUID(), DAY, LocalTime.of(hour, 0), LocalTime.of(hour + 1, 0), Mode.IN_PERSON, capacity,
                status, booked);
    }

    @Test
    void opensChangesClosesAndReportsWhatHurtsBookings() {
        List<Existing> existing = List.of(
                stored(9, 2, "OPEN", 0), // unchanged
                stored(10, 3, "OPEN", 2), // shrinks to 1 below 2 booked
                stored(11, 2, "OPEN", 1), // disappears with a booking
                stored(12, 2, "OPEN", 0), // disappears quietly
                stored(13, 2, "CLOSED", 0), // wanted again
                stored(14, 2, "CLOSED", 1)); // stays closed
        Result result = SlotReconciler.reconcile(existing, List.of(planned(9, 2), planned(10, 1), planned(13, 2), planned(15, 2)));

        assertEquals(5, result.changes().size());
        assertInstanceOf(SlotReconciler.Modify.class, result.changes().get(0));
        assertInstanceOf(SlotReconciler.Reopen.class, result.changes().get(1));
        assertInstanceOf(SlotReconciler.Open.class, result.changes().get(2));
        assertInstanceOf(SlotReconciler.Close.class, result.changes().get(3));
        assertInstanceOf(SlotReconciler.Close.class, result.changes().get(4));
        assertEquals(2, result.unchanged());

        assertEquals(2, result.affected().size());
        assertEquals(LocalTime.of(10, 0), result.affected().get(0).slot().start());
        assertEquals(Impact.CAPACITY_BELOW_BOOKED, result.affected().get(0).impact());
        assertEquals(1, result.affected().get(0).newCapacity());
        assertEquals(Impact.CLOSED_WITH_BOOKINGS, result.affected().get(1).impact());
        assertEquals("CLOSED", result.affected().get(1).newStatus());
    }

    @Test
    void aChangedEndIsAChange() {
        Existing e = stored(9, 2, "OPEN", 0);
        Result r = SlotReconciler.reconcile(List.of(e),
                List.of(new PlannedSlot(DAY, LocalTime.of(9, 0), LocalTime.of(9, 30), Mode.IN_PERSON, 2)));
        assertInstanceOf(SlotReconciler.Modify.class, r.changes().get(0));
        assertEquals(0, r.affected().size());
    }

    @Test
    void nothingToDoIsNothing() {
        Result r = SlotReconciler.reconcile(List.of(stored(9, 2, "OPEN", 2)), List.of(planned(9, 2)));
        assertEquals(0, r.changes().size());
        assertEquals(1, r.unchanged());
    }
}
