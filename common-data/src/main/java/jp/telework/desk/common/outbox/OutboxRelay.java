package jp.telework.desk.common.outbox;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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

/**
 * Publishes committed outbox rows in commit order and marks them sent. Woken right after a
 * transaction that recorded events commits, and polls every second as a safety net. A PostgreSQL advisory lock
 * lets only one instance of a service publish at a time, which keeps each aggregate's events in
 * order even with several replicas. A row whose send fails stays unpublished and is retried; the
 * batch stops there so later events of the same aggregate never overtake it.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long ADVISORY_LOCK = 0x7E1E_0B0C_0001L;

    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    Emitter<String> emitter;
    @Inject
    EntityManager em;
    @Inject
    TransactionSynchronizationRegistry registry;

    @ConfigProperty(name = "quarkus.application.name")
    String source;
    @ConfigProperty(name = "telework.outbox.batch-size", defaultValue = "200")
    int batchSize;
    @ConfigProperty(name = "telework.outbox.send-timeout", defaultValue = "PT10S")
    Duration sendTimeout;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wakeUp = new AtomicBoolean();
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
                            drain();
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

    /** Publishes everything pending; returns how many events were published. */
    public int drain() {
        if (!running.compareAndSet(false, true)) {
            return 0; // the running drain, or the next poll, publishes it
        }
        int total = 0;
        try {
            int published;
            do {
                published = QuarkusTransaction.requiringNew().call(this::publishBatch);
                total += published;
            } while (published == batchSize);
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay: %s", e.getMessage());
        } finally {
            running.set(false);
        }
        return total;
    }

    public long pending() {
        return QuarkusTransaction.joiningExisting().call(() -> OutboxEvent.count("publishedAt is null"));
    }

    private int publishBatch() {
        Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, ADVISORY_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        List<OutboxEvent> batch = OutboxEvent.find("publishedAt is null order by seq").page(0, batchSize).list();
        if (batch.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            acks.add(send(event));
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int published = 0;
        for (int i = 0; i < batch.size(); i++) {
            OutboxEvent event = batch.get(i);
            try {
                acks.get(i).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
                event.publishedAt = now;
                published++;
            } catch (Exception e) {
                // stop at the first failure: later rows are sent again next time (consumers dedupe)
                event.attempts++;
                String message = e.getCause() != null ? e.getCause().toString() : e.toString();
                event.lastError = message.length() > 500 ? message.substring(0, 500) : message;
                LOG.warnf("outbox relay: event %s (%s) not published yet: %s", event.id, event.type, event.lastError);
                break;
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
