package jp.telework.desk.common.inbox;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jp.telework.desk.common.data.DatabaseFailures;
import jp.telework.desk.common.deadletter.DeadLetters;

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
 * Dead-lettering first records the message on the dead-letter desk ({@link DeadLetters}: the service's
 * {@code dead_letter} table, where an operator replays or discards it; waiting like the transient case while
 * the database is down), then nacks it: the channel's {@code failure-strategy=dead-letter-queue} writes the
 * record to its consumer group's dead-letter topic ({@code Topics.dlq(topic, group)}), the broker's copy,
 * and consumption goes on.
 *
 * <p>Each consumer declares its handlers once, under its inbox name, with {@link #register} (at
 * {@code @PostConstruct}), so that a replay from the desk goes through the same handlers and the same
 * inbox as a delivery ({@link #applyStored}).
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

    @Inject
    DeadLetters deadLetters;

    @ConfigProperty(name = "telework.consumer.max-attempts", defaultValue = "3")
    int maxAttempts;

    /** What a stored event's application did. */
    public enum Applied {
        APPLIED, ALREADY_APPLIED
    }

    private final Map<String, EventHandlers> registered = new ConcurrentHashMap<>();

    /** Tolerant reader: a producer may add fields to a v1 payload without breaking its consumers. */
    private com.fasterxml.jackson.databind.ObjectReader reader;

    @jakarta.annotation.PostConstruct
    void init() {
        reader = json.reader().without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Declares {@code consumer}'s handlers (the name its inbox rows and dead letters carry); returns them.
     * One handler set per name: a second, different one is a programming error.
     */
    public EventHandlers register(String consumer, EventHandlers handlers) {
        EventHandlers before = registered.putIfAbsent(consumer, handlers);
        if (before != null && before != handlers) {
            throw new IllegalStateException("two handler sets registered as consumer " + consumer);
        }
        return handlers;
    }

    /** The consumers of this service, by inbox name. */
    public Set<String> consumers() {
        return new TreeSet<>(registered.keySet());
    }

    /** True when {@code consumer} is registered and has a handler for the CloudEvents {@code type}. */
    public boolean handles(String consumer, String type) {
        EventHandlers handlers = registered.get(consumer);
        return handlers != null && type != null && handlers.get(type) != null;
    }

    /**
     * Applies a stored event (a dead letter's replay) as a delivery would, in the caller's transaction:
     * through the registered handler and the inbox, so an event already applied is not applied again. Throws
     * {@link PoisonEventException} when the data does not read or the handler refuses it, and whatever else the
     * handler throws; the caller's transaction then rolls back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Applied applyStored(String consumer, EventContext context, String data) {
        if (!handles(consumer, context.type())) {
            throw new IllegalStateException("consumer " + consumer + " has no handler for " + context.type());
        }
        EventHandlers.Entry<?> entry = registered.get(consumer).get(context.type());
        Object payload = read(entry, context, data);
        if (!inbox.firstDelivery(consumer, context.id(), context.type())) {
            return Applied.ALREADY_APPLIED;
        }
        invoke(entry, context, payload);
        meters.counter("telework.events.replayed", "consumer", consumer, "type", context.type()).increment();
        return Applied.APPLIED;
    }

    public CompletionStage<Void> apply(String consumer, Message<String> message, EventHandlers handlers) {
        register(consumer, handlers);
        IncomingCloudEventMetadata<?> ce = message.getMetadata(IncomingCloudEventMetadata.class).orElse(null);
        if (ce == null || ce.getId() == null || ce.getType() == null) {
            return dead(consumer, message, handlers, ce, new PoisonEventException("not a CloudEvent (missing id or type)", null), true);
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
            payload = read(entry, context, message.getPayload());
        } catch (PoisonEventException e) {
            return dead(consumer, message, handlers, ce, e, true);
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
                return dead(consumer, message, handlers, ce, e, true);
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
                    return dead(consumer, message, handlers, ce, e, false);
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

    private Object read(EventHandlers.Entry<?> entry, EventContext context, String raw) {
        try {
            if (raw == null || raw.isBlank()) {
                throw new PoisonEventException("empty data");
            }
            return reader.forType(entry.type().payloadType()).readValue(raw);
        } catch (PoisonEventException e) {
            throw e;
        } catch (Exception e) {
            throw new PoisonEventException("event " + context.id() + " (" + context.type() + ") has unreadable data: "
                    + e.getMessage(), e);
        }
    }

    private CompletionStage<Void> dead(String consumer, Message<String> message, EventHandlers handlers,
            IncomingCloudEventMetadata<?> ce, RuntimeException reason, boolean poison) {
        String why = poison ? reason.getMessage() : reason.toString();
        LOG.errorf("%s: dead-lettering event %s: %s", consumer, ce == null ? "(no CloudEvent)" : ce.getId(), why);
        record(consumer, message, handlers, ce, why, poison);
        meters.counter("telework.events.dead-lettered", "consumer", consumer).increment();
        return message.nack(reason);
    }

    /** Puts the message on the desk; waits out a database outage, since an unrecorded letter is found by nobody. */
    private void record(String consumer, Message<String> message, EventHandlers handlers, IncomingCloudEventMetadata<?> ce,
            String why, boolean poison) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class).orElse(null);
        String data = message.getPayload();
        DeadLetters.Received letter = new DeadLetters.Received(consumer,
                kafka != null ? kafka.getTopic() : String.valueOf(handlers.topic()),
                kafka != null ? kafka.getPartition() : -1, kafka != null ? kafka.getOffset() : -1,
                kafka != null && kafka.getKey() != null ? String.valueOf(kafka.getKey()) : null,
                ce == null ? null : ce.getId(), ce == null ? null : ce.getType(),
                ce == null || ce.getSource() == null ? null : String.valueOf(ce.getSource()),
                ce == null ? null : ce.getSubject().orElse(null),
                ce == null ? null : ce.getTimeStamp().map(java.time.ZonedDateTime::toOffsetDateTime).orElse(null),
                data, data == null ? 0 : data.getBytes(StandardCharsets.UTF_8).length, why, poison);
        for (int waits = 1; ; waits++) {
            try {
                deadLetters.record(letter);
                return;
            } catch (RuntimeException e) {
                if (!DatabaseFailures.transientFailure(e)) {
                    // never lose the event: it still goes to the dead-letter topic
                    LOG.errorf(e, "%s: could not record the dead letter; it is on the dead-letter topic only", consumer);
                    meters.counter("telework.dead-letters.unrecorded", "consumer", consumer).increment();
                    return;
                }
                LOG.warnf("%s: database unavailable while recording a dead letter (wait %d); retrying", consumer, waits);
                sleep(Math.min(5000L, 250L * waits));
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
