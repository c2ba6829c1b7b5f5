package jp.telework.desk.contactpoint.inbound;

import static jp.telework.desk.events.EventTypes.REGISTRATION_ATTENDED;
import static jp.telework.desk.events.EventTypes.REGISTRATION_CANCELLED;
import static jp.telework.desk.events.EventTypes.REGISTRATION_CONFIRMED;
import static jp.telework.desk.events.EventTypes.REGISTRATION_PROMOTED;
import static jp.telework.desk.events.EventTypes.REGISTRATION_WAITLISTED;
import static jp.telework.desk.events.EventTypes.SEMINAR_CANCELLED;
import static jp.telework.desk.events.EventTypes.SEMINAR_COMPLETED;
import static jp.telework.desk.events.EventTypes.SEMINAR_PUBLISHED;
import static jp.telework.desk.events.EventTypes.SEMINAR_UPDATED;

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
import jp.telework.desk.contactpoint.service.SeminarLedger;

/**
 * seminars.events (group contact-point-service): seminar and registration events feed the
 * per-prefecture seminar figures of the statistics ({@link SeminarLedger}). Applied once per event id
 * (inbox); other types are ignored; poison goes to seminars.events.contact-point-service.dlq.
 */
@ApplicationScoped
@Startup // registers its handlers with the dead-letter desk at start, before any message arrives
public class SeminarEventsConsumer {
    /** The inbox's name for this consumer (processed_event.consumer). */
    public static final String CONSUMER = "contact-point-service.seminars";

    @Inject
    IdempotentConsumer consumer;
    @Inject
    SeminarLedger ledger;

    private EventHandlers handlers;

    @PostConstruct
    void handlers() {
        handlers = consumer.register(CONSUMER, new EventHandlers()
                .on(SEMINAR_PUBLISHED, (ctx, e) -> ledger.seminar(e))
                .on(SEMINAR_UPDATED, (ctx, e) -> ledger.seminar(e))
                .on(SEMINAR_CANCELLED, (ctx, e) -> ledger.seminar(e))
                .on(SEMINAR_COMPLETED, (ctx, e) -> ledger.seminar(e))
                .on(REGISTRATION_CONFIRMED, (ctx, e) -> ledger.registration(e))
                .on(REGISTRATION_WAITLISTED, (ctx, e) -> ledger.registration(e))
                .on(REGISTRATION_PROMOTED, (ctx, e) -> ledger.registration(e))
                .on(REGISTRATION_CANCELLED, (ctx, e) -> ledger.registration(e))
                .on(REGISTRATION_ATTENDED, (ctx, e) -> ledger.registration(e)));
    }

    @Incoming("seminars-in")
    @Blocking(ordered = true)
    public CompletionStage<Void> on(Message<String> message) {
        return consumer.apply(CONSUMER, message, handlers);
    }
}
