package jp.telework.desk.seminar.event;

import java.time.OffsetDateTime;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jp.telework.desk.common.inbox.EventContext;
import jp.telework.desk.common.inbox.EventHandlers;
import jp.telework.desk.common.inbox.IdempotentConsumer;
import jp.telework.desk.events.ContactPointChangedV1;
import jp.telework.desk.events.EventTypes;
import jp.telework.desk.seminar.domain.ContactPointStatus;
import jp.telework.desk.common.vocabulary.Prefectures;
import java.time.Clock;
import jp.telework.desk.common.vocabulary.Tokyo;

/**
 * Keeps the projection of which prefectural associations exist and are active, from
 * contact-points.events. Applied exactly once per event id (the inbox records it in the same
 * transaction); other event types on the topic (slots) are ignored.
 */
@ApplicationScoped
public class ContactPointConsumer {
    static final String NAME = "seminar-service.contact-points";

    @Inject

    Clock clock;

    @Inject
    IdempotentConsumer consumer;

    private final EventHandlers handlers = new EventHandlers()
            .on(EventTypes.CONTACT_POINT_CHANGED, ContactPointChangedV1.class, this::changed);

    @Incoming("contact-points-in")
    @Blocking(ordered = true)
    public CompletionStage<Void> on(Message<String> message) {
        return consumer.apply(NAME, message, handlers);
    }

    void changed(EventContext ctx, ContactPointChangedV1 event) {
        if (!Prefectures.isCode(event.code())) {
            throw new IllegalArgumentException("unknown contact point code " + event.code());
        }
        ContactPointStatus status = ContactPointStatus.findById(event.code());
        boolean known = status != null;
        if (!known) {
            status = new ContactPointStatus();
            status.code = event.code();
        }
        status.region = event.region();
        status.active = event.active();
        status.lastEventId = ctx.id();
        status.updatedAt = Tokyo.now(clock);
        if (!known) {
            status.persist();
        }
    }
}
