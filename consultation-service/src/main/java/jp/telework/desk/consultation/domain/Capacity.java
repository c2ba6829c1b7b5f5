package jp.telework.desk.consultation.domain;

import java.time.OffsetDateTime;
import java.util.List;

import jp.telework.desk.common.problem.Problem;
import jp.telework.desk.common.problem.ProblemException;

/**
 * Capacity rules of a slot. The caller holds the slot's row lock while it applies them, so the
 * number of places taken cannot change between the check and the write.
 */
public final class Capacity {
    /** Why a slot cannot take one more booking; checked in this order. */
    public enum Refusal {
        NONE, IN_PAST, CLOSED, FULL
    }

    private Capacity() {
    }

    public static long remaining(int capacity, long placesTaken) {
        return Math.max(0, capacity - placesTaken);
    }

    public static Refusal check(boolean open, OffsetDateTime startsAt, OffsetDateTime now, int capacity, long placesTaken) {
        if (!startsAt.isAfter(now)) {
            return Refusal.IN_PAST;
        }
        if (!open) {
            return Refusal.CLOSED;
        }
        if (placesTaken >= capacity) {
            return Refusal.FULL;
        }
        return Refusal.NONE;
    }

    /** Throws the problem (distinct type per refusal, naming {@code field}) unless the slot can take one more. */
    public static void requireBookable(Slot slot, OffsetDateTime now, long placesTaken, String field) {
        switch (check(slot.isOpen(), slot.startsAt(), now, slot.capacity, placesTaken)) {
            case IN_PAST -> throw new ProblemException(400, "slot-in-past", "Slot in the past",
                    "slot " + slot.id + " started at " + slot.startsAt() + " and can no longer be booked",
                    List.of(new Problem.FieldError(field, "slot is in the past")));
            case CLOSED -> throw new ProblemException(409, "slot-closed", "Slot closed",
                    "slot " + slot.id + " is closed by its contact point",
                    List.of(new Problem.FieldError(field, "slot is closed")));
            case FULL -> throw full(slot.id, slot.capacity, field);
            case NONE -> {
            }
        }
    }

    public static ProblemException full(java.util.UUID slotId, int capacity, String field) {
        return new ProblemException(409, "slot-full", "Slot full",
                "slot " + slotId + " has no free place left (capacity " + capacity + ")",
                List.of(new Problem.FieldError(field, "slot is full")));
    }

    /**
     * Which of a slot's place holders lose their place after it shrank or closed: the oldest keep
     * theirs, the newest beyond the capacity are returned (newest last). {@code holdersOldestFirst}
     * must be ordered by the time each took its place.
     */
    public static <T> List<T> overflow(List<T> holdersOldestFirst, int capacity, boolean open) {
        int keep = open ? Math.max(0, capacity) : 0;
        if (holdersOldestFirst.size() <= keep) {
            return List.of();
        }
        return List.copyOf(holdersOldestFirst.subList(keep, holdersOldestFirst.size()));
    }

    /**
     * Fair shares: the organization already holds {@code limit} places in this slot. Checked under the slot's row
     * lock and the organization's lock, so concurrent requests of one organization cannot pass it together.
     */
    public static void requireShareLeft(long placesOfOrganization, int limit, java.util.UUID slotId, String field) {
        if (placesOfOrganization >= limit) {
            throw new ProblemException(409, "slot-share-reached", "Organization's share of the slot reached",
                    "the organization already holds " + placesOfOrganization + " of the places in slot " + slotId + " (limit " + limit
                            + " per organization); the other places stay for other organizations",
                    List.of(new Problem.FieldError(field, "the organization's share of this slot is taken")));
        }
    }

    /** The organization already has {@code cap} open bookings. */
    public static void requireBelowCap(long openBookings, int cap) {
        if (openBookings >= cap) {
            throw ProblemException.conflict("booking-limit-reached", "Booking limit reached",
                    "your organization already has " + openBookings + " open bookings (limit " + cap
                            + "); cancel one or wait until one has taken place");
        }
    }
}
