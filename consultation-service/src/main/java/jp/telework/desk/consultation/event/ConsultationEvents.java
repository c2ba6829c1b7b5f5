package jp.telework.desk.consultation.event;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.telework.desk.common.outbox.Outbox;
import jp.telework.desk.consultation.domain.Booking;
import jp.telework.desk.consultation.domain.Inquiry;
import jp.telework.desk.events.ConsultationEventV1;
import jp.telework.desk.events.InquiryEventV1;
import jp.telework.desk.events.Topics;

/**
 * Records booking and inquiry events in the outbox (same transaction as the change) on
 * consultations.events, keyed by the booking or inquiry id. Payloads carry ids, codes, dates and
 * statuses only: never names, emails, phones, notes or question texts.
 */
@ApplicationScoped
public class ConsultationEvents {
    @Inject
    Outbox outbox;

    public void booking(String type, Booking b) {
        booking(type, b, null);
    }

    public void booking(String type, Booking b, UUID previousSlotId) {
        outbox.record(Topics.CONSULTATIONS, b.id.toString(), type,
                new ConsultationEventV1(b.id, b.slot.id, previousSlotId, b.contactPointCode, b.slot.mode.name(), b.slot.date,
                        b.topicList(), b.status.name()));
    }

    public void inquiry(String type, Inquiry i) {
        outbox.record(Topics.CONSULTATIONS, i.id.toString(), type,
                new InquiryEventV1(i.id, i.prefecture, i.category.name(), i.status.name()));
    }
}
