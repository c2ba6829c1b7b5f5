package jp.telework.desk.contactpoint.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.telework.desk.common.outbox.Outbox;
import jp.telework.desk.contactpoint.domain.Slot;
import jp.telework.desk.events.EventType;
import jp.telework.desk.events.EventTypes;
import jp.telework.desk.events.SlotV1;

/**
 * Announces slot changes on contact-points.events through the outbox, in the caller's transaction.
 * Key = the contact point code, so one contact point's slot events stay in order; each carries the
 * slot's revision so a consumer can drop a stale one.
 */
@ApplicationScoped
public class SlotEvents {
    @Inject
    Outbox outbox;

    public void opened(Slot slot) {
        record(EventTypes.SLOT_OPENED, slot);
    }

    public void changed(Slot slot) {
        record(EventTypes.SLOT_CHANGED, slot);
    }

    public void closed(Slot slot) {
        record(EventTypes.SLOT_CLOSED, slot);
    }

    private void record(EventType<SlotV1> type, Slot s) {
        outbox.record(type, s.contactPointCode, new SlotV1(s.id, s.contactPointCode, s.date, s.startTime,
                s.endTime, s.mode.name(), s.capacity, s.status, s.revision));
    }
}
