package jp.telework.desk.common.inbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jp.telework.desk.common.testapp.Note;
import jp.telework.desk.common.testapp.NoteConsumer;
import jp.telework.desk.common.testapp.NoteService;
import jp.telework.desk.common.testapp.TestEvents;
import jp.telework.desk.events.EventTypes;
import jp.telework.desk.events.Topics;
import jp.telework.desk.infra.test.TestInfra;
import jp.telework.desk.infra.test.TopicProbe;

/**
 * The idempotent consumer behind a real Kafka channel ({@code notes-in}, group common-data-test, DLQ
 * {@code notes.events.common-data-test.dlq}) with {@link NoteConsumer} → {@link NoteService}: poison is
 * dead-lettered at once and consumption goes on; transient database failures are waited out and never
 * dead-lettered; other failures are retried, then dead-lettered; unknown types are skipped.
 */
@QuarkusTest
class IdempotentConsumerTest {
    private static final String TOPIC = TestEvents.NOTED.topic();
    private static final String DLQ = Topics.dlq(TOPIC, "common-data-test");
    private static final Duration WAIT = Duration.ofSeconds(40);

    @Inject
    NoteService notes;
    @Inject
    EntityManager em;

    private String key;
    private TopicProbe dlq;

    @BeforeEach
    void probe() {
        key = "k-" + UUID.randomUUID(); // one key per test: one partition, processed in publication order
        dlq = TestInfra.probe(DLQ);
    }

    @AfterEach
    void close() {
        dlq.close();
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAtOnceAndTheConsumerGoesOn() {
        String poison = publish("poison");
        String unreadable = UUID.randomUUID().toString();
        dlq.publish(TOPIC, key, unreadable, TestEvents.NOTED.name(), "{\"text\": broken");
        String after = publish("ok");

        awaitApplied(after);
        TopicProbe.Event dead = dlq.await(e -> poison.equals(e.id()), WAIT);
        assertEquals(TestEvents.NOTED.name(), dead.type());
        assertEquals(key, dead.key());
        dlq.await(e -> unreadable.equals(e.id()), WAIT);
        assertEquals(1, notes.calls(poison), "poison is not retried");
        assertEquals(0, notes.calls(unreadable), "unreadable data never reaches the handler");
        assertNull(note(poison));
        assertFalse(processed(poison), "a dead letter leaves no inbox row: a replay from the DLQ is applied");
        assertEquals(List.of(poison, unreadable), deadLettered(), "only the poison");
    }

    @Test
    void transientFailuresAreWaitedOutAndNeverDeadLettered() {
        // five failures while max-attempts is 3: waits for the database do not use up attempts
        String waited = publish("transient:5");
        String marker = publish("poison");
        awaitApplied(waited);
        assertEquals(6, notes.calls(waited));
        dlq.await(e -> marker.equals(e.id()), WAIT);
        assertEquals(List.of(marker), deadLettered(), "the waited-for event is not on the DLQ (it would be before the marker)");
    }

    @Test
    void otherFailuresAreRetriedThenDeadLettered() {
        String failing = publish("failing");
        String illegal = publish("illegal");
        String after = publish("ok");
        awaitApplied(after);
        dlq.await(e -> illegal.equals(e.id()), WAIT);
        assertEquals(3, notes.calls(failing), "telework.consumer.max-attempts");
        assertEquals(3, notes.calls(illegal), "an IllegalArgumentException is an ordinary failure, not a poison signal");
        assertEquals(List.of(failing, illegal), deadLettered());
    }

    @Test
    void unknownTypesAreIgnoredAndNeverCrashTheConsumer() {
        String newer = UUID.randomUUID().toString();
        String elsewhere = UUID.randomUUID().toString();
        // a version this consumer does not know, with data it could not read anyway
        dlq.publish(TOPIC, key, newer, "test.noted.v2", "{\"completely\": [\"different\"");
        // a real type of the catalogue that this consumer has no handler for
        dlq.publish(TOPIC, key, elsewhere, EventTypes.SLOT_OPENED.name(), "not even json");
        String after = publish("ok");
        awaitApplied(after);
        assertFalse(processed(newer));
        assertFalse(processed(elsewhere));
        assertEquals(0, notes.calls(newer) + notes.calls(elsewhere));
        // the consumer is still alive: another event after them is applied as well
        String later = publish("ok");
        awaitApplied(later);
        String marker = publish("poison");
        dlq.await(e -> marker.equals(e.id()), WAIT);
        assertEquals(List.of(marker), deadLettered(), "unknown types are not dead-lettered either");
    }

    @Test
    void aRedeliveryChangesNothing() {
        String id = UUID.randomUUID().toString();
        dlq.publish(TOPIC, key, id, TestEvents.NOTED.name(), "{\"text\":\"once\",\"behaviour\":\"ok\"}");
        dlq.publish(TOPIC, key, id, TestEvents.NOTED.name(), "{\"text\":\"twice\",\"behaviour\":\"ok\"}");
        String after = publish("ok");
        awaitApplied(after);
        assertEquals("once", note(id).text);
        assertEquals(1, notes.calls(id), "the second delivery is recognised by the inbox before the handler runs");
        assertTrue(processed(id));
    }

    private String publish(String behaviour) {
        String id = UUID.randomUUID().toString();
        dlq.publish(TOPIC, key, id, TestEvents.NOTED.name(), "{\"text\":\"" + behaviour + "\",\"behaviour\":\"" + behaviour + "\"}");
        return id;
    }

    private void awaitApplied(String id) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> note(id) != null);
        assertNotNull(note(id));
    }

    private Note note(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Note.findById(id));
    }

    private boolean processed(String id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM processed_event WHERE consumer = ?1 AND event_id = ?2")
                .setParameter(1, NoteConsumer.CONSUMER).setParameter(2, id).getSingleResult()).intValue() == 1);
    }

    /** The ids of this test's key on the DLQ, in DLQ order. */
    private List<String> deadLettered() {
        return dlq.drain(Duration.ofMillis(500)).stream().filter(e -> key.equals(e.key())).map(TopicProbe.Event::id).toList();
    }
}
