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
 * transaction as the handler's changes, so a redelivery changes nothing. What happens to an event:
 * <ul>
 * <li><b>unknown type</b> (no handler; a newer version, another service's type on the topic): acked and
 * skipped, never dead-lettered, never an error (forward compatibility);</li>
 * <li><b>poison</b>, dead-lettered at once without retries: no CloudEvents id or type, empty data, data that
 * does not read into the type's payload class (Jackson's exceptions, including an enum or date it cannot
 * parse), or a {@link PoisonEventException} from the handler. Handlers refuse bad data with that exception;
 * no other exception means poison (an {@code IllegalArgumentException} from a handler is a failure like
 * any other);</li>
 * <li><b>transient</b> (our database is down or out of connections, see {@link DatabaseFailures}): the
 * consumer waits and tries again, backing off up to 5 s, for as long as it takes; the partition pauses
 * and nothing is dead-lettered, because the event is fine;</li>
 * <li><b>any other failure</b>: retried {@code telework.consumer.max-attempts} times in all (default 3),
 * then dead-lettered.</li>
 * </ul>
 * Dead-lettering is a nack: the channel's {@code failure-strategy=dead-letter-queue} writes the record to
 * its consumer group's dead-letter topic ({@code Topics.dlq(topic, group)}) and consumption goes on.
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
            meters.counter("telework.events.ignored", "consumer", consumer).increment();
            return message.ack();
        }
        EventContext context = new EventContext(ce.getId(), ce.getType(), ce.getSubject().orElse(null),
                String.valueOf(ce.getSource()), ce.getTimeStamp().orElse(null));
        Object payload;
        try {
            String raw = message.getPayload();
            if (raw == null || raw.isBlank()) {
                throw new PoisonEventException("empty data");
            }
            payload = reader.forType(entry.type().payloadType()).readValue(raw);
        } catch (Exception e) {
            return dead(consumer, message, new PoisonEventException("event " + ce.getId() + " (" + ce.getType()
                    + ") has unreadable data: " + e.getMessage(), e));
        }
        int waits = 0;
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
                    // partition pauses) instead of dead-lettering valid events; waits do not use up attempts
                    waits++;
                    LOG.warnf("%s: database unavailable or busy while applying event %s (wait %d); retrying", consumer,
                            context.id(), waits);
                    meters.counter("telework.events.waited", "consumer", consumer).increment();
                    sleep(Math.min(5000L, 250L * waits));
                    attempt--;
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
        entry.handler().accept(context, (T) payload);
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
