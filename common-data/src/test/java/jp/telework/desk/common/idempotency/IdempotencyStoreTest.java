package jp.telework.desk.common.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.common.testapp.Note;

/**
 * Idempotency-Key claims decided in the real PostgreSQL: many requests with one key at the same time,
 * each in its own transaction as a REST resource runs it. One executes; the others replay its answer
 * (or, should one see the claim before its answer, get 409 in progress); none executes twice.
 */
@QuarkusTest
class IdempotencyStoreTest {
    private static final int THREADS = 12;

    @Inject
    IdempotencyStore store;
    @Inject
    jakarta.persistence.EntityManager em;

    /** What a client saw: the stored answer, or the status of a refusal. */
    record Outcome(IdempotencyStore.StoredResponse response, int refusedWith) {
    }

    @Test
    void concurrentClaimsOfOneKeyExecuteOnceAndTheOthersReplay() throws Exception {
        String key = UUID.randomUUID().toString();
        AtomicInteger executions = new AtomicInteger();
        List<Outcome> outcomes = race(key, Map.of("title", "same body"), executions, new AtomicBoolean());
        assertEquals(1, executions.get(), "executed once");
        assertEquals(1, notes(key), "one effect");
        List<Outcome> first = outcomes.stream().filter(o -> o.response() != null && !o.response().replayed()).toList();
        assertEquals(1, first.size());
        for (Outcome o : outcomes) {
            if (o.response() != null && o.response().replayed()) {
                assertEquals(201, o.response().status());
                assertEquals(first.get(0).response().location(), o.response().location());
                assertEquals(first.get(0).response().body(), o.response().body());
            } else if (o.response() == null) {
                assertEquals(409, o.refusedWith(), "in progress");
            }
        }
        // later, the same key with another body is refused; with the same body it replays
        ProblemException reused = assertThrows(ProblemException.class, () -> QuarkusTransaction.requiringNew()
                .call(() -> store.claim("test", "org-1", key, Map.of("title", "another body"))));
        assertEquals(422, reused.status());
        Optional<IdempotencyStore.StoredResponse> replay = QuarkusTransaction.requiringNew()
                .call(() -> store.claim("test", "org-1", key, Map.of("title", "same body")));
        assertTrue(replay.orElseThrow().replayed());
        // the key belongs to its principal: another one executes afresh
        assertEquals(Optional.empty(), QuarkusTransaction.requiringNew()
                .call(() -> store.claim("test", "org-2", key, Map.of("title", "same body"))));
    }

    @Test
    void whenTheFirstRollsBackOneWaitingRequestExecutesInstead() throws Exception {
        String key = UUID.randomUUID().toString();
        AtomicInteger executions = new AtomicInteger();
        List<Outcome> outcomes = race(key, Map.of("title", "retry me"), executions, new AtomicBoolean(true));
        assertEquals(2, executions.get(), "the first rolled back, its claim vanished with it, one other executed");
        assertEquals(1, notes(key), "one effect committed");
        assertEquals(1, outcomes.stream().filter(o -> o.refusedWith() == 500).count(), "the one that failed");
        assertEquals(1, outcomes.stream().filter(o -> o.response() != null && !o.response().replayed()).count());
    }

    @Test
    void aKeyPastItsWindowExecutesAfreshWhetherOrNotHousekeepingDeletedItYet() {
        String key = UUID.randomUUID().toString();
        assertEquals(Optional.empty(), QuarkusTransaction.requiringNew().call(() -> {
            Optional<IdempotencyStore.StoredResponse> earlier = store.claim("test", "org-1", key, Map.of("title", "first"));
            store.complete("test", "org-1", key, 201, "/notes/first", Map.of("email", "someone@example.jp"));
            return earlier;
        }));
        // 23 hours later it still replays
        age(key, "23 hours");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> store.claim("test", "org-1", key, Map.of("title", "first")))
                .orElseThrow().replayed());
        // past the 24-hour window (telework.idempotency.window) the key is new again, even with another body
        age(key, "25 hours");
        assertEquals(Optional.empty(), QuarkusTransaction.requiringNew()
                .call(() -> store.claim("test", "org-1", key, Map.of("title", "another body"))));
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("SELECT status, body, "
                + "created_at > now() - interval '1 minute' FROM idempotency_record WHERE scope = 'test' AND principal = 'org-1' AND idem_key = ?1")
                .setParameter(1, key).getSingleResult());
        assertEquals(null, row[0], "the old answer is gone");
        assertEquals(null, row[1], "and with it the contact details it held");
        assertEquals(Boolean.TRUE, row[2], "the window starts again");
        assertEquals(java.time.Duration.ofHours(24), store.window());
    }

    private void age(String key, String by) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE idempotency_record SET created_at = now() - interval '"
                + by + "' WHERE scope = 'test' AND principal = 'org-1' AND idem_key = ?1").setParameter(1, key).executeUpdate());
    }

    private List<Outcome> race(String key, Object body, AtomicInteger executions, AtomicBoolean failFirst) throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    try {
                        return new Outcome(QuarkusTransaction.requiringNew().call(() -> {
                            Optional<IdempotencyStore.StoredResponse> earlier = store.claim("test", "org-1", key, body);
                            if (earlier.isPresent()) {
                                return earlier.get();
                            }
                            executions.incrementAndGet();
                            Thread.sleep(300); // the others arrive while this one holds the claim
                            if (failFirst.compareAndSet(true, false)) {
                                throw new IllegalStateException("the first execution fails and rolls back");
                            }
                            Note n = new Note();
                            n.id = key + "/" + UUID.randomUUID();
                            n.text = "created";
                            n.persist();
                            store.complete("test", "org-1", key, 201, "/notes/" + n.id, Map.of("id", n.id));
                            return IdempotencyStore.StoredResponse.first(201, "/notes/" + n.id, "{\"id\":\"" + n.id + "\"}");
                        }), 0);
                    } catch (ProblemException e) {
                        return new Outcome(null, e.status());
                    } catch (IllegalStateException e) {
                        return new Outcome(null, 500);
                    }
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long notes(String key) {
        return QuarkusTransaction.requiringNew().call(() -> Note.count("id like ?1", key + "/%"));
    }
}
