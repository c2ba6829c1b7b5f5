package jp.telework.desk.seminar;

import static jp.telework.desk.seminar.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
import io.quarkus.test.junit.QuarkusTest;
import jp.telework.desk.seminar.service.FireJobs;
import jp.telework.desk.seminar.service.MaintenanceJobs;

/**
 * Auto-completion and retention run once per trigger however many replicas fire them. Slots in 2001, far
 * from the ones this test application's real scheduler claims.
 */
@QuarkusTest
class MaintenanceJobsTest {
    @Inject
    MaintenanceJobs jobs;
    @Inject
    EntityManager em;
    @Inject
    MeterRegistry meters;

    @Test
    void autoCompletionRunsOncePerIntervalAndCompletesASeminarThatEndedLongAgo() throws Exception {
        String id = Fixtures.published(Fixtures.seminar());
        // as if it had ended three days ago (the window must stay before the start)
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE seminar SET "
                + "registration_opens_at = now() - interval '10 days', registration_closes_at = now() - interval '4 days', "
                + "starts_at = now() - interval '3 days', ends_at = now() - interval '3 days' + interval '2 hours' WHERE id = ?1")
                .setParameter(1, UUID.fromString(id)).executeUpdate());
        String job = MaintenanceJobs.AUTO_COMPLETE_JOB;
        double succeeded = runs(job, "succeeded");
        double skipped = runs(job, "skipped");
        // every 10m: replicas firing at 09:31:07 and 09:38:55 share the 09:30 slot
        fireTogether(t -> FireJobs.autoComplete(jobs, t), tokyo("2001-02-03T09:31:07"), tokyo("2001-02-03T09:38:55"));
        assertEquals(1, runs(job, "succeeded") - succeeded, 0.001);
        assertEquals(1, runs(job, "skipped") - skipped, 0.001);
        List<Object[]> rows = rows(job);
        assertEquals(1, rows.size());
        assertEquals(tokyo("2001-02-03T09:30:00").getEpochSecond(), ((Number) rows.get(0)[0]).longValue());
        assertEquals("SUCCEEDED", rows.get(0)[1]);
        assertTrue(((String) rows.get(0)[2]).matches("\\d+ seminars completed, 0 failed"), (String) rows.get(0)[2]);
        as("secretariat").get("/api/v1/seminars/" + id).then().statusCode(200).body("status", equalTo("COMPLETED"));

        FireJobs.autoComplete(jobs, tokyo("2001-02-03T09:41:07"));
        assertEquals(2, runs(job, "succeeded") - succeeded, 0.001, "the next interval runs again");
    }

    @Test
    void retentionRunsOncePerTokyoDay() throws Exception {
        String job = MaintenanceJobs.RETENTION_JOB;
        double succeeded = runs(job, "succeeded");
        double skipped = runs(job, "skipped");
        fireTogether(t -> FireJobs.retention(jobs, t), tokyo("2001-02-03T03:30:00"), tokyo("2001-02-03T03:30:00"));
        assertEquals(1, runs(job, "succeeded") - succeeded, 0.001);
        assertEquals(1, runs(job, "skipped") - skipped, 0.001);
        List<Object[]> rows = rows(job);
        assertEquals(1, rows.size());
        assertEquals(tokyo("2001-02-03T00:00:00").getEpochSecond(), ((Number) rows.get(0)[0]).longValue());
        assertTrue(((String) rows.get(0)[2]).matches("\\d+ registrations anonymized"), (String) rows.get(0)[2]);
        FireJobs.retention(jobs, tokyo("2001-02-04T03:30:00"));
        assertEquals(2, runs(job, "succeeded") - succeeded, 0.001, "the next day runs again");
    }

    private static Instant tokyo(String local) {
        return OffsetDateTime.parse(local + "+09:00").toInstant();
    }

    private static void fireTogether(Consumer<Instant> job, Instant... scheduledFireTimes) throws Exception {
        CyclicBarrier together = new CyclicBarrier(scheduledFireTimes.length);
        ExecutorService pool = Executors.newFixedThreadPool(scheduledFireTimes.length);
        try {
            List<Future<?>> fired = new ArrayList<>();
            for (Instant t : scheduledFireTimes) {
                fired.add(pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    job.accept(t);
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
}
