package jp.telework.desk.contactpoint.event;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jp.telework.desk.common.inbox.EventHandlers;
import jp.telework.desk.common.inbox.IdempotentConsumer;
import jp.telework.desk.contactpoint.service.SeminarLedger;
import jp.telework.desk.events.EventTypes;
import jp.telework.desk.events.RegistrationEventV1;
import jp.telework.desk.events.SeminarEventV1;

/** Seminar and registration events feed the per-prefecture seminar figures of the statistics. */
@ApplicationScoped
public class SeminarEventsConsumer {
    public static final String CONSUMER = "contact-point-service.seminars";

    @Inject
    IdempotentConsumer consumer;
    @Inject
    SeminarLedger ledger;

    private EventHandlers handlers;

    EventHandlers handlers() {
        if (handlers == null) {
            EventHandlers h = new EventHandlers();
            for (String type : new String[] { EventTypes.SEMINAR_PUBLISHED, EventTypes.SEMINAR_UPDATED, EventTypes.SEMINAR_CANCELLED,
                    EventTypes.SEMINAR_COMPLETED }) {
                h.on(type, SeminarEventV1.class, (ctx, e) -> ledger.seminar(e));
            }
            for (String type : new String[] { EventTypes.REGISTRATION_CONFIRMED, EventTypes.REGISTRATION_WAITLISTED,
                    EventTypes.REGISTRATION_PROMOTED, EventTypes.REGISTRATION_CANCELLED, EventTypes.REGISTRATION_ATTENDED }) {
                h.on(type, RegistrationEventV1.class, (ctx, e) -> ledger.registration(e));
            }
            handlers = h;
        }
        return handlers;
    }

    @Incoming("seminars-in")
    @Blocking(ordered = true)
    public CompletionStage<Void> on(Message<String> message) {
        return consumer.apply(CONSUMER, message, handlers());
    }
}
