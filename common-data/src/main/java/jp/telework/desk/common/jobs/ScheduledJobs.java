package jp.telework.desk.common.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.ScheduledExecution;

/**
 * Runs a scheduled job once per trigger across all replicas of a service, decided in its PostgreSQL.
 *
 * <p><b>How.</b> Each trigger has a slot ({@link TriggerSlot}: the scheduled fire time rounded down to the
 * job's period). A replica claims {@code (job, slot)} by inserting a {@code scheduled_job_run} row in a
 * short transaction of its own; the primary key lets exactly one insert win, the others find the row and
 * skip the trigger. The winner holds a <i>lease</i> ({@code lease_until}, database time) that it renews
 * while the job runs, and records {@code finished_at}, the outcome and a one-line detail at the end. A row
 * that was never finished and whose lease expired (its replica died) is taken over by the next replica that
 * fires for that slot ({@code attempt} counts up); a finished row is final, so a slot never runs twice.
 *
 * <p><b>Why a row with a lease</b> rather than the alternatives: a plain "first insert wins" row cannot tell
 * a crashed run from a running one, so a replica killed mid-job would leave its slot undone until the next
 * slot (a day for the nightly crons); a session-level advisory lock (or a row lock held for the whole run)
 * needs a connection pinned for the duration of the job, says nothing afterwards about who ran what, and
 * after a network partition is released only when TCP gives up. quarkus-quartz's clustered JDBC job store
 * would do it too, but brings eleven QRTZ_ tables per database and moves every job onto Quartz' scheduler
 * for what one table and two statements decide. The row is also the record the two-replica tests and an
 * operator read: who ran which slot, when, with what outcome. Lease times come from the database clock
 * ({@code clock_timestamp()}), so replicas whose clocks differ agree on expiry; slots come from the
 * nominal fire time, so they agree on the slot.
 *
 * <p>What it does not do: run a slot nobody fired for (a cron that no replica was up for waits for the next
 * trigger, or for a catch-up job), or stop a job that lost its lease (renewal failed for longer than the
 * lease, e.g. a database outage): that is logged, and the jobs are idempotent so an overlap does no harm.
 */
@ApplicationScoped
public class ScheduledJobs {
    private static final Logger LOG = Logger.getLogger(ScheduledJobs.class);

    /** The work of one trigger; returns a one-line summary for the run record (may be null). */
    @FunctionalInterface
    public interface Job {
        String run() throws Exception;
    }

    /** A won claim: this replica runs {@code (job, slot)}, as attempt {@code attempt}. */
    public record Claim(String job, Instant slot, String replica, int attempt) {
    }

