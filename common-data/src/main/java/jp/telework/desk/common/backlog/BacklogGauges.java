package jp.telework.desk.common.backlog;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jp.telework.desk.common.inbox.IdempotentConsumer;

/**
 * What waits in this service's database, as gauges: dead letters per consumer
 * ({@code telework.dead-letters.waiting{consumer}}), unpublished outbox rows ({@code telework.outbox.pending}) and
 * the age of the oldest one in seconds ({@code telework.outbox.oldest-age}). A scheduled refresh
 * ({@code telework.backlog.refresh}, 15 s) reads them, so a scrape never touches the database; a refresh
 * that fails keeps the last values. Every replica reports the same database-wide numbers: take the max
 * across replicas, not the sum.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup
public class BacklogGauges {
    private static final Logger LOG = Logger.getLogger(BacklogGauges.class);

    @Inject
    EntityManager em;
    @Inject
    MeterRegistry meters;
    @Inject
    IdempotentConsumer consumers;

    private final Map<String, AtomicLong> waiting = new ConcurrentHashMap<>();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    @jakarta.annotation.PostConstruct
    void gauges() {
        Gauge.builder("telework.outbox.pending", pending, AtomicLong::get)
                .description("Outbox rows not yet published").register(meters);
        Gauge.builder("telework.outbox.oldest-age", oldestAgeSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest unpublished outbox row (0 when none)").register(meters);
    }

    @Scheduled(every = "${telework.backlog.refresh:15s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.debugf("backlog gauges not refreshed (the last values stay): %s", e.toString());
        }
    }

    /** Reads the numbers now. */
    public void refresh() {
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                    "SELECT consumer, count(*) FROM dead_letter WHERE status = 'WAITING' GROUP BY consumer").getResultList();
            Map<String, Long> counts = new java.util.HashMap<>();
            rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
            consumers.consumers().forEach(c -> counts.putIfAbsent(c, 0L));
            waiting.keySet().forEach(c -> counts.putIfAbsent(c, 0L));
            counts.forEach((consumer, n) -> gauge(consumer).set(n));
            Object[] outbox = (Object[]) em.createNativeQuery("SELECT count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(occurred_at)), 0) "
                    + "FROM outbox_event WHERE published_at IS NULL").getSingleResult();
            pending.set(((Number) outbox[0]).longValue());
            oldestAgeSeconds.set(Math.max(0, Math.round(((Number) outbox[1]).doubleValue())));
        });
    }

    private AtomicLong gauge(String consumer) {
        return waiting.computeIfAbsent(consumer, c -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("telework.dead-letters.waiting", value, AtomicLong::get).tag("consumer", c)
                    .description("Dead letters waiting for an operator").register(meters);
            return value;
        });
    }
}
