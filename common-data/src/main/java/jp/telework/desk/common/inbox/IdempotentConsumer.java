package jp.telework.desk.common.inbox;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jp.telework.desk.common.data.DatabaseFailures;

/**
 * Applies an incoming CloudEvent exactly once in effect: the event id is recorded in the same
 * transaction as the handler's changes, so a redelivery changes nothing. Unknown types are skipped
 * (forward compatibility). Broken events are nacked at once; failing handlers are retried a bounded
 * number of times and then nacked. The channel's failure strategy sends nacked messages to its
 * dead-letter topic and consumption goes on.
 */
@ApplicationScoped
public class IdempotentConsumer {
    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    @Inject
    Inbox inbox;
    @Inject
    ObjectMapper json;
    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "telework.consumer.max-attempts", defaultValue = "3")
    int maxAttempts;

    /** Tolerant reader: a producer may add fields to a v1 payload without breaking its consumers. */
    private com.fasterxml.jackson.databind.ObjectReader reader;

    @jakarta.annotation.PostConstruct
    void init() {
        reader = json.reader().without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public CompletionStage<Void> apply(String consumer, Message<String> message, EventHandlers handlers) {
        IncomingCloudEventMetadata<?> ce = message.getMetadata(IncomingCloudEventMetadata.class).orElse(null);
        if (ce == null || ce.getId() == null || ce.getType() == null) {
            return dead(consumer, message, new PoisonEventException("not a CloudEvent (missing id or type)", null));
        }
        EventHandlers.Entry<?> entry = handlers.get(ce.getType());
        if (entry == null) {
            LOG.debugf("%s: ignoring event type %s (%s)", consumer, ce.getType(), ce.getId());
            return message.ack();
        }
        EventContext context = new EventContext(ce.getId(), ce.getType(), ce.getSubject().orElse(null),
                String.valueOf(ce.getSource()), ce.getTimeStamp().orElse(null));
        Object payload;
        try {
            String raw = message.getPayload();
            if (raw == null || raw.isBlank()) {
                throw new IllegalArgumentException("empty data");
            }
            payload = reader.forType(entry.payloadType()).readValue(raw);
        } catch (Exception e) {
            return dead(consumer, message, new PoisonEventException("event " + ce.getId() + " (" + ce.getType()
                    + ") has unreadable data: " + e.getMessage(), e));
        }
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (inbox.firstDelivery(consumer, context.id(), context.type())) {
                        invoke(entry, context, payload);
                    } else {
                        meters.counter("telework.events.redelivered", "consumer", consumer).increment();
                    }
                });
                meters.counter("telework.events.consumed", "consumer", consumer, "type", context.type()).increment();
                return message.ack();
            } catch (PoisonEventException e) {
                return dead(consumer, message, e);
            } catch (RuntimeException e) {
                if (DatabaseFailures.transientFailure(e)) {
                    // the event is fine, our database is down or out of connections: wait for it (this
                    // partition pauses) instead of dead-lettering valid events
                    LOG.warnf("%s: database unavailable or busy while applying event %s; retrying", consumer, context.id());
                    sleep(Math.min(5000L, 250L * attempt));
                    attempt = 0;
                    continue;
                }
                if (attempt >= maxAttempts) {
                    return dead(consumer, message, e);
                }
                LOG.warnf("%s: attempt %d for event %s failed (%s); retrying", consumer, attempt, context.id(), e.toString());
                sleep(200L * attempt);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void invoke(EventHandlers.Entry<T> entry, EventContext context, Object payload) {
        try {
            entry.handler().accept(context, (T) payload);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("event " + context.id() + " rejected: " + e.getMessage(), e);
        }
    }

    private CompletionStage<Void> dead(String consumer, Message<String> message, RuntimeException reason) {
        LOG.errorf("%s: sending event to the dead-letter topic: %s", consumer, reason.getMessage());
        meters.counter("telework.events.dead-lettered", "consumer", consumer).increment();
        return message.nack(reason);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
