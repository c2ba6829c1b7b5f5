package jp.telework.desk.common.deadletter;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jp.telework.desk.common.backlog.BacklogGauges;
import jp.telework.desk.common.housekeeping.Housekeeping;
import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.common.testapp.Note;
import jp.telework.desk.common.testapp.NoteConsumer;
import jp.telework.desk.common.testapp.NoteService;
import jp.telework.desk.common.testapp.TestEvents;
import jp.telework.desk.infra.test.TestInfra;
import jp.telework.desk.infra.test.TopicProbe;

/**
 * The desk behind the real consumer ({@link NoteConsumer} on Kafka, {@link NoteService}'s switch breaks and
 * fixes its handler): a letter is recorded with why and where, a replay while the handler is still broken
 * changes nothing but the letter's error, a replay after the fix applies the event once, an event applied
 * meanwhile is not applied again, replay-all keeps one key's letters in order, a discard erases the data
 * and keeps the reason, and housekeeping removes resolved letters only.
 */
@QuarkusTest
class DeadLetterDeskTest {
    private static final String TOPIC = TestEvents.NOTED.topic();
    private static final Duration WAIT = Duration.ofSeconds(40);

    @Inject
    DeadLetters letters;
    @Inject
    NoteService notes;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    BacklogGauges gauges;
    @Inject
    MeterRegistry meters;
    @Inject
    Housekeeping housekeeping;

    private String key;
    private TopicProbe kafka;

    @BeforeEach
    void probe() {
        key = "k-" + UUID.randomUUID();
        kafka = TestInfra.probe(TOPIC);
    }

    @AfterEach
    void close() {
        notes.fix();
        kafka.close();
    }

    @Test
    void aFailingEventIsListedReplayedAfterTheFixAndAppliedOnce() {
        String id = UUID.randomUUID().toString();
        notes.breakFor(id::equals);
        String data = "{\"text\":\"hello\",\"behaviour\":\"ok\"}";
        kafka.publish(TOPIC, key, id, TestEvents.NOTED.name(), data);
        DeadLetter d = awaitLetter(id);

        assertEquals(NoteConsumer.CONSUMER, d.consumer);
        assertEquals(TOPIC, d.topic);
        assertTrue(d.partition >= 0 && d.offset >= 0, "the record's partition and offset");
        assertEquals(key, d.key);
        assertEquals(TestEvents.NOTED.name(), d.eventType);
        assertEquals(key, d.eventSubject);
        assertFalse(d.poison, "failed after its attempts, not poison");
        assertTrue(d.reason.contains("handler broken for " + id), d.reason);
        assertEquals(3, notes.calls(id), "three attempts before it was dead-lettered");
        assertEquals(data.length(), d.payloadSize);
        assertEquals(DeadLetters.sha256(data), d.payloadSha256);
        DeadLetterView view = DeadLetterView.of(d, json);
        assertNull(view.payload(), "a type outside the event contract: its data may hold anything");
        assertTrue(view.payloadWithheld().contains("not one of the event contract's types"), view.payloadWithheld());

        ProblemException still = assertThrows(ProblemException.class, () -> letters.replay(d.id, "operator-1"));
        assertEquals(409, still.status());
        assertEquals("replay-failed", still.slug());
        assertTrue(still.getMessage().contains("handler broken"), still.getMessage());
        DeadLetter waiting = letters.get(d.id);
        assertEquals(DeadLetterStatus.WAITING, waiting.status);
        assertEquals(1, waiting.replayAttempts);
        assertTrue(waiting.lastReplayError.contains("handler broken"), waiting.lastReplayError);
        assertNull(note(id), "the failed replay changed nothing");
        assertFalse(processed(id));

        notes.fix();
        DeadLetter replayed = letters.replay(d.id, "operator-1");
        assertEquals(DeadLetterStatus.REPLAYED, replayed.status);
        assertEquals("APPLIED", replayed.outcome);
        assertEquals("operator-1", replayed.resolvedBy);
        assertNotNull(replayed.resolvedAt);
        assertNull(replayed.lastReplayError);
        assertEquals("hello", note(id).text);
        assertTrue(processed(id));
        assertNull(letters.get(d.id).payload, "a resolved letter keeps no data");
        assertEquals(d.payloadSha256, letters.get(d.id).payloadSha256, "but its hash, to match it with the dead-letter topic");

        ProblemException again = assertThrows(ProblemException.class, () -> letters.replay(d.id, "operator-2"));
        assertEquals("not-waiting", again.slug());
        // the broker delivers the same event once more (a replay from the dead-letter topic): nothing changes
        kafka.publish(TOPIC, key, id, TestEvents.NOTED.name(), data);
        String marker = publish();
        awaitNote(marker);
        assertEquals(5, notes.calls(id), "3 attempts, the failed replay, the replay; the redelivery was dropped by the inbox");
        assertEquals(1, notes.applied().stream().filter(id::equals).count());
    }

