package jp.telework.desk.common.housekeeping;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jp.telework.desk.common.idempotency.IdempotencyStore;
import jp.telework.desk.common.jobs.ScheduledJobs;
import jp.telework.desk.common.jobs.TriggerSlot;

/**
 * Keeps the shared tables bounded: published outbox rows, processed event ids, Idempotency-Key records
 * past their window (their stored answers hold requesters' contact details), old job-run records and
 * resolved dead letters (waiting ones stay until an operator resolves them).
 * Runs once per trigger across replicas; deletes in batches of {@code batch-size}, each in a transaction
 * of its own, taking only rows nobody holds ({@code SKIP LOCKED}), through indexes on the age columns
 * (V0_2), so it neither scans the tables nor blocks a request or a consumer.
 */
@ApplicationScoped
public class Housekeeping {
    private static final Logger LOG = Logger.getLogger(Housekeeping.class);
    public static final String JOB = "housekeeping";

    @Inject
    EntityManager em;
    @Inject
    HousekeepingConfig config;
    @Inject
    IdempotencyStore idempotency;
    @Inject
    ScheduledJobs jobs;
    @Inject
    MeterRegistry meters;
    @Inject
    Clock clock;

    /** What one run deleted, per table. */
    public record Purged(int outboxEvents, int processedEvents, int idempotencyRecords, int jobRuns, int deadLetters) {
        @Override
        public String toString() {
            return String.format("%d outbox_event, %d processed_event, %d idempotency_record, %d scheduled_job_run, %d dead_letter",
                    outboxEvents, processedEvents, idempotencyRecords, jobRuns, deadLetters);
        }
    }

    @Scheduled(every = "${telework.housekeeping.every:15m}", delayed = "${telework.housekeeping.delay:2m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled(ScheduledExecution execution) {
        jobs.runOnce(JOB, execution, TriggerSlot.every(config.every()), () -> purge(clock.instant()).toString());
    }

    /** Deletes what is older than each table's retention at {@code now}; logs one line and counts. */
    public Purged purge(Instant now) {
        long started = System.nanoTime();
        Purged purged = new Purged(
                batches("outbox_event", "DELETE FROM outbox_event WHERE seq IN (SELECT seq FROM outbox_event "
                        + "WHERE published_at < ?1 ORDER BY published_at LIMIT ?2 FOR UPDATE SKIP LOCKED)",
                        now.minus(config.outboxRetention())),
                batches("processed_event", "DELETE FROM processed_event WHERE (consumer, event_id) IN (SELECT consumer, event_id "
                        + "FROM processed_event WHERE processed_at < ?1 ORDER BY processed_at LIMIT ?2 FOR UPDATE SKIP LOCKED)",
                        now.minus(config.inboxRetention())),
                batches("idempotency_record", "DELETE FROM idempotency_record WHERE (scope, principal, idem_key) IN (SELECT scope, "
                        + "principal, idem_key FROM idempotency_record WHERE created_at < ?1 ORDER BY created_at LIMIT ?2 "
                        + "FOR UPDATE SKIP LOCKED)",
                        now.minus(idempotency.window())),
                batches("scheduled_job_run", "DELETE FROM scheduled_job_run WHERE (job_name, slot_start) IN (SELECT job_name, slot_start "
                        + "FROM scheduled_job_run WHERE started_at < ?1 ORDER BY started_at LIMIT ?2 FOR UPDATE SKIP LOCKED)",
                        now.minus(config.jobRunRetention())),
                batches("dead_letter", "DELETE FROM dead_letter WHERE id IN (SELECT id FROM dead_letter "
                        + "WHERE resolved_at < ?1 ORDER BY resolved_at LIMIT ?2 FOR UPDATE SKIP LOCKED)",
                        now.minus(config.deadLetterRetention())));
        LOG.infof("housekeeping: purged %s in %d ms", purged, (System.nanoTime() - started) / 1_000_000);
        return purged;
    }

    private int batches(String table, String delete, Instant cutoff) {
        OffsetDateTime before = OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC);
        int size = config.batchSize();
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(delete)
                    .setParameter(1, before).setParameter(2, size).executeUpdate());
            total += deleted;
        } while (deleted == size);
        if (total > 0) {
            meters.counter("telework.housekeeping.purged", "table", table).increment(total);
        }
        return total;
    }
}
