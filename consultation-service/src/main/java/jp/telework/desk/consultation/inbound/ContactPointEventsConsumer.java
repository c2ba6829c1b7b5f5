package jp.telework.desk.consultation.inbound;

import static jp.telework.desk.events.EventTypes.CONTACT_POINT_CHANGED;
import static jp.telework.desk.events.EventTypes.SLOT_CHANGED;
import static jp.telework.desk.events.EventTypes.SLOT_CLOSED;
import static jp.telework.desk.events.EventTypes.SLOT_OPENED;

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
import jp.telework.desk.consultation.service.SlotProjectionService;

/**
 * contact-points.events (group consultation-service; keyed by contact point code, so one contact
 * point's events arrive in order) into the local slot and contact point projection
 * ({@link SlotProjectionService}). Applied once per event id (inbox); other types are ignored; poison
 * goes to contact-points.events.consultation-service.dlq.
 */
@ApplicationScoped
@Startup // registers its handlers with the dead-letter desk at start, before any message arrives
public class ContactPointEventsConsumer {
    /** The inbox's name for this consumer (processed_event.consumer). */
    public static final String CONSUMER = "consultation-service.contact-points";

    @Inject
    IdempotentConsumer consumer;
    @Inject
    SlotProjectionService projection;

    private EventHandlers handlers;

    @PostConstruct
    void handlers() {
        handlers = consumer.register(CONSUMER, new EventHandlers()
                .on(SLOT_OPENED, (ctx, slot) -> projection.slot(SLOT_OPENED, slot))
                .on(SLOT_CHANGED, (ctx, slot) -> projection.slot(SLOT_CHANGED, slot))
                .on(SLOT_CLOSED, (ctx, slot) -> projection.slot(SLOT_CLOSED, slot))
                .on(CONTACT_POINT_CHANGED, (ctx, cp) -> projection.contactPoint(cp)));
    }

    @Incoming("contact-points-in")
    @Blocking(ordered = true)
    public CompletionStage<Void> on(Message<String> message) {
        return consumer.apply(CONSUMER, message, handlers);
    }
}