    @Test
    void anEventAppliedMeanwhileIsNotAppliedAgain() {
        String id = UUID.randomUUID().toString();
        notes.breakFor(id::equals);
        String data = "{\"text\":\"meanwhile\",\"behaviour\":\"ok\"}";
        kafka.publish(TOPIC, key, id, TestEvents.NOTED.name(), data);
        DeadLetter d = awaitLetter(id);
        notes.fix();
        kafka.publish(TOPIC, key, id, TestEvents.NOTED.name(), data); // someone replayed it from the topic
        awaitNote(id);

        DeadLetter replayed = letters.replay(d.id, "operator-1");
        assertEquals(DeadLetterStatus.REPLAYED, replayed.status);
        assertEquals("ALREADY_APPLIED", replayed.outcome);
        assertEquals(1, notes.applied().stream().filter(id::equals).count(), "applied once in effect");
    }

    @Test
    void poisonIsListedAndADiscardErasesItsDataAndKeepsTheReason() {
        String id = UUID.randomUUID().toString();
        kafka.publish(TOPIC, key, id, TestEvents.NOTED.name(), "{\"text\": broken");
        DeadLetter d = awaitLetter(id);
        assertTrue(d.poison);
        assertTrue(d.reason.contains("unreadable data"), d.reason);
        assertEquals(0, notes.calls(id));
        ProblemException again = assertThrows(ProblemException.class, () -> letters.replay(d.id, "operator-1"));
        assertEquals("replay-failed", again.slug(), "unreadable data stays unreadable");

        DeadLetter discarded = letters.discard(d.id, "producer bug, fixed in 1.4; nothing to apply", "operator-1");
        assertEquals(DeadLetterStatus.DISCARDED, discarded.status);
        DeadLetter stored = letters.get(d.id);
        assertEquals("producer bug, fixed in 1.4; nothing to apply", stored.discardReason);
        assertEquals("operator-1", stored.resolvedBy);
        assertNull(stored.payload, "gone");
        assertEquals("erased when the letter was resolved", DeadLetterView.of(stored, json).payloadWithheld());
        assertEquals("not-waiting", assertThrows(ProblemException.class, () -> letters.discard(d.id, "twice", "operator-2")).slug());
        assertEquals("not-waiting", assertThrows(ProblemException.class, () -> letters.replay(d.id, "operator-2")).slug());
        assertEquals(404, assertThrows(ProblemException.class, () -> letters.replay(UUID.randomUUID(), "operator-2")).status());
    }

