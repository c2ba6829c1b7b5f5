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
 * phone) and free text that may name people (booking notes, outcome summary, cancellation reason; an
 * inquiry's contact name, email, question and answer) are erased from bookings and inquiries closed
 * longer than the retention period. What the statistics need (organization, prefecture, topics, dates,
 * statuses, channel) stays. An answered inquiry nobody closed counts as closed from its answer; a
 * booking nobody closed (still BOOKED, or NEEDS_RESCHEDULE) is closed as OUTCOME_MISSING once its slot
 * ended longer than {@code outcome-missing-after} ago, so it is anonymized in its turn. No event is
 * published for that: its slot is past, and nothing downstream acts on how a booking ended.
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
            OffsetDateTime now = Tokyo.now(clock);
            int closed = closeUnfinishedEndedBefore(now.minus(config.retention().outcomeMissingAfter()));
            Anonymized done = anonymizeClosedBefore(now.minus(config.retention().period()));
            if (closed + done.bookings() + done.inquiries() > 0) {
                LOG.infof("retention: %d bookings closed as OUTCOME_MISSING; anonymized %d bookings and %d inquiries", closed,
                        done.bookings(), done.inquiries());
            }
            return closed + " closed as OUTCOME_MISSING, " + done.bookings() + " bookings, " + done.inquiries()
                    + " inquiries anonymized";
        });
    }

    /** Closes as OUTCOME_MISSING the bookings still BOOKED or NEEDS_RESCHEDULE whose slot ended before {@code cutoff}. */
    @Transactional
    public int closeUnfinishedEndedBefore(OffsetDateTime cutoff) {
        OffsetDateTime now = Tokyo.now(clock);
        return em.createNativeQuery("UPDATE booking b SET status = 'OUTCOME_MISSING', closed_at = :now, updated_at = :now,"
                + " version = b.version + 1 FROM slot s WHERE s.id = b.slot_id AND b.status IN ('BOOKED', 'NEEDS_RESCHEDULE')"
                + " AND (s.slot_date + s.end_time) AT TIME ZONE :zone < :cutoff")
                .setParameter("now", now).setParameter("zone", Tokyo.ZONE_ID).setParameter("cutoff", cutoff).executeUpdate();
    }

    @Transactional
    public Anonymized anonymizeClosedBefore(OffsetDateTime cutoff) {
        OffsetDateTime now = Tokyo.now(clock);
        int bookings = em.createNativeQuery("UPDATE booking SET contact_person = NULL, email = NULL, phone = NULL, notes = NULL,"
                + " outcome_summary = NULL, cancellation_reason = NULL, anonymized_at = :now"
                + " WHERE anonymized_at IS NULL AND closed_at < :cutoff")
                .setParameter("now", now).setParameter("cutoff", cutoff).executeUpdate();
        int inquiries = em.createNativeQuery("UPDATE inquiry SET contact_name = NULL, email = NULL, question = NULL, answer = NULL,"
                + " anonymized_at = :now"
                + " WHERE anonymized_at IS NULL AND status IN ('ANSWERED', 'CLOSED') AND COALESCE(closed_at, answered_at) < :cutoff")
                .setParameter("now", now).setParameter("cutoff", cutoff).executeUpdate();
        return new Anonymized(bookings, inquiries);
    }
}
