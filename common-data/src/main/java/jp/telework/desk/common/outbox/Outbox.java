package jp.telework.desk.common.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.telework.desk.events.EventType;
import java.time.Clock;

/**
 * Records an event in the caller's transaction. The business change and its event commit or roll
 * back together; {@link OutboxRelay} publishes committed rows to Kafka afterwards (at least once).
 */
@ApplicationScoped
public class Outbox {
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @Inject
    OutboxRelay relay;

    /**
     * Records one event of {@code type} on the type's topic. {@code key} is the aggregate id (Kafka
     * key and CloudEvents {@code subject}): one aggregate's events stay in order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> UUID record(EventType<T> type, String key, T payload) {
        if (!type.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException(type + " carries " + type.payloadType().getSimpleName() + ", not " + payload);
        }
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = type.topic();
        event.eventKey = key;
        event.type = type.name();
        event.subject = key;
        event.occurredAt = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        try {
            event.payload = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event payload not serializable: " + type, e);
        }
        event.persist();
        relay.wakeUpAfterCommit();
        return event.id;
    }
}