    @Test
    void aMessageThatIsNoCloudEventCannotBeReplayed() {
        String text = "not an event " + UUID.randomUUID();
        kafka.publishPlain(TOPIC, key, text);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> mine().stream().anyMatch(l -> text.equals(l.payload)));
        DeadLetter d = mine().stream().filter(l -> text.equals(l.payload)).findFirst().orElseThrow();
        assertNull(d.eventId);
        assertTrue(d.poison);
        assertTrue(d.reason.contains("not a CloudEvent"), d.reason);
        ProblemException refused = assertThrows(ProblemException.class, () -> letters.replay(d.id, "operator-1"));
        assertEquals("not-replayable", refused.slug());
        assertEquals(DeadLetterStatus.WAITING, letters.get(d.id).status);
    }

    @Test
    void aRecordRedeliveredAfterACrashIsOneLetter() {
        DeadLetters.Received r = new DeadLetters.Received(NoteConsumer.CONSUMER, TOPIC, 0, 9_000_000_000L + (long) (Math.random() * 1e9),
                key, UUID.randomUUID().toString(), TestEvents.NOTED.name(), "urn:test", key, null, "{}", 2, "boom", false);
        letters.record(r);
        letters.record(r);
        assertEquals(1, mine().size());
    }

    @Test
    void replayAllKeepsOneKeysLettersInOrderAndStopsAKeyAtItsFirstFailure() {
        String keyB = "k-" + UUID.randomUUID();
        String a1 = UUID.randomUUID().toString();
        String a2 = UUID.randomUUID().toString();
        String b1 = UUID.randomUUID().toString();
        Set<String> broken = Set.of(a1, a2, b1);
        notes.breakFor(broken::contains);
        kafka.publish(TOPIC, key, a1, TestEvents.NOTED.name(), "{\"text\":\"a1\"}");
        kafka.publish(TOPIC, key, a2, TestEvents.NOTED.name(), "{\"text\":\"a2\"}");
        kafka.publish(TOPIC, keyB, b1, TestEvents.NOTED.name(), "{\"text\":\"b1\"}");
        awaitLetter(a1);
        awaitLetter(a2);
        awaitLetter(b1);

        notes.breakFor(a1::equals); // a fix that covers every event but a1
        // other tests' letters of this consumer (poison that stays poison) may be in the same run: look at ours
        DeadLetters.ReplayAll first = letters.replayAll(NoteConsumer.CONSUMER, "operator-1");
        assertTrue(first.replayed() >= 1, first.toString());
        assertEquals(List.of(a1), first.failures().stream().map(f -> letters.get(f.id()).eventId).filter(i -> i != null && broken.contains(i)).toList());
        assertTrue(first.skipped() >= 1, "a2 waits behind a1: " + first);
        assertNotNull(note(b1));
        assertNull(note(a2), "not applied before a1");
        assertEquals(DeadLetterStatus.WAITING, letterOf(a2).status);

        notes.fix();
        DeadLetters.ReplayAll second = letters.replayAll(NoteConsumer.CONSUMER, "operator-1");
        assertTrue(second.failures().stream().map(f -> letters.get(f.id()).eventId).noneMatch(i -> i != null && broken.contains(i)), second.toString());
        assertTrue(mine().stream().allMatch(l -> l.status == DeadLetterStatus.REPLAYED), "ours are all replayed");
        List<String> order = notes.applied().stream().filter(i -> i.equals(a1) || i.equals(a2)).toList();
        assertEquals(List.of(a1, a2), order, "one key's letters are replayed in the order they were dead-lettered");
    }

    @Test
    void gaugesCountWaitingLettersAndTheOutboxBacklog() {
        gauges.refresh();
        double before = waitingGauge();
        String id = UUID.randomUUID().toString();
        kafka.publish(TOPIC, key, id, TestEvents.NOTED.name(), "{\"text\": broken");
        DeadLetter d = awaitLetter(id);
        gauges.refresh();
        assertEquals(before + 1, waitingGauge(), 0.0);
        letters.discard(d.id, "counted", "operator-1");
        gauges.refresh();
        assertEquals(before, waitingGauge(), 0.0);

        // a row nobody publishes (no commit of Outbox.record wakes the relay, and polling is off here)
        UUID row = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO outbox_event (id, topic, event_key, type, "
                + "subject, occurred_at, payload) VALUES (?1, 'notes.events', 'gauge', 'test.noted.v1', 'gauge', now() - interval '1 hour', '{}')")
                .setParameter(1, row).executeUpdate());
        try {
            gauges.refresh();
            assertTrue(meters.get("telework.outbox.pending").gauge().value() >= 1);
            assertTrue(meters.get("telework.outbox.oldest-age").gauge().value() >= 3600);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM outbox_event WHERE id = ?1")
                    .setParameter(1, row).executeUpdate());
        }
        gauges.refresh();
        assertTrue(meters.get("telework.outbox.oldest-age").gauge().value() < 3600);
    }

    @Test
    void housekeepingRemovesResolvedLettersOnlyAfterTheirRetention() {
        String waitingId = UUID.randomUUID().toString();
        String resolvedId = UUID.randomUUID().toString();
        kafka.publish(TOPIC, key, waitingId, TestEvents.NOTED.name(), "{\"text\": broken");
        kafka.publish(TOPIC, key, resolvedId, TestEvents.NOTED.name(), "{\"text\": broken");
        awaitLetter(waitingId);
        letters.discard(awaitLetter(resolvedId).id, "housekept", "operator-1");

        housekeeping.purge(Instant.now().plus(29, ChronoUnit.DAYS));
        assertEquals(2, mine().size(), "kept 30 days after resolution");
        housekeeping.purge(Instant.now().plus(31, ChronoUnit.DAYS));
        assertEquals(List.of(waitingId), mine().stream().map(l -> l.eventId).toList(), "a waiting letter stays until resolved");
    }

    private double waitingGauge() {
        return meters.get("telework.dead-letters.waiting").tag("consumer", NoteConsumer.CONSUMER).gauge().value();
    }

    private String publish() {
        String id = UUID.randomUUID().toString();
        kafka.publish(TOPIC, key, id, TestEvents.NOTED.name(), "{\"text\":\"marker\",\"behaviour\":\"ok\"}");
        return id;
    }

    private DeadLetter awaitLetter(String eventId) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> letterOf(eventId) != null);
        return letterOf(eventId);
    }

    private DeadLetter letterOf(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("select d from DeadLetter d where d.eventId = ?1",
                DeadLetter.class).setParameter(1, eventId).getResultStream().findFirst().orElse(null));
    }

    /** This test's letters (by key), oldest first. */
    private List<DeadLetter> mine() {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select d from DeadLetter d where d.key = ?1 order by d.deadAt, d.id", DeadLetter.class).setParameter(1, key)
                .getResultList());
    }

    private void awaitNote(String id) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> note(id) != null);
    }

    private Note note(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Note.findById(id));
    }

    private boolean processed(String id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM processed_event WHERE consumer = ?1 AND event_id = ?2")
                .setParameter(1, NoteConsumer.CONSUMER).setParameter(2, id).getSingleResult()).intValue() == 1);
    }
}
