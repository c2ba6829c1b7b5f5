package jp.telework.desk.seminar.inbound;

import static jp.telework.desk.events.EventTypes.CONTACT_POINT_CHANGED;

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
import jp.telework.desk.seminar.service.ContactPointStatusService;

/**
 * contact-points.events (group seminar-service) into the projection of which prefectural associations
 * exist and are active ({@link ContactPointStatusService}). Applied once per event id (inbox); other
 * types on the topic (slots) are ignored; poison goes to contact-points.events.seminar-service.dlq.
 */
@ApplicationScoped
@Startup // registers its handlers with the dead-letter desk at start, before any message arrives
public class ContactPointEventsConsumer {
    /** The inbox's name for this consumer (processed_event.consumer). */
    public static final String CONSUMER = "seminar-service.contact-points";

    @Inject
    IdempotentConsumer consumer;
    @Inject
    ContactPointStatusService statuses;

    private EventHandlers handlers;

    @PostConstruct
    void handlers() {
        handlers = consumer.register(CONSUMER, new EventHandlers()
                .on(CONTACT_POINT_CHANGED, (ctx, e) -> statuses.changed(ctx.id(), e)));
    }

    @Incoming("contact-points-in")
    @Blocking(ordered = true)
    public CompletionStage<Void> on(Message<String> message) {
        return consumer.apply(CONSUMER, message, handlers);
    }
}
