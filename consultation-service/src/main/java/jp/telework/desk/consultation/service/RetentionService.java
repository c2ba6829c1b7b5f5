package jp.telework.desk.consultation.service;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jp.telework.desk.common.jobs.ScheduledJobs;
import jp.telework.desk.common.jobs.TriggerSlot;
import jp.telework.desk.consultation.config.ConsultationConfig;
import jp.telework.desk.common.vocabulary.Tokyo;

/**
 * Act on the Protection of Personal Information: requester contact details (contact person, email,
 * phone, free-text notes; an inquiry's contact name and email) are erased from bookings and
 * inquiries closed longer than the retention period. What the statistics need (organization,
 * prefecture, topics, dates, statuses) stays. An answered inquiry nobody closed counts as closed
 * from its answer.
 */
@ApplicationScoped
public class RetentionService {
    private static final Logger LOG = Logger.getLogger(RetentionService.class);
    public static final String JOB = "consultation-retention";

    @Inject
    EntityManager em;
    @Inject
    ConsultationConfig config;
    @Inject
    Clock clock;
    @Inject
    ScheduledJobs jobs;

    public record Anonymized(int bookings, int inquiries) {
    }

    /** Once per interval across replicas (the slot is the hour, with the default interval). */
    @Scheduled(every = "${consultation.retention.every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled(ScheduledExecution execution) {
        jobs.runOnce(JOB, execution, TriggerSlot.every(config.retention().every()), () -> {
            Anonymized done = anonymizeClosedBefore(Tokyo.now(clock).minus(config.retention().period()));
            if (done.bookings() + done.inquiries() > 0) {
                LOG.infof("retention: anonymized %d bookings and %d inquiries", done.bookings(), done.inquiries());
            }
            return done.bookings() + " bookings, " + done.inquiries() + " inquiries anonymized";
        });
    }

    @Transactional
    public Anonymized anonymizeClosedBefore(OffsetDateTime cutoff) {
        OffsetDateTime now = Tokyo.now(clock);
        int bookings = em.createNativeQuery("UPDATE booking SET contact_person = NULL, email = NULL, phone = NULL, notes = NULL,"
                + " anonymized_at = :now WHERE anonymized_at IS NULL AND closed_at < :cutoff")
                .setParameter("now", now).setParameter("cutoff", cutoff).executeUpdate();
        int inquiries = em.createNativeQuery("UPDATE inquiry SET contact_name = NULL, email = NULL, anonymized_at = :now"
                + " WHERE anonymized_at IS NULL AND status IN ('ANSWERED', 'CLOSED') AND COALESCE(closed_at, answered_at) < :cutoff")
                .setParameter("now", now).setParameter("cutoff", cutoff).executeUpdate();
        return new Anonymized(bookings, inquiries);
    }
}
