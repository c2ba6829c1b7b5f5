package jp.telework.desk.consultation.event;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.telework.desk.common.outbox.Outbox;
import jp.telework.desk.consultation.domain.Booking;
import jp.telework.desk.consultation.domain.Inquiry;
import jp.telework.desk.events.ConsultationEventV1;
import jp.telework.desk.events.InquiryEventV1;
import jp.telework.desk.events.EventType;

/**
 * Records booking and inquiry events in the outbox (same transaction as the change) on
 * consultations.events, keyed by the booking or inquiry id. Payloads carry ids, codes, dates and
 * statuses only: never names, emails, phones, notes or question texts.
 */
@ApplicationScoped
public class ConsultationEvents {
    @Inject
    Outbox outbox;

    public void booking(EventType<ConsultationEventV1> type, Booking b) {
        booking(type, b, null);
    }

    public void booking(EventType<ConsultationEventV1> type, Booking b, UUID previousSlotId) {
        outbox.record(type, b.id.toString(),
                new ConsultationEventV1(b.id, b.slot.id, previousSlotId, b.contactPointCode, b.slot.mode.name(), b.slot.date,
                        b.topicList(), b.status.name()));
    }

    public void inquiry(EventType<InquiryEventV1> type, Inquiry i) {
        outbox.record(type, i.id.toString(),
                new InquiryEventV1(i.id, i.prefecture, i.category.name(), i.status.name()));
    }
}