    @Inject
    EntityManager em;
    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "telework.jobs.lease", defaultValue = "PT2M")
    Duration lease;
    @ConfigProperty(name = "telework.jobs.replica")
    Optional<String> configuredReplica;

    private volatile String replica;
    // renews the leases of the jobs this replica runs; one daemon thread is plenty (a few jobs, seconds apart)
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "scheduled-job-lease");
        t.setDaemon(true);
        return t;
    });

    @PreDestroy
    void stop() {
        renewals.shutdownNow();
    }

    /** Who this replica is in the run records: {@code telework.jobs.replica}, else the pod's host name and a random suffix. */
    public String replica() {
        if (replica == null) {
            String host = Optional.ofNullable(System.getenv("HOSTNAME")).filter(h -> !h.isBlank()).orElse("local");
            replica = configuredReplica.filter(r -> !r.isBlank())
                    .orElse(host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8));
        }
        return replica;
    }

    /**
     * Runs {@code work} if this replica wins the trigger's slot: the scheduled fire time of {@code execution}
     * rounded down to {@code period} (an interval job passes its interval, a daily cron {@link TriggerSlot#DAY}).
     * Returns whether it ran here. A failure of the work is logged and recorded, not rethrown.
     */
    public boolean runOnce(String job, ScheduledExecution execution, Duration period, Job work) {
        return runOnce(job, TriggerSlot.of(execution.getScheduledFireTime(), period), work);
    }

    /** {@link #runOnce(String, ScheduledExecution, Duration, Job)} for a slot already derived. */
    public boolean runOnce(String job, Instant slot, Job work) {
        Optional<Claim> claim;
        try {
            claim = claim(job, slot, lease);
        } catch (RuntimeException e) {
            LOG.warnf("job %s (slot %s) not started: its run could not be claimed: %s", job, slot, e.toString());
            meters.counter("telework.jobs.runs", "job", job, "outcome", "unclaimed").increment();
            return false;
        }
        if (claim.isEmpty()) {
            LOG.debugf("job %s (slot %s): run by another replica", job, slot);
            meters.counter("telework.jobs.runs", "job", job, "outcome", "skipped").increment();
            return false;
        }
        Claim won = claim.get();
        long every = Math.max(50, lease.toMillis() / 4); // three renewals may fail before the lease runs out
        ScheduledFuture<?> renewal = renewals.scheduleWithFixedDelay(() -> renewQuietly(won), every, every, TimeUnit.MILLISECONDS);
        String outcome = "SUCCEEDED";
        String detail;
        try {
            detail = work.run();
        } catch (Exception e) {
            outcome = "FAILED";
            detail = e.toString();
            LOG.errorf(e, "job %s (slot %s) failed", job, slot);
        } finally {
            renewal.cancel(false);
        }
        meters.counter("telework.jobs.runs", "job", job, "outcome", outcome.toLowerCase()).increment();
        try {
            if (!finish(won, outcome, detail)) {
                LOG.warnf("job %s (slot %s) finished after its lease had passed to another replica", job, slot);
            }
        } catch (RuntimeException e) {
            LOG.warnf("job %s (slot %s): its outcome could not be recorded: %s", job, slot, e.toString());
        }
        return true;
    }

    /**
     * Claims {@code (job, slot)} for this replica in a transaction of its own: wins when nobody has, or when the
     * run recorded is unfinished and its lease expired (a takeover). Empty when another replica ran it or runs it.
     */
    public Optional<Claim> claim(String job, Instant slot, Duration leaseFor) {
        String me = replica();
        OffsetDateTime slotStart = OffsetDateTime.ofInstant(slot, ZoneOffset.UTC);
        return QuarkusTransaction.requiringNew().call(() -> {
            // a concurrent insert of the same key waits for the first one's commit, then sees its row: one winner
            int won = em.createNativeQuery("INSERT INTO scheduled_job_run AS r (job_name, slot_start, replica, attempt, started_at, lease_until) "
                    + "VALUES (?1, ?2, ?3, 1, clock_timestamp(), clock_timestamp() + make_interval(secs => ?4)) "
                    + "ON CONFLICT (job_name, slot_start) DO UPDATE SET replica = EXCLUDED.replica, attempt = r.attempt + 1, "
                    + "started_at = EXCLUDED.started_at, lease_until = EXCLUDED.lease_until "
                    + "WHERE r.finished_at IS NULL AND r.lease_until < clock_timestamp()")
                    .setParameter(1, job).setParameter(2, slotStart).setParameter(3, me).setParameter(4, seconds(leaseFor))
                    .executeUpdate();
            if (won == 0) {
                return Optional.<Claim>empty();
            }
            Number attempt = (Number) em.createNativeQuery("SELECT attempt FROM scheduled_job_run WHERE job_name = ?1 AND slot_start = ?2")
                    .setParameter(1, job).setParameter(2, slotStart).getSingleResult();
            if (attempt.intValue() > 1) {
                LOG.infof("job %s (slot %s): taken over after an expired lease (attempt %d)", job, slot, attempt.intValue());
            }
            return Optional.of(new Claim(job, slot, me, attempt.intValue()));
        });
    }

    /** Extends the lease of a run this replica holds; false when it no longer holds it. */
    public boolean renew(Claim claim, Duration leaseFor) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("UPDATE scheduled_job_run "
                + "SET lease_until = clock_timestamp() + make_interval(secs => ?5) "
                + "WHERE job_name = ?1 AND slot_start = ?2 AND replica = ?3 AND attempt = ?4 AND finished_at IS NULL")
                .setParameter(1, claim.job()).setParameter(2, OffsetDateTime.ofInstant(claim.slot(), ZoneOffset.UTC))
                .setParameter(3, claim.replica()).setParameter(4, claim.attempt()).setParameter(5, seconds(leaseFor))
                .executeUpdate() == 1);
    }

    /** Records the end of a run; false when the run had been taken over (then the taker's record stays). */
    public boolean finish(Claim claim, String outcome, String detail) {
        String line = detail == null ? null : detail.length() > 500 ? detail.substring(0, 500) : detail;
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("UPDATE scheduled_job_run "
                + "SET finished_at = clock_timestamp(), outcome = ?5, detail = ?6 "
                + "WHERE job_name = ?1 AND slot_start = ?2 AND replica = ?3 AND attempt = ?4")
                .setParameter(1, claim.job()).setParameter(2, OffsetDateTime.ofInstant(claim.slot(), ZoneOffset.UTC))
                .setParameter(3, claim.replica()).setParameter(4, claim.attempt()).setParameter(5, outcome)
                .setParameter(6, line)
                .executeUpdate() == 1);
    }

    /**
     * The same mechanism as another replica of the service would run it: its own name and lease, the same
     * database. Not a bean; tests use it to race two replicas in one JVM.
     */
    ScheduledJobs replica(String name, Duration leaseFor) {
        ScheduledJobs other = new ScheduledJobs();
        other.em = em;
        other.meters = meters;
        other.lease = leaseFor;
        other.configuredReplica = Optional.of(name);
        return other;
    }

    private void renewQuietly(Claim claim) {
        try {
            if (!renew(claim, lease)) {
                LOG.warnf("job %s (slot %s): lease lost while running", claim.job(), claim.slot());
            }
        } catch (RuntimeException e) {
            LOG.warnf("job %s (slot %s): lease not renewed: %s", claim.job(), claim.slot(), e.toString());
        }
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
