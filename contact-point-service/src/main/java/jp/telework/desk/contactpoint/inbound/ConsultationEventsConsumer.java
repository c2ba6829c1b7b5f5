package jp.telework.desk.contactpoint.event;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jp.telework.desk.common.inbox.EventHandlers;
import jp.telework.desk.common.inbox.IdempotentConsumer;
import jp.telework.desk.contactpoint.service.BookingLedger;
import jp.telework.desk.events.ConsultationEventV1;
import jp.telework.desk.events.EventTypes;

/** Booking events from consultation-service keep the per-slot booked counts (exactly-once effect via the inbox). */
@ApplicationScoped
public class ConsultationEventsConsumer {
    public static final String CONSUMER = "contact-point-service.bookings";

    @Inject
    IdempotentConsumer consumer;
    @Inject
    BookingLedger ledger;

    private EventHandlers handlers;

    EventHandlers handlers() {
        if (handlers == null) {
            handlers = new EventHandlers()
                    .on(EventTypes.CONSULTATION_BOOKED, ConsultationEventV1.class, (ctx, e) -> ledger.booked(e))
                    .on(EventTypes.CONSULTATION_RESCHEDULED, ConsultationEventV1.class, (ctx, e) -> ledger.rescheduled(e))
                    .on(EventTypes.CONSULTATION_CANCELLED, ConsultationEventV1.class, (ctx, e) -> ledger.cancelled(e))
                    .on(EventTypes.CONSULTATION_COMPLETED, ConsultationEventV1.class, (ctx, e) -> ledger.stateOnly(e, "COMPLETED"))
                    .on(EventTypes.CONSULTATION_NO_SHOW, ConsultationEventV1.class, (ctx, e) -> ledger.stateOnly(e, "NO_SHOW"))
                    .on(EventTypes.CONSULTATION_NEEDS_RESCHEDULE, ConsultationEventV1.class,
                            (ctx, e) -> ledger.needsReschedule(e));
        }
        return handlers;
    }

    @Incoming("consultations-in")
    @Blocking(ordered = true)
    public CompletionStage<Void> on(Message<String> message) {
        return consumer.apply(CONSUMER, message, handlers());
    }
}
