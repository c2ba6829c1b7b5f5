package jp.telework.desk.common.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records an event in the caller's transaction. The business change and its event commit or roll
 * back together; {@link OutboxRelay} publishes committed rows to Kafka afterwards (at least once).
 */
@ApplicationScoped
public class Outbox {
    @Inject
    ObjectMapper json;
    @Inject
    OutboxRelay relay;

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String topic, String key, String type, Object payload) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = topic;
        event.eventKey = key;
        event.type = type;
        event.subject = key;
        event.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
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
