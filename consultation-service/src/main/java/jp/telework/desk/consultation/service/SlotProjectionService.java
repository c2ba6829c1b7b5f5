package jp.telework.desk.consultation.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import jp.telework.desk.common.inbox.PoisonEventException;
import jp.telework.desk.consultation.domain.Booking;
import jp.telework.desk.consultation.domain.BookingStatus;
import jp.telework.desk.consultation.domain.Capacity;
import jp.telework.desk.consultation.domain.ContactPointInfo;
import jp.telework.desk.consultation.domain.Mode;
import jp.telework.desk.common.vocabulary.Prefectures;
import jp.telework.desk.common.vocabulary.Region;
import jp.telework.desk.consultation.domain.Slot;
import jp.telework.desk.consultation.domain.SlotStatus;
import jp.telework.desk.common.vocabulary.Tokyo;
import jp.telework.desk.consultation.event.ConsultationEvents;
import jp.telework.desk.events.ContactPointChangedV1;
import jp.telework.desk.events.EventType;
import jp.telework.desk.events.EventTypes;
import jp.telework.desk.events.SlotV1;

/**
 * Keeps the local projection of slots and contact points. Runs inside the idempotent consumer's
 * transaction (one per event, with its inbox row). Data that can never apply throws
 * {@link PoisonEventException} (the event goes to the consumer's dead-letter topic).
 */
@ApplicationScoped
public class SlotProjectionService {
    private static final Logger LOG = Logger.getLogger(SlotProjectionService.class);

    @Inject
    ConsultationEvents events;
    @Inject
    Clock clock;

    /**
     * Applies a slot event unless it is older than what we have (revision). When the slot now has
     * fewer places than bookings holding one (shrunk or closed), the newest bookings beyond the
     * capacity are flagged NEEDS_RESCHEDULE, each with an event; the oldest keep their place.
     */
    @Transactional
    public void slot(EventType<SlotV1> type, SlotV1 e) {
        validate(e);
        SlotStatus status = EventTypes.SLOT_CLOSED.equals(type) ? SlotStatus.CLOSED
                : PoisonEventException.known(SlotStatus.class, e.status(), "status");
        // the row lock orders this change with bookings and reschedules of the same slot
        Slot slot = Slot.findById(e.slotId(), LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = Tokyo.now(clock);
        if (slot == null) {
            slot = new Slot();
            slot.id = e.slotId();
            copy(e, status, slot, now);
            slot.persist();
            return;
        }
        if (e.revision() <= slot.revision) {
            LOG.debugf("slot %s: dropping stale revision %d (have %d)", e.slotId(), e.revision(), slot.revision);
            return;
        }
        if (!slot.contactPointCode.equals(e.contactPointCode())) {
            throw new PoisonEventException("slot " + e.slotId() + " cannot move from contact point "
                    + slot.contactPointCode + " to " + e.contactPointCode());
        }
        copy(e, status, slot, now);
        if (slot.startsAt().isAfter(now)) {
            flagOverflow(slot, now);
        }
    }

    private void flagOverflow(Slot slot, OffsetDateTime now) {
        List<Booking> holders = Booking.list("slot = ?1 and status = ?2 order by placedAt, id", slot, BookingStatus.BOOKED);
        for (Booking b : Capacity.overflow(holders, slot.capacity, slot.isOpen())) {
            b.become(BookingStatus.NEEDS_RESCHEDULE, now);
            events.booking(EventTypes.CONSULTATION_NEEDS_RESCHEDULE, b);
        }
    }

    @Transactional
    public void contactPoint(ContactPointChangedV1 e) {
        PoisonEventException.require(Prefectures.isCode(e.code()), "not a contact point code: " + e.code());
        Region region = PoisonEventException.known(Region.class, e.region(), "region");
        String[] modes = e.modes() == null ? new String[0]
                : e.modes().stream().map(m -> PoisonEventException.known(Mode.class, m, "mode").name()).toArray(String[]::new);
        ContactPointInfo cp = ContactPointInfo.findById(e.code(), LockModeType.PESSIMISTIC_WRITE);
        boolean known = cp != null;
        if (!known) {
            cp = new ContactPointInfo();
            cp.code = e.code();
        }
        cp.region = region;
        cp.modes = modes;
        cp.faceToFaceAvailable = e.faceToFaceAvailable();
        cp.active = e.active();
        cp.updatedAt = Tokyo.now(clock);
        if (!known) {
            cp.persist();
        }
    }

    private static void copy(SlotV1 e, SlotStatus status, Slot slot, OffsetDateTime now) {
        slot.contactPointCode = e.contactPointCode();
        slot.date = e.date();
        slot.startTime = e.startTime();
        slot.endTime = e.endTime();
        slot.mode = PoisonEventException.known(Mode.class, e.mode(), "mode");
        slot.capacity = e.capacity();
        slot.status = status;
        slot.revision = e.revision();
        slot.updatedAt = now;
    }

    private static void validate(SlotV1 e) {
        PoisonEventException.require(e.slotId() != null && e.date() != null && e.startTime() != null && e.endTime() != null
                && e.mode() != null && e.status() != null, "slot event lacks required fields");
        PoisonEventException.require(Prefectures.isCode(e.contactPointCode()), "not a contact point code: " + e.contactPointCode());
        PoisonEventException.require(e.endTime().isAfter(e.startTime()), "slot " + e.slotId() + " ends before it starts");
        PoisonEventException.require(e.capacity() >= 0, "slot " + e.slotId() + " has a negative capacity");
        PoisonEventException.known(Mode.class, e.mode(), "mode");
        PoisonEventException.known(SlotStatus.class, e.status(), "status");
    }
}
