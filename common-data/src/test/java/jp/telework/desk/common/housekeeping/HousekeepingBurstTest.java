package jp.telework.desk.common.housekeeping;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jp.telework.desk.common.idempotency.IdempotencyStore;
import jp.telework.desk.common.outbox.Outbox;
import jp.telework.desk.common.testapp.NoteConsumer;
import jp.telework.desk.common.testapp.NoteService;
import jp.telework.desk.common.testapp.NoteV1;
import jp.telework.desk.common.testapp.TestEvents;
import jp.telework.desk.infra.test.TestInfra;
import jp.telework.desk.infra.test.TopicProbe;

/**
 * A burst of 10,000 events through the real relay, broker and consumer, and 10,000 Idempotency-Key
 * records, then aged past their retention: the purge brings the three tables back to what a second,
 * live burst of 1,000 leaves, while that burst is delivered and applied once each and its redeliveries
 * are still recognised.
 */
@QuarkusTest
class HousekeepingBurstTest {
    private static final int BURST = 10_000;
    private static final int LIVE = 1_000;
    private static final Duration WAIT = Duration.ofMinutes(3);

    @Inject
    Outbox outbox;
    @Inject
    Housekeeping housekeeping;
    @Inject
    IdempotencyStore idempotency;
    @Inject
    NoteService notes;
    @Inject
    EntityManager em;

    private final String tag = "burst-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void theTablesReturnToABoundedSizeWhileDeliveryAndDedupeStayCorrect() throws Exception {
        long outboxBefore = count("outbox_event");
        long inboxBefore = count("processed_event");
        long keysBefore = count("idempotency_record");

        List<UUID> burst = record("old", BURST, 500);
        // the Idempotency-Key records such a burst of requests leaves, each holding a response with contact details
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO idempotency_record "
                + "(scope, principal, idem_key, request_hash, status, body) SELECT 'burst', 'org-' || g, ?1 || '-' || g, 'h', 201, "
                + "'{\"email\":\"someone@example.jp\"}' FROM generate_series(1, ?2) AS g")
                .setParameter(1, tag).setParameter(2, BURST).executeUpdate());
        awaitApplied(burst);
        assertTrue(count("outbox_event") >= outboxBefore + BURST);
        assertTrue(count("processed_event") >= inboxBefore + BURST);
        assertTrue(count("idempotency_record") >= keysBefore + BURST);

        // the burst grows old: 46 days (outbox 7, inbox 45), its keys 2 days (window 24 h)
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE outbox_event SET occurred_at = occurred_at - interval '46 days', "
                    + "published_at = published_at - interval '46 days' WHERE subject = ?1").setParameter(1, tag + "-old").executeUpdate();
            em.createNativeQuery("UPDATE processed_event SET processed_at = processed_at - interval '46 days' "
                    + "WHERE consumer = ?1 AND event_id IN (SELECT id::text FROM outbox_event WHERE subject = ?2)")
                    .setParameter(1, NoteConsumer.CONSUMER).setParameter(2, tag + "-old").executeUpdate();
            em.createNativeQuery("UPDATE idempotency_record SET created_at = created_at - interval '2 days' WHERE scope = 'burst'")
                    .executeUpdate();
        });
        // a key a caller uses right now: it must replay after the purge as before
        QuarkusTransaction.requiringNew().run(() -> {
            assertTrue(idempotency.claim("burst-live", "org-1", tag, Map.of("a", 1)).isEmpty());
            idempotency.complete("burst-live", "org-1", tag, 201, null, Map.of("id", "first"));
        });

        ExecutorService pool = Executors.newSingleThreadExecutor();
        List<UUID> live;
        Housekeeping.Purged purged;
        try {
            // the purge (batches of 100 here) runs while the live burst is recorded, relayed and consumed
            Future<Housekeeping.Purged> purge = pool.submit(() -> housekeeping.purge(java.time.Instant.now()));
            live = record("live", LIVE, 100);
            purged = purge.get(5, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        awaitApplied(live);

        assertTrue(purged.outboxEvents() >= BURST && purged.processedEvents() >= BURST && purged.idempotencyRecords() >= BURST,
                purged.toString());
        assertEquals(0, count("outbox_event WHERE subject = '" + tag + "-old'"), "the old burst's outbox rows are gone");
        assertEquals(0, count("idempotency_record WHERE scope = 'burst'"), "its keys are gone");
        // bounded: what the live burst left (and what was there before), not what the old one did
        assertTrue(count("outbox_event") <= outboxBefore + LIVE, "outbox rows " + count("outbox_event"));
        assertTrue(count("processed_event") <= inboxBefore + LIVE, "inbox rows " + count("processed_event"));
        assertTrue(count("idempotency_record") <= keysBefore + 1, "key records " + count("idempotency_record"));
        assertEquals(LIVE, count("outbox_event WHERE subject = '" + tag + "-live' AND published_at IS NOT NULL"));

        // dedupe still holds for what is live: redeliveries of 100 live events change nothing
        try (TopicProbe producer = TestInfra.probe()) {
            for (UUID id : live.subList(0, 100)) {
                producer.publish(TestEvents.NOTED.topic(), tag + "-live", id.toString(), TestEvents.NOTED.name(),
                        "{\"text\":\"redelivered\",\"behaviour\":\"ok\"}");
            }
        }
        List<UUID> marker = record("live", 1, 1); // on the same key: consumed after the redeliveries
        awaitApplied(marker);
        awaitApplied(live); // still once each
        awaitApplied(burst);
        assertEquals(0, count("test_note WHERE text = 'redelivered'"));
        QuarkusTransaction.requiringNew().run(() -> assertTrue(idempotency.claim("burst-live", "org-1", tag, Map.of("a", 1))
                .map(IdempotencyStore.StoredResponse::replayed).orElse(false), "a live key still replays"));
    }

    /** {@code n} events on the key (and subject) {@code <tag>-<phase>} recorded by the outbox in transactions of {@code perTransaction}. */
    private List<UUID> record(String phase, int n, int perTransaction) {
        List<UUID> ids = new ArrayList<>();
        for (int done = 0; done < n; done += perTransaction) {
            int from = done;
            ids.addAll(QuarkusTransaction.requiringNew().call(() -> {
                List<UUID> batch = new ArrayList<>();
                for (int i = from; i < Math.min(n, from + perTransaction); i++) {
                    batch.add(outbox.record(TestEvents.NOTED, tag + "-" + phase, new NoteV1(phase + " " + i, "ok")));
                }
                return batch;
            }));
        }
        return ids;
    }

    private void awaitApplied(List<UUID> ids) {
        String last = ids.get(ids.size() - 1).toString();
        // one key, so one partition in order: the last applied means all before it were
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> notes.calls(last) == 1);
        for (UUID id : ids) {
            assertEquals(1, notes.calls(id.toString()), "applied once: " + id);
        }
    }

    private long count(String tableAndWhere) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("SELECT count(*) FROM " + tableAndWhere)
                .getSingleResult()).longValue());
    }
}
