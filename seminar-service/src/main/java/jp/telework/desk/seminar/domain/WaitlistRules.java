package jp.telework.desk.seminar.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The seat and waitlist rules of one seat pool, free of persistence so they can be tested plainly.
 * The service applies them while holding the seminar row lock, so the inputs are a consistent
 * snapshot and the outputs are applied atomically.
 */
public final class WaitlistRules {
    private WaitlistRules() {
    }

    /** A registration as far as the rules care: who, and how many seats. */
    public record Entry(UUID id, int seats) {
        public Entry {
            if (seats < 1) {
                throw new IllegalArgumentException("seats must be positive");
            }
        }
    }

    /** A new registration is confirmed when its seats fit into what is left, else it joins the waitlist. */
    public static boolean admits(int capacity, int confirmedSeats, int seats) {
        return seats <= capacity - confirmedSeats;
    }

    /**
     * First come, first served with skipping: walks the waitlist in order and promotes every entry
     * whose seat count still fits; an entry that does not fit keeps its place and later, smaller
     * entries may pass it. Never promotes beyond the free seats.
     *
     * @param freeSeats       capacity minus confirmed seats (may be 0 or negative: nothing is promoted)
     * @param waitlistInOrder the waitlist, first in line first
     * @return the entries to promote, in waitlist order
     */
    public static List<Entry> promotions(int freeSeats, List<Entry> waitlistInOrder) {
        List<Entry> promoted = new ArrayList<>();
        int free = freeSeats;
        for (Entry e : waitlistInOrder) {
            if (free <= 0) {
                break;
            }
            if (e.seats() <= free) {
                promoted.add(e);
                free -= e.seats();
            }
        }
        return promoted;
    }

    /**
     * Which confirmed registrations go back to the waitlist when the capacity shrinks below the
     * confirmed seats and the change asks to demote: the newest confirmed first, until the rest fits.
     *
     * @param newCapacity            the reduced capacity (0 or more)
     * @param confirmedOldestFirst   confirmed registrations in the order they got their seats
     * @return the demoted entries, oldest first (the order they take at the front of the waitlist)
     */
    public static List<Entry> demotions(int newCapacity, List<Entry> confirmedOldestFirst) {
        int confirmed = confirmedOldestFirst.stream().mapToInt(Entry::seats).sum();
        List<Entry> demoted = new ArrayList<>();
        for (int i = confirmedOldestFirst.size() - 1; i >= 0 && confirmed > newCapacity; i--) {
            Entry e = confirmedOldestFirst.get(i);
            demoted.add(0, e);
            confirmed -= e.seats();
        }
        return demoted;
    }

    /** Where registration stands at a given moment. */
    public enum Window {
        NOT_PUBLISHED, NOT_YET_OPEN, OPEN, CLOSED, STARTED
    }

    public static Window window(SeminarStatus status, java.time.Instant now, java.time.Instant opensAt,
            java.time.Instant closesAt, java.time.Instant startsAt) {
        if (status != SeminarStatus.PUBLISHED) {
            return Window.NOT_PUBLISHED;
        }
        if (!now.isBefore(startsAt)) {
            return Window.STARTED;
        }
        if (!now.isBefore(closesAt)) {
            return Window.CLOSED;
        }
        if (now.isBefore(opensAt)) {
            return Window.NOT_YET_OPEN;
        }
        return Window.OPEN;
    }

    /** The waitlist moves only while registration is open: never after it closes, never once the seminar started. */
    public static boolean promotesAt(Window window) {
        return window == Window.OPEN;
    }
}
