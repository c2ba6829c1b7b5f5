package jp.telework.desk.common.outbox;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.time.Clock;

/**
 * Publishes committed outbox rows in order and marks them sent. Woken right after a transaction that
 * recorded events commits, and polls every second as a safety net.
 *
 * <p><b>One publisher.</b> Each batch runs in its own transaction that first takes a PostgreSQL
 * transaction-level advisory lock. The lock is held while the batch is sent and its rows are marked, and
 * is released by the commit that makes the marks visible, so a second replica (or a second relay in one
 * JVM) that gets the lock next reads only rows still unpublished. This relies on READ COMMITTED (the
 * PostgreSQL and Quarkus default): the batch query takes its snapshot after the lock was granted.
 *
 * <p><b>No lost wake-up.</b> The poll only tries the lock ({@code pg_try_advisory_xact_lock}): if another
 * replica holds it, that replica is publishing. A wake-up after a commit instead waits for the lock
 * ({@code pg_advisory_xact_lock}, at most {@code telework.outbox.lock-wait}): the holder may have read
 * its batch before this commit, so giving up would leave the new row to the next poll (a second with the
 * default interval, measured with two writing replicas). Waiting costs one connection for the length of
 * the holder's batch and then reads every row committed so far. Within one JVM, a wake-up that arrives
 * while a drain runs makes that drain go round once more, waiting for the lock then.
 *
 * <p><b>Order.</b> Rows are read in {@code seq} order among committed rows: a row of a transaction that
 * commits later is never skipped (there is no high-water mark), it is published by the next drain. An
 * aggregate's changes hold its row lock from the insert of their event to the commit, so for one key
 * the insertion order is the commit order.
 *
 * <p><b>Failures.</b> A row is marked published only when it and every row before it were
 * acknowledged. At most one row per key is in flight: a row is sent only once the previous row with
 * its key was acknowledged, so a failed send never lets a later event of the same aggregate reach
 * Kafka first. The batch stops at the first failure (attempts and last error are kept on the row); the
 * next drain starts again at that row. Rows of other keys acknowledged after the failure are sent again
 * then (at least once: consumers dedupe by CloudEvents id).
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final long ADVISORY_LOCK = 0x7E1E_0B0C_0001L;

    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    Emitter<String> emitter;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    TransactionSynchronizationRegistry registry;

    @ConfigProperty(name = "quarkus.application.name")
    String source;
    @ConfigProperty(name = "telework.outbox.batch-size", defaultValue = "200")
    int batchSize;
    @ConfigProperty(name = "telework.outbox.send-timeout", defaultValue = "PT10S")
    Duration sendTimeout;
    /** How long a wake-up waits for another replica's batch; longer than one healthy batch takes. */
    @ConfigProperty(name = "telework.outbox.lock-wait", defaultValue = "PT5S")
    Duration lockWait;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wakeUp = new AtomicBoolean();
    // a wake-up arrived while a drain ran: that drain goes round again, waiting for the lock
    private final AtomicBoolean again = new AtomicBoolean();
    // one thread: a wake-up during a drain is remembered and served right after it, never in parallel
    private final ExecutorService waker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean started;

    void onStart(@Observes StartupEvent event) {
        started = true;
    }

    void onStop(@Observes ShutdownEvent event) {
        started = false;
        waker.shutdownNow();
    }

    /** Called inside the recording transaction: publish as soon as it has committed. */
    void wakeUpAfterCommit() {
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED && started && wakeUp.compareAndSet(false, true)) {
                    try {
                        waker.execute(() -> {
                            wakeUp.set(false);
                            drain(true);
                        });
                    } catch (RejectedExecutionException e) {
                        wakeUp.set(false); // shutting down: the next start publishes it
                    }
                }
            }
        });
    }

    /** The safety net: picks up whatever a wake-up missed (a crash after commit, a broker outage). */
    @Scheduled(every = "${telework.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        drain();
    }

    /** Publishes everything pending unless another replica is at it; returns how many events were published. */
    public int drain() {
        return drain(false);
    }

    /**
     * @param waitForLock wait for a batch another replica is publishing, then publish what it left (a
     *            wake-up after a commit); otherwise give up at once when another replica holds the lock
     */
    int drain(boolean waitForLock) {
        if (waitForLock) {
            again.set(true);
        }
        int total = 0;
        // the loop re-checks after releasing: a wake-up that set `again` just before the release is served
        while (running.compareAndSet(false, true)) {
            try {
                boolean wait = again.getAndSet(false) || waitForLock;
                int published;
                do {
                    boolean w = wait;
                    published = QuarkusTransaction.requiringNew().call(() -> publishBatch(w));
                    total += published;
                    wait = false; // holding the lock and draining: the next batch sees every committed row
                } while (published == batchSize);
            } catch (RuntimeException e) {
                if (lockWaitTimedOut(e)) {
                    LOG.debugf("outbox relay: another replica held the lock longer than %s; the poll publishes it", lockWait);
                } else {
                    LOG.warnf("outbox relay: %s", e.getMessage());
                }
            } finally {
                running.set(false);
            }
            waitForLock = false;
            if (!again.get()) {
                break;
            }
        }
        return total;
    }

    private static boolean lockWaitTimedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "55P03".equals(sql.getSQLState())) {
                return true; // lock_not_available: lock_timeout elapsed
            }
        }
        return false;
    }

    /**
     * A second relay on the same table and channel, as another replica of the service would run it.
     * Not a bean: nothing wakes or polls it; tests call {@link #drain()} on it.
     */
    OutboxRelay replica() {
        OutboxRelay replica = new OutboxRelay();
        replica.emitter = emitter;
        replica.em = em;
        replica.clock = clock;
        replica.registry = registry;
        replica.source = source;
        replica.batchSize = batchSize;
        replica.sendTimeout = sendTimeout;
        replica.lockWait = lockWait;
        return replica;
    }

    public long pending() {
        return QuarkusTransaction.joiningExisting().call(() -> OutboxEvent.count("publishedAt is null"));
    }

    private int publishBatch(boolean waitForLock) {
        if (waitForLock) {
            // SET LOCAL: the timeout ends with this transaction; the lock call fails with 55P03 when it elapses
            em.createNativeQuery("SELECT set_config('lock_timeout', ?1, true)")
                    .setParameter(1, lockWait.toMillis() + "ms").getSingleResult();
            // pg_advisory_xact_lock returns void, which no JDBC type reads: count its one row
            em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(?1)) AS locked")
                    .setParameter(1, ADVISORY_LOCK).getSingleResult();
        } else {
            Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, ADVISORY_LOCK).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
        }
        List<OutboxEvent> batch = OutboxEvent.find("publishedAt is null order by seq").page(0, batchSize).list();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int published = 0;
        while (published < batch.size()) {
            // a wave: the next rows up to (not including) the second row of some key, sent at once
            List<CompletableFuture<Void>> acks = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            for (int i = published; i < batch.size() && keys.add(batch.get(i).eventKey); i++) {
                acks.add(send(batch.get(i)));
            }
            for (CompletableFuture<Void> ack : acks) {
                OutboxEvent event = batch.get(published);
                try {
                    ack.get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
                    event.publishedAt = now;
                    published++;
                } catch (Exception e) {
                    // stop at the first failure: it and later rows are sent again next time (consumers dedupe)
                    event.attempts++;
                    Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
                    String message = cause.toString();
                    event.lastError = message.length() > 500 ? message.substring(0, 500) : message;
                    LOG.warnf("outbox relay: event %s (%s) not published yet: %s", event.id, event.type, event.lastError);
                    return published;
                }
            }
        }
        return published;
    }

    private CompletableFuture<Void> send(OutboxEvent event) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(event.id.toString())
                .withSource(URI.create("urn:telework:" + source))
                .withType(event.type)
                .withSubject(event.subject)
                .withTimestamp(event.occurredAt.toZonedDateTime())
                .withDataContentType("application/json")
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.eventKey)
                .build();
        Message<String> message = Message.of(event.payload)
                .addMetadata(cloudEvent)
                .addMetadata(kafka)
                .withAck(() -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }
}
