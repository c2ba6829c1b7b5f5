package jp.telework.desk.contactpoint.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.telework.desk.contactpoint.domain.SlotPlanner.PlannedSlot;
import jp.telework.desk.contactpoint.domain.SlotPlanner.SlotKey;

/**
 * Compares the slots stored for a date range with the slots the plan wants there and says what to
 * open, reopen, change and close. Slots are matched by (date, start, mode). A closed slot that the
 * plan no longer wants stays closed; a stored slot is never deleted (bookings may point at it).
 */
public final class SlotReconciler {
    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";

    public record Existing(UUID id, LocalDate date, LocalTime start, LocalTime end, Mode mode, int capacity, String status,
            int booked) {
        SlotKey key() {
            return new SlotKey(date, start, mode);
        }
    }

    public sealed interface Change permits Open, Reopen, Modify, Close {
    }

    /** A new slot. */
    public record Open(PlannedSlot planned) implements Change {
    }

    /** A closed slot the plan wants again. */
    public record Reopen(Existing existing, PlannedSlot planned) implements Change {
    }

    /** An open slot whose end or capacity changes. */
    public record Modify(Existing existing, PlannedSlot planned) implements Change {
    }

    /** An open slot the plan no longer wants. */
    public record Close(Existing existing) implements Change {
    }

    /** Why a slot now holds more bookings than it can take. */
    public enum Impact {
        CAPACITY_BELOW_BOOKED, CLOSED_WITH_BOOKINGS
    }

    public record Affected(Existing slot, int newCapacity, String newStatus, Impact impact) {
    }

    public record Result(List<Change> changes, int unchanged, List<Affected> affected) {
    }

    private SlotReconciler() {
    }

    public static Result reconcile(List<Existing> existing, List<PlannedSlot> desired) {
        Map<SlotKey, Existing> stored = new HashMap<>();
        for (Existing e : existing) {
            stored.put(e.key(), e);
        }
        List<Change> changes = new ArrayList<>();
        List<Affected> affected = new ArrayList<>();
        int unchanged = 0;
        for (PlannedSlot p : desired) {
            Existing e = stored.remove(p.key());
            if (e == null) {
                changes.add(new Open(p));
            } else if (CLOSED.equals(e.status())) {
                changes.add(new Reopen(e, p));
                if (p.capacity() < e.booked()) {
                    affected.add(new Affected(e, p.capacity(), OPEN, Impact.CAPACITY_BELOW_BOOKED));
                }
            } else if (e.capacity() != p.capacity() || !e.end().equals(p.end())) {
                changes.add(new Modify(e, p));
                if (p.capacity() < e.booked()) {
                    affected.add(new Affected(e, p.capacity(), OPEN, Impact.CAPACITY_BELOW_BOOKED));
                }
            } else {
                unchanged++;
            }
        }
        List<Existing> leftOver = new ArrayList<>(stored.values());
        leftOver.sort(Comparator.comparing(Existing::date).thenComparing(Existing::start).thenComparing(Existing::mode));
        for (Existing e : leftOver) {
            if (OPEN.equals(e.status())) {
                changes.add(new Close(e));
                if (e.booked() > 0) {
                    affected.add(new Affected(e, e.capacity(), CLOSED, Impact.CLOSED_WITH_BOOKINGS));
                }
            } else {
                unchanged++;
            }
        }
        affected.sort(Comparator.comparing((Affected a) -> a.slot().date()).thenComparing(a -> a.slot().start())
                .thenComparing(a -> a.slot().mode()));
        return new Result(changes, unchanged, affected);
    }
}
