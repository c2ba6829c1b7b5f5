package jp.telework.desk.consultation.event;

import java.util.concurrent.CompletionStage;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jp.telework.desk.common.inbox.EventHandlers;
import jp.telework.desk.common.inbox.IdempotentConsumer;
import jp.telework.desk.consultation.service.SlotProjectionService;
import jp.telework.desk.events.ContactPointChangedV1;
import jp.telework.desk.events.EventTypes;
import jp.telework.desk.events.SlotV1;

/**
 * Consumes contact-points.events (keyed by contact point code, so one contact point's events
 * arrive in order) into the local slot and contact point projection. Each event is applied once
 * (inbox), other types are ignored, poison goes to contact-points.events.dlq.
 */
@ApplicationScoped
public class ContactPointEventsConsumer {
    public static final String CONSUMER = "consultation-service.contact-points";

    @Inject
    IdempotentConsumer consumer;
    @Inject
    SlotProjectionService projection;

    private EventHandlers handlers;

    @PostConstruct
    void init() {
        handlers = new EventHandlers()
                .on(EventTypes.SLOT_OPENED, SlotV1.class, (ctx, slot) -> projection.slot(ctx.type(), slot))
                .on(EventTypes.SLOT_CHANGED, SlotV1.class, (ctx, slot) -> projection.slot(ctx.type(), slot))
                .on(EventTypes.SLOT_CLOSED, SlotV1.class, (ctx, slot) -> projection.slot(ctx.type(), slot))
                .on(EventTypes.CONTACT_POINT_CHANGED, ContactPointChangedV1.class, (ctx, cp) -> projection.contactPoint(cp));
    }

    @Incoming("contact-points-in")
    @Blocking(ordered = true)
    public CompletionStage<Void> on(Message<String> message) {
        return consumer.apply(CONSUMER, message, handlers);
    }
}
