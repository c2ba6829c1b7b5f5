package jp.telework.desk.contactpoint.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The nightly re-materialization and its catch-up run once per trigger however many replicas fire them.
 * Slots in 2001, far from the ones this test application's real scheduler claims.
 */
@QuarkusTest
class SlotMaterializerJobsTest {
    @Inject
    SlotMaterializer materializer;
    @Inject
    EntityManager em;
    @Inject
    MeterRegistry meters;

    @Test
    void theNightlyRunHappensOncePerTokyoDay() throws Exception {
        String job = SlotMaterializer.NIGHTLY_JOB;
        double succeeded = runs(job, "succeeded");
        double skipped = runs(job, "skipped");
        // 0 5 0 * * ? in Tokyo: two replicas compute the same nominal fire time; a third still on an older cron (00:10)
        fireTogether(materializer::nightly, tokyo("2001-02-03T00:05:00"), tokyo("2001-02-03T00:05:00"), tokyo("2001-02-03T00:10:00"));
        assertEquals(1, runs(job, "succeeded") - succeeded, 0.001, "one replica ran it");
        assertEquals(2, runs(job, "skipped") - skipped, 0.001, "the others skipped it");
        List<Object[]> rows = rows(job);
        assertEquals(1, rows.size());
        assertEquals(tokyo("2001-02-03T00:00:00").getEpochSecond(), ((Number) rows.get(0)[0]).longValue(), "the slot is the Tokyo day");
        assertEquals("SUCCEEDED", rows.get(0)[1]);
        assertTrue(((String) rows.get(0)[2]).matches("\\d+ slots opened/changed/closed"), (String) rows.get(0)[2]);

        materializer.nightly(at(tokyo("2001-02-04T00:05:00")));
        assertEquals(2, runs(job, "succeeded") - succeeded, 0.001, "the next night runs again");
        assertEquals(2, rows(job).size());
    }

    @Test
    void theCatchUpRunsOncePerIntervalWhateverEachReplicasPhase() throws Exception {
        String job = SlotMaterializer.CATCH_UP_JOB;
        double succeeded = runs(job, "succeeded");
        double skipped = runs(job, "skipped");
        // every 6h, delayed 20 s after start: replicas started at 06:40 and 09:12 both fire in the 06:00-12:00 slot
        fireTogether(materializer::catchUp, tokyo("2001-02-03T06:40:20"), tokyo("2001-02-03T09:12:20"));
        assertEquals(1, runs(job, "succeeded") - succeeded, 0.001);
        assertEquals(1, runs(job, "skipped") - skipped, 0.001);
        List<Object[]> rows = rows(job);
        assertEquals(1, rows.size());
        assertEquals(tokyo("2001-02-03T06:00:00").getEpochSecond(), ((Number) rows.get(0)[0]).longValue());
        assertEquals("SUCCEEDED", rows.get(0)[1]);
    }

    private static Instant tokyo(String local) {
        return OffsetDateTime.parse(local + "+09:00").toInstant();
    }

    private static void fireTogether(Consumer<ScheduledExecution> job, Instant... scheduledFireTimes) throws Exception {
        CyclicBarrier together = new CyclicBarrier(scheduledFireTimes.length);
        ExecutorService pool = Executors.newFixedThreadPool(scheduledFireTimes.length);
        try {
            List<Future<?>> fired = new ArrayList<>();
            for (Instant t : scheduledFireTimes) {
                fired.add(pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    job.accept(at(t));
                    return null;
                }));
            }
            for (Future<?> f : fired) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private double runs(String job, String outcome) {
        return meters.counter("telework.jobs.runs", "job", job, "outcome", outcome).count();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String job) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("SELECT CAST(EXTRACT(EPOCH FROM slot_start) AS BIGINT), "
                + "outcome, detail FROM scheduled_job_run WHERE job_name = ?1 AND slot_start < ?2 ORDER BY slot_start")
                .setParameter(1, job).setParameter(2, OffsetDateTime.parse("2002-01-01T00:00:00Z"))
                .getResultList());
    }

    private static ScheduledExecution at(Instant scheduledFireTime) {
        return jp.telework.desk.common.jobs.Fired.at(scheduledFireTime);
    }
}
