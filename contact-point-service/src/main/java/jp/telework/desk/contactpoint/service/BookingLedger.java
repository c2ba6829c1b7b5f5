package jp.telework.desk.contactpoint.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import jp.telework.desk.common.inbox.PoisonEventException;
import jp.telework.desk.contactpoint.domain.BookingRef;
import jp.telework.desk.events.ConsultationEventV1;
import java.time.Clock;
import jp.telework.desk.common.vocabulary.Tokyo;

/**
 * Keeps per-slot booked counts from consultations.events. Each booking's current slot and state is
 * remembered, so a count follows what the booking actually holds: BOOKED takes a seat, CANCELLED
 * gives it back, RESCHEDULED moves it to the new slot; NEEDS_RESCHEDULE gives it back too (the slot
 * shrank or closed under it; consultation-service no longer counts it there); COMPLETED and NO_SHOW
 * change nothing (the consultation used its seat). A count never goes below 0. Called inside the consumer's transaction, which
 * also records the event id (a redelivery changes nothing).
 */
@ApplicationScoped
public class BookingLedger {
    @Inject
    Clock clock;
    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void booked(ConsultationEventV1 e) {
        place(e, required(e.slotId(), "slotId"), "BOOKED");
    }

    /** Moves the seat from the slot the ledger knows the booking held (the event's previousSlotId) to the new slot. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rescheduled(ConsultationEventV1 e) {
        place(e, required(e.slotId(), "slotId"), "BOOKED");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelled(ConsultationEventV1 e) {
        release(e, "CANCELLED");
    }

    /** The slot shrank or closed under the booking: its place is given back until it is moved. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void needsReschedule(ConsultationEventV1 e) {
        release(e, "NEEDS_RESCHEDULE");
    }

    private void release(ConsultationEventV1 e, String status) {
        UUID bookingId = required(e.bookingId(), "bookingId");
        BookingRef ref = BookingRef.findById(bookingId, LockModeType.PESSIMISTIC_WRITE);
        if (ref == null) {
            // released before we saw it booked (or never booked): remember it, no seat to give back
            ref = new BookingRef();
            ref.bookingId = bookingId;
            ref.slotId = required(e.slotId(), "slotId");
            requireSlot(ref.slotId);
            ref.status = status;
            ref.updatedAt = Tokyo.now(clock);
            ref.persist();
            return;
        }
        if (ref.holdsSeat()) {
            adjust(ref.slotId, -1);
        }
        if (!"CANCELLED".equals(ref.status)) {
            ref.status = status; // a cancelled booking stays cancelled
        }
        ref.updatedAt = Tokyo.now(clock);
    }

    /** COMPLETED, NO_SHOW: the state changes, the seat stays taken. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stateOnly(ConsultationEventV1 e, String status) {
        UUID bookingId = required(e.bookingId(), "bookingId");
        BookingRef ref = BookingRef.findById(bookingId, LockModeType.PESSIMISTIC_WRITE);
        if (ref == null) {
            place(e, required(e.slotId(), "slotId"), status);
            return;
        }
        if (!ref.holdsSeat()) {
            return; // a cancelled booking stays cancelled
        }
        ref.status = status;
        ref.updatedAt = Tokyo.now(clock);
    }

    /** The booking holds a seat in {@code slotId} from now on (moving it from another slot if needed). */
    private void place(ConsultationEventV1 e, UUID slotId, String status) {
        UUID bookingId = required(e.bookingId(), "bookingId");
        requireSlot(slotId);
        BookingRef ref = BookingRef.findById(bookingId, LockModeType.PESSIMISTIC_WRITE);
        if (ref == null) {
            ref = new BookingRef();
            ref.bookingId = bookingId;
            ref.slotId = slotId;
            ref.status = status;
            ref.updatedAt = Tokyo.now(clock);
            ref.persist();
            adjust(slotId, +1);
            return;
        }
        boolean held = ref.holdsSeat();
        if (held && !ref.slotId.equals(slotId)) {
            // two slot rows: update them in id order (the materializer locks slots in that order too)
            if (pgOrder(ref.slotId, slotId) < 0) {
                adjust(ref.slotId, -1);
                adjust(slotId, +1);
            } else {
                adjust(slotId, +1);
                adjust(ref.slotId, -1);
            }
        } else if (!held) {
            adjust(slotId, +1);
        }
        ref.slotId = slotId;
        ref.status = status;
        ref.updatedAt = Tokyo.now(clock);
    }

    /** PostgreSQL orders uuids by their unsigned bytes (Java's compareTo is signed). */
    static int pgOrder(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    private void adjust(UUID slotId, int delta) {
        em.createNativeQuery("UPDATE slot SET booked = GREATEST(0, booked + ?1) WHERE id = ?2")
                .setParameter(1, delta).setParameter(2, slotId).executeUpdate();
    }

    private void requireSlot(UUID slotId) {
        Number found = (Number) em.createNativeQuery("SELECT count(*) FROM slot WHERE id = ?1").setParameter(1, slotId)
                .getSingleResult();
        if (found.intValue() == 0) {
            // never ours: no retry can make it apply
            throw new PoisonEventException("unknown slot " + slotId);
        }
    }

    private static UUID required(UUID value, String field) {
        if (value == null) {
            throw new PoisonEventException(field + " is missing");
        }
        return value;
    }
}
