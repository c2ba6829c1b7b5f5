package jp.telework.desk.common.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Once per trigger across replicas, decided in the real PostgreSQL: two "replicas" (each its own name,
 * each claim in its own transaction on its own connection) fire for the same slots at the same moment.
 */
@QuarkusTest
class ScheduledJobsTest {
    private static final Duration HOUR = Duration.ofHours(1);

    @Inject
    ScheduledJobs jobs;
    @Inject
    EntityManager em;

    /** A job of its own per test, so the rows of one test never meet another's. */
    private static String job() {
        return "test-job-" + UUID.randomUUID().toString().substring(0, 8);
    }

    record Run(String replica, int attempt, String outcome, String detail, boolean finished) {
    }

    private Optional<Run> row(String job, Instant slot) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("SELECT replica, attempt, outcome, detail, finished_at "
                + "FROM scheduled_job_run WHERE job_name = ?1 AND slot_start = ?2")
                .setParameter(1, job).setParameter(2, OffsetDateTime.ofInstant(slot, ZoneOffset.UTC))
                .getResultList().stream().findFirst().map(r -> {
                    Object[] c = (Object[]) r;
                    return new Run((String) c[0], ((Number) c[1]).intValue(), (String) c[2], (String) c[3], c[4] != null);
                }));
    }

    @Test
    void twoReplicasFiringTogetherRunEachSlotOnceAndEveryLaterSlotAgain() throws Exception {
        String job = job();
        ScheduledJobs a = jobs.replica("replica-a", Duration.ofMinutes(2));
        ScheduledJobs b = jobs.replica("replica-b", Duration.ofMinutes(2));
        Instant first = TriggerSlot.of(Instant.parse("2026-12-01T01:04:12Z"), HOUR);
        int slots = 20;
        AtomicInteger[] runs = new AtomicInteger[slots];
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < slots; i++) {
                Instant slot = first.plus(HOUR.multipliedBy(i));
                AtomicInteger ran = runs[i] = new AtomicInteger();
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Boolean>> fired = new ArrayList<>();
                for (ScheduledJobs replica : List.of(a, b)) {
                    fired.add(pool.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        return replica.runOnce(job, slot, () -> {
                            ran.incrementAndGet();
                            Thread.sleep(50); // the other replica's claim arrives while this one runs
                            return "did it";
                        });
                    }));
                }
                int ranHere = 0;
                for (Future<Boolean> f : fired) {
                    ranHere += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertEquals(1, ranHere, "slot " + slot + ": one replica says it ran");
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> winners = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            Instant slot = first.plus(HOUR.multipliedBy(i));
            assertEquals(1, runs[i].get(), "slot " + i + " ran exactly once");
            Run run = row(job, slot).orElseThrow();
            assertEquals(1, run.attempt());
            assertEquals("SUCCEEDED", run.outcome());
            assertEquals("did it", run.detail());
            assertTrue(run.finished());
            winners.add(run.replica());
        }
        assertTrue(winners.stream().allMatch(w -> w.equals("replica-a") || w.equals("replica-b")), winners.toString());
    }

    @Test
    void aFinishedSlotStaysDoneAndAFiringInTheSameSlotLaterIsSkipped() {
        String job = job();
        ScheduledJobs a = jobs.replica("replica-a", Duration.ofMillis(300));
        ScheduledJobs b = jobs.replica("replica-b", Duration.ofMillis(300));
        // replica A fires at 10:04 and B at 10:28 (their own phases): B's trigger is in A's slot
        AtomicInteger ran = new AtomicInteger();
        assertTrue(a.runOnce(job, TriggerSlot.of(Instant.parse("2026-12-01T01:04:12Z"), HOUR), () -> "n=" + ran.incrementAndGet()));
        sleep(500); // even after A's lease would have expired: a finished run is final
        assertFalse(b.runOnce(job, TriggerSlot.of(Instant.parse("2026-12-01T01:28:40Z"), HOUR), () -> "n=" + ran.incrementAndGet()));
        assertTrue(b.runOnce(job, TriggerSlot.of(Instant.parse("2026-12-01T02:28:40Z"), HOUR), () -> "n=" + ran.incrementAndGet()),
                "the next hour is a new slot");
        assertEquals(2, ran.get());
    }

    @Test
    void aDeadReplicasUnfinishedRunIsTakenOverOnceItsLeaseExpired() {
        String job = job();
        Instant slot = TriggerSlot.of(Instant.parse("2026-12-01T01:04:12Z"), HOUR);
        ScheduledJobs a = jobs.replica("replica-a", Duration.ofMillis(1500));
        ScheduledJobs b = jobs.replica("replica-b", Duration.ofMillis(1500));
        // A claims and dies: no renewal, no finish
        ScheduledJobs.Claim dead = a.claim(job, slot, Duration.ofMillis(1500)).orElseThrow();
        assertEquals(1, dead.attempt());
        AtomicInteger ran = new AtomicInteger();
        assertFalse(b.runOnce(job, slot, () -> "n=" + ran.incrementAndGet()), "A's lease still holds");
        assertEquals(0, ran.get());
        assertNull(row(job, slot).orElseThrow().outcome());

        sleep(2000);
        assertTrue(b.runOnce(job, slot, () -> "n=" + ran.incrementAndGet()), "the lease expired: B takes over");
        assertEquals(1, ran.get());
        Run run = row(job, slot).orElseThrow();
        assertEquals("replica-b", run.replica());
        assertEquals(2, run.attempt());
        assertEquals("SUCCEEDED", run.outcome());
        // A coming back from the dead can neither renew nor overwrite B's record
        assertFalse(a.renew(dead, Duration.ofMinutes(1)));
        assertFalse(a.finish(dead, "FAILED", "late"));
        assertEquals("SUCCEEDED", row(job, slot).orElseThrow().outcome());
        // and after B finished, the slot is done for A too
        assertTrue(a.claim(job, slot, Duration.ofMinutes(1)).isEmpty());
    }

    @Test
    void aLongRunKeepsItsLeaseSoNobodyRunsTheSlotTwiceAtOnce() throws Exception {
        String job = job();
        Instant slot = TriggerSlot.of(Instant.parse("2026-12-01T01:04:12Z"), HOUR);
        Duration lease = Duration.ofMillis(1000);
        ScheduledJobs a = jobs.replica("replica-a", lease);
        ScheduledJobs b = jobs.replica("replica-b", lease);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        ScheduledJobs.Job work = () -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            ran.incrementAndGet();
            Thread.sleep(3000); // three leases long: only renewals keep it
            running.decrementAndGet();
            return null;
        };
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> first = pool.submit(() -> a.runOnce(job, slot, work));
            sleep(200);
            for (int i = 0; i < 12; i++) { // B fires again and again while A runs
                assertFalse(b.runOnce(job, slot, work), "B's attempt " + i + " while A runs");
                sleep(200);
            }
            assertTrue(first.get(30, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, ran.get());
        assertEquals(1, most.get());
        Run run = row(job, slot).orElseThrow();
        assertEquals("replica-a", run.replica());
        assertEquals(1, run.attempt());
        assertEquals("SUCCEEDED", run.outcome());
        assertNull(run.detail());
    }

    @Test
    void aFailedRunIsRecordedAndTheNextSlotRunsAgain() {
        String job = job();
        Instant slot = TriggerSlot.of(Instant.parse("2026-12-01T01:04:12Z"), HOUR);
        assertTrue(jobs.runOnce(job, slot, () -> {
            throw new IllegalStateException("the database said no");
        }));
        Run failed = row(job, slot).orElseThrow();
        assertEquals("FAILED", failed.outcome());
        assertTrue(failed.detail().contains("the database said no"), failed.detail());
        assertEquals(jobs.replica(), failed.replica());
        assertFalse(jobs.runOnce(job, slot, () -> "again"), "a failed slot is not retried within the slot");
        assertTrue(jobs.runOnce(job, slot.plus(HOUR), () -> "again"));
        assertEquals("SUCCEEDED", row(job, slot.plus(HOUR)).orElseThrow().outcome());
    }

    @Test
    void theSlotOfAnExecutionIsItsScheduledFireTimeRoundedToThePeriod() {
        String job = job();
        io.quarkus.scheduler.ScheduledExecution at = execution(Instant.parse("2026-12-01T01:28:40Z"));
        assertTrue(jobs.runOnce(job, at, HOUR, () -> "ran"));
        assertNotNull(row(job, Instant.parse("2026-12-01T01:00:00Z")).orElse(null));
        assertFalse(jobs.runOnce(job, execution(Instant.parse("2026-12-01T01:59:59Z")), HOUR, () -> "ran"));
    }

    static io.quarkus.scheduler.ScheduledExecution execution(Instant scheduledFireTime) {
        return new io.quarkus.scheduler.ScheduledExecution() {
            @Override
            public io.quarkus.scheduler.Trigger getTrigger() {
                return null;
            }

            @Override
            public Instant getFireTime() {
                return scheduledFireTime.plusMillis(7);
            }

            @Override
            public Instant getScheduledFireTime() {
                return scheduledFireTime;
            }
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
