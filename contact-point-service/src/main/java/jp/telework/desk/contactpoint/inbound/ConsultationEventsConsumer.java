package jp.telework.desk.contactpoint.inbound;

import static jp.telework.desk.events.EventTypes.CONSULTATION_BOOKED;
import static jp.telework.desk.events.EventTypes.CONSULTATION_CANCELLED;
import static jp.telework.desk.events.EventTypes.CONSULTATION_COMPLETED;
import static jp.telework.desk.events.EventTypes.CONSULTATION_NEEDS_RESCHEDULE;
import static jp.telework.desk.events.EventTypes.CONSULTATION_NO_SHOW;
import static jp.telework.desk.events.EventTypes.CONSULTATION_RESCHEDULED;

import java.util.concurrent.CompletionStage;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jp.telework.desk.common.inbox.EventHandlers;
import jp.telework.desk.common.inbox.IdempotentConsumer;
import jp.telework.desk.contactpoint.service.BookingLedger;

/**
 * consultations.events (group contact-point-service): booking events keep the per-slot booked counts
 * ({@link BookingLedger}). Applied once per event id (inbox); other types (inquiries) are ignored;
 * poison goes to consultations.events.contact-point-service.dlq.
 */
@ApplicationScoped
@Startup // registers its handlers with the dead-letter desk at start, before any message arrives
public class ConsultationEventsConsumer {
    /** The inbox's name for this consumer (processed_event.consumer). */
    public static final String CONSUMER = "contact-point-service.bookings";

    @Inject
    IdempotentConsumer consumer;
    @Inject
    BookingLedger ledger;

    private EventHandlers handlers;

    @PostConstruct
    void handlers() {
        handlers = consumer.register(CONSUMER, new EventHandlers()
                .on(CONSULTATION_BOOKED, (ctx, e) -> ledger.booked(e))
                .on(CONSULTATION_RESCHEDULED, (ctx, e) -> ledger.rescheduled(e))
                .on(CONSULTATION_CANCELLED, (ctx, e) -> ledger.cancelled(e))
                .on(CONSULTATION_COMPLETED, (ctx, e) -> ledger.stateOnly(e, "COMPLETED"))
                .on(CONSULTATION_NO_SHOW, (ctx, e) -> ledger.stateOnly(e, "NO_SHOW"))
                .on(CONSULTATION_NEEDS_RESCHEDULE, (ctx, e) -> ledger.needsReschedule(e)));
    }

    @Incoming("consultations-in")
    @Blocking(ordered = true)
    public CompletionStage<Void> on(Message<String> message) {
        return consumer.apply(CONSUMER, message, handlers);
    }
}
