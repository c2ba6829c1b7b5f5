package jp.telework.desk.consultation.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The retention job runs once per trigger however many replicas fire it: two firings of the same hour at
 * once (as two replicas started at different times would fire) run it once, the next hour runs again.
 * The slots are in 2001, far from the ones the real scheduler of this test application claims.
 */
@QuarkusTest
class RetentionJobTest {
    @Inject
    RetentionService retention;
    @Inject
    EntityManager em;
    @Inject
    MeterRegistry meters;

    @Test
    void twoFiringsOfOneHourRunOnceAndTheNextHourRunsAgain() throws Exception {
        double succeeded = runs("succeeded");
        double skipped = runs("skipped");
        fireTogether(Instant.parse("2001-02-03T04:05:06Z"), Instant.parse("2001-02-03T04:35:10Z"));
        assertEquals(1, runs("succeeded") - succeeded, 0.001, "one ran");
        assertEquals(1, runs("skipped") - skipped, 0.001, "the other skipped");
        List<Object[]> rows = rows();
        assertEquals(1, rows.size());
        assertEquals(Instant.parse("2001-02-03T04:00:00Z").getEpochSecond(), ((Number) rows.get(0)[0]).longValue(), "the hour's slot");
        assertEquals("SUCCEEDED", rows.get(0)[1]);
        assertTrue(((String) rows.get(0)[2]).matches("\\d+ closed as OUTCOME_MISSING, \\d+ bookings, \\d+ inquiries anonymized"), (String) rows.get(0)[2]);

        retention.scheduled(at(Instant.parse("2001-02-03T05:05:06Z")));
        assertEquals(2, runs("succeeded") - succeeded, 0.001, "the next hour is a slot of its own");
        assertEquals(2, rows().size());
    }

    private void fireTogether(Instant... scheduledFireTimes) throws Exception {
        CyclicBarrier together = new CyclicBarrier(scheduledFireTimes.length);
        ExecutorService pool = Executors.newFixedThreadPool(scheduledFireTimes.length);
        try {
            List<Future<?>> fired = new ArrayList<>();
            for (Instant t : scheduledFireTimes) {
                fired.add(pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    retention.scheduled(at(t));
                    return null;
                }));
            }
            for (Future<?> f : fired) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private double runs(String outcome) {
        return meters.counter("telework.jobs.runs", "job", RetentionService.JOB, "outcome", outcome).count();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("SELECT CAST(EXTRACT(EPOCH FROM slot_start) AS BIGINT), outcome, detail "
                + "FROM scheduled_job_run WHERE job_name = ?1 AND slot_start < ?2 ORDER BY slot_start")
                .setParameter(1, RetentionService.JOB).setParameter(2, OffsetDateTime.of(2002, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
                .getResultList());
    }

    static ScheduledExecution at(Instant scheduledFireTime) {
        return jp.telework.desk.common.jobs.Fired.at(scheduledFireTime);
    }
}
