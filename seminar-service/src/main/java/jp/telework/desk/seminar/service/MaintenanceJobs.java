package jp.telework.desk.seminar.service;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jp.telework.desk.common.jobs.ScheduledJobs;
import jp.telework.desk.common.jobs.TriggerSlot;
import jp.telework.desk.seminar.config.SeminarConfig;
import java.time.Clock;
import jp.telework.desk.common.vocabulary.Tokyo;

/**
 * Housekeeping: completes seminars that ended a while ago, and anonymizes registrants' contact details after
 * retention. Each job runs once per trigger across replicas ({@link ScheduledJobs}).
 */
@ApplicationScoped
public class MaintenanceJobs {
    private static final Logger LOG = Logger.getLogger(MaintenanceJobs.class);
    public static final String AUTO_COMPLETE_JOB = "seminar-auto-complete";
    public static final String RETENTION_JOB = "seminar-retention";

    @Inject

    Clock clock;

    @Inject
    SeminarService seminars;
    @Inject
    SeminarConfig config;
    @Inject
    EntityManager em;
    @Inject
    ScheduledJobs jobs;

    @Scheduled(every = "${seminar.schedule.auto-complete-every:10m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void autoComplete(ScheduledExecution execution) {
        jobs.runOnce(AUTO_COMPLETE_JOB, execution, TriggerSlot.every(config.schedule().autoCompleteEvery()), () -> {
            OffsetDateTime before = Tokyo.now(clock).minus(config.schedule().autoCompleteAfter());
            int completed = 0;
            int failed = 0;
            for (UUID id : seminars.endedLongAgo(before)) {
                try {
                    if (seminars.autoComplete(id, before)) {
                        completed++;
                    }
                } catch (RuntimeException e) {
                    failed++;
                    LOG.warnf("could not complete seminar %s: %s", id, e.getMessage());
                }
            }
            return completed + " seminars completed, " + failed + " failed";
        });
    }

    @Scheduled(cron = "${seminar.retention.cron:0 30 3 * * ?}", timeZone = Tokyo.ZONE_ID,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retention(ScheduledExecution execution) {
        // the cron is daily: one run per Tokyo day
        jobs.runOnce(RETENTION_JOB, execution, TriggerSlot.DAY, () -> {
            int n = anonymize(Tokyo.now(clock).minus(config.retention().personalData()));
            if (n > 0) {
                LOG.infof("anonymized the contact details of %d registrations", n);
            }
            return n + " registrations anonymized";
        });
    }

    /** Clears contact details and attendee names of registrations for seminars that ended before {@code endedBefore}. */
    @Transactional
    public int anonymize(OffsetDateTime endedBefore) {
        int n = em.createNativeQuery("UPDATE registration r SET contact_name = NULL, contact_email = NULL, contact_phone = NULL, "
                + "attendee_names = NULL, anonymized_at = now() FROM seminar s "
                + "WHERE s.id = r.seminar_id AND s.ends_at < ?1 AND r.anonymized_at IS NULL")
                .setParameter(1, endedBefore).executeUpdate();
        // stored first responses of registrations repeat the contact details: drop those past retention too
        em.createNativeQuery("DELETE FROM idempotency_record WHERE scope = ?1 AND created_at < ?2")
                .setParameter(1, RegistrationService.IDEMPOTENCY_SCOPE).setParameter(2, endedBefore).executeUpdate();
        return n;
    }
}
