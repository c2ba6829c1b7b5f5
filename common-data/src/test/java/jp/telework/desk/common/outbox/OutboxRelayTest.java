package jp.telework.desk.common.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CompletionStage;

import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import jp.telework.desk.common.testapp.NoteV1;
import jp.telework.desk.common.testapp.TestEvents;
import jp.telework.desk.infra.test.TestInfra;
import jp.telework.desk.infra.test.TopicProbe;

/**
 * The relay against the real PostgreSQL and Kafka ({@code testapp.DataInfra}): order, stopping at a failed send, and one publisher
 * among several relays. The bean relay is only woken by {@link Outbox#record} commits here (polling is
 * off); the other tests insert rows directly and drive replicas of their own.
 */
@QuarkusTest
class OutboxRelayTest {
    private static final String TOPIC = TestEvents.RELAYED.topic();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;

    @BeforeEach
    void nothingPending() {
        // a row left by another test must not be published by this one's relays
        QuarkusTransaction.requiringNew().run(() -> OutboxEvent.update("publishedAt = ?1 where publishedAt is null",
                OffsetDateTime.now(ZoneOffset.UTC)));
    }

    @Test
    void publishesInCommitOrderAndNeverSkipsARowThatCommitsLate() throws Exception {
        String key = "order-" + UUID.randomUUID();
        try (TopicProbe probe = TestInfra.probe(TOPIC)) {
            // one after the other: 10 transactions, some with two events
            List<UUID> recorded = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int n = i;
                recorded.addAll(QuarkusTransaction.requiringNew().call(() -> {
                    List<UUID> ids = new ArrayList<>();
                    ids.add(outbox.record(TestEvents.RELAYED, key, new NoteV1("tx " + n, null)));
                    if (n % 3 == 0) {
                        ids.add(outbox.record(TestEvents.RELAYED, key, new NoteV1("tx " + n + " again", null)));
                    }
                    return ids;
                }));
            }
            probe.await(e -> recorded.get(recorded.size() - 1).toString().equals(e.id()), WAIT);
            assertEquals(recorded.stream().map(UUID::toString).toList(), ids(probe, key), "published in commit order, each once");

            // interleaved: the first transaction inserts first (lower seq) but commits after the second
            String late = "late-" + UUID.randomUUID();
            CountDownLatch inserted = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<UUID> first = pool.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                    UUID id = outbox.record(TestEvents.RELAYED, late, new NoteV1("inserted first, committed last", null));
                    inserted.countDown();
                    assertTrue(commit.await(30, TimeUnit.SECONDS));
                    return id;
                }));
                assertTrue(inserted.await(30, TimeUnit.SECONDS));
                UUID second = QuarkusTransaction.requiringNew()
                        .call(() -> outbox.record(TestEvents.RELAYED, late, new NoteV1("inserted second, committed first", null)));
                // published while the first is still open: an uncommitted row does not hold back later ones
                probe.await(e -> second.toString().equals(e.id()), WAIT);
                commit.countDown();
                UUID firstId = first.get(30, TimeUnit.SECONDS);
                // and the row that committed late is not skipped (no high-water mark on seq)
                probe.await(e -> firstId.toString().equals(e.id()), WAIT);
                assertEquals(List.of(second.toString(), firstId.toString()), ids(probe, late), "commit order, not insertion order");
                assertTrue(seq(firstId) < seq(second), "the late row was inserted first");
            } finally {
                commit.countDown();
                pool.shutdownNow();
            }
        }
        assertEquals(0, relay.pending());
    }

    @Test
    void stopsAtTheFirstFailedSendAndResumesThere() {
        String key = "stop-" + UUID.randomUUID();
        String other = "other-" + UUID.randomUUID();
        List<UUID> rows = insert(key, 2);
        UUID failing = insert(key, 1).get(0);
        UUID otherKey = insert(other, 1).get(0);
        List<UUID> after = insert(key, 2);
        OutboxRelay replica = relay.replica();
        FailingEmitter emitter = new FailingEmitter(replica.emitter, failing, 2);
        replica.emitter = emitter;
        try (TopicProbe probe = TestInfra.probe(TOPIC)) {
            assertEquals(2, replica.drain(), "the two rows before the failing one");
            assertEquals(0, replica.drain(), "it stops at the same row again");
            OutboxEvent stuck = row(failing);
            assertNull(stuck.publishedAt);
            assertEquals(2, stuck.attempts);
            assertTrue(stuck.lastError.contains("injected"), stuck.lastError);
            for (UUID id : after) {
                assertNull(row(id).publishedAt, "a later row is not published before the failed one");
                assertEquals(0, row(id).attempts);
            }
            assertNull(row(otherKey).publishedAt, "nor is a later row of another key marked");
            // nothing of the key behind the failed row reached Kafka: at most one event per key is in flight
            probe.await(e -> rows.get(1).toString().equals(e.id()), WAIT);
            assertEquals(rows.stream().map(UUID::toString).toList(), idsAfterQuiet(probe, key, Duration.ofSeconds(1)));

            assertEquals(4, replica.drain(), "the failure is gone: it resumes at the failed row");
            List<String> expected = new ArrayList<>(rows.stream().map(UUID::toString).toList());
            expected.add(failing.toString());
            after.forEach(id -> expected.add(id.toString()));
            probe.await(e -> after.get(1).toString().equals(e.id()), WAIT);
            assertEquals(expected, idsAfterQuiet(probe, key, Duration.ofMillis(500)), "in order, each once");
            assertEquals(3, emitter.attempts(failing));
            assertNotNull(row(failing).publishedAt);
            assertEquals(0, replica.pending());
        }
    }

    @Test
    void twoRelaysOnOneTableNeverPublishARowTwiceOrOutOfOrder() throws Exception {
        String key = "two-" + UUID.randomUUID();
        OutboxRelay a = relay.replica();
        OutboxRelay b = relay.replica();
        a.batchSize = 7; // many small batches: many chances to overlap
        b.batchSize = 7;
        List<UUID> written = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        Map<String, AtomicInteger> publishedBy = new ConcurrentHashMap<>(Map.of("a", new AtomicInteger(), "b", new AtomicInteger()));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (TopicProbe probe = TestInfra.probe(TOPIC)) {
            Future<?> writer = pool.submit(() -> {
                for (int i = 0; i < 30; i++) {
                    written.addAll(insert(key, 10));
                }
                writing.set(false);
            });
            List<Future<?>> relays = new ArrayList<>();
            for (var r : Map.of("a", a, "b", b).entrySet()) {
                relays.add(pool.submit(() -> {
                    while (writing.get() || r.getValue().pending() > 0) {
                        publishedBy.get(r.getKey()).addAndGet(r.getValue().drain());
                    }
                }));
            }
            writer.get(60, TimeUnit.SECONDS);
            for (Future<?> f : relays) {
                f.get(60, TimeUnit.SECONDS);
            }
            probe.await(e -> written.get(written.size() - 1).toString().equals(e.id()), WAIT);
            List<String> expected = written.stream().map(UUID::toString).toList();
            assertEquals(expected, idsAfterQuiet(probe, key, Duration.ofSeconds(1)), "each row once, in order");
            assertEquals(300, publishedBy.get("a").get() + publishedBy.get("b").get(), "marked once each: " + publishedBy);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWakeUpWhileAnotherReplicaPublishesIsServedWhenItsBatchEnds() throws Exception {
        String key = "wake-" + UUID.randomUUID();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (TopicProbe probe = TestInfra.probe(TOPIC)) {
            // another replica in the middle of a batch: it holds the relay's lock and has read its rows
            Future<?> otherReplica = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                holdRelayLock();
                locked.countDown();
                await(release);
            }));
            assertTrue(locked.await(30, TimeUnit.SECONDS));
            // this commit wakes the bean relay (polling is off here): it must wait for the lock, not give up
            UUID id = QuarkusTransaction.requiringNew()
                    .call(() -> outbox.record(TestEvents.RELAYED, key, new NoteV1("committed while another replica publishes", null)));
            assertEquals(List.of(), ids(probe, key), "not before the other replica's batch ended");
            release.countDown();
            otherReplica.get(30, TimeUnit.SECONDS);
            probe.await(e -> id.toString().equals(e.id()), WAIT);
            assertEquals(List.of(id.toString()), idsAfterQuiet(probe, key, Duration.ofMillis(500)), "once");
            assertNotNull(row(id).publishedAt);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aWakeUpWaitsForTheLockOnlySoLongAndLeavesTheRowToTheNextDrain() throws Exception {
        String key = "patient-" + UUID.randomUUID();
        OutboxRelay replica = relay.replica();
        replica.lockWait = Duration.ofMillis(300);
        UUID id = insert(key, 1).get(0);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> otherReplica = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                holdRelayLock();
                locked.countDown();
                await(release);
            }));
            assertTrue(locked.await(30, TimeUnit.SECONDS));
            assertEquals(0, replica.drain(true), "gave up after lock-wait");
            assertEquals(0, replica.drain(), "the poll does not wait at all");
            assertNull(row(id).publishedAt);
            release.countDown();
            otherReplica.get(30, TimeUnit.SECONDS);
            assertEquals(1, replica.drain(), "the next drain publishes it");
            assertNotNull(row(id).publishedAt);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private void holdRelayLock() {
        OutboxEvent.getEntityManager().createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(?1)) AS l")
                .setParameter(1, OutboxRelay.ADVISORY_LOCK).getSingleResult();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(60, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Rows as Outbox.record writes them, committed, without waking the bean relay. */
    private static List<UUID> insert(String key, int n) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                OutboxEvent e = new OutboxEvent();
                e.id = UUID.randomUUID();
                e.topic = TOPIC;
                e.eventKey = key;
                e.type = TestEvents.RELAYED.name();
                e.subject = key;
                e.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
                e.payload = "{\"text\":\"" + i + "\",\"behaviour\":null}";
                e.persist();
                ids.add(e.id);
            }
            return ids;
        });
    }

    private static OutboxEvent row(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>find("id", id).singleResult());
    }

    private static long seq(UUID id) {
        return row(id).seq;
    }

    private static List<String> ids(TopicProbe probe, String key) {
        return probe.drain(Duration.ofMillis(300)).stream().filter(e -> key.equals(e.key())).map(TopicProbe.Event::id).toList();
    }

    private static List<String> idsAfterQuiet(TopicProbe probe, String key, Duration quiet) {
        return probe.drain(quiet).stream().filter(e -> key.equals(e.key())).map(TopicProbe.Event::id).toList();
    }

    /** The real channel, except that sends of one event fail (nacked) the first {@code failures} times. */
    static final class FailingEmitter implements Emitter<String> {
        private final Emitter<String> delegate;
        private final String failing;
        private final int failures;
        private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

        FailingEmitter(Emitter<String> delegate, UUID failing, int failures) {
            this.delegate = delegate;
            this.failing = failing.toString();
            this.failures = failures;
        }

        int attempts(UUID id) {
            AtomicInteger a = attempts.get(id.toString());
            return a == null ? 0 : a.get();
        }

        @Override
        public <M extends Message<? extends String>> void send(M msg) {
            String id = msg.getMetadata(OutgoingCloudEventMetadata.class).map(OutgoingCloudEventMetadata::getId).orElse("");
            int attempt = attempts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            if (id.equals(failing) && attempt <= failures) {
                msg.nack(new IllegalStateException("injected send failure " + attempt));
                return;
            }
            delegate.send(msg);
        }

        @Override
        public CompletionStage<Void> send(String payload) {
            throw new UnsupportedOperationException("the relay sends messages");
        }

        @Override
        public void complete() {
            delegate.complete();
        }

        @Override
        public void error(Exception e) {
            delegate.error(e);
        }

        @Override
        public boolean isCancelled() {
            return delegate.isCancelled();
        }

        @Override
        public boolean hasRequests() {
            return delegate.hasRequests();
        }
    }
}
