package jp.telework.desk.common.housekeeping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The purge against the real PostgreSQL, with the defaults (outbox 7 days after publication, inbox 45 days,
 * Idempotency-Keys 24 h, job runs 30 days) and batches of 100 (test configuration): what is older than the
 * cut-off goes, what is younger stays, and an unpublished outbox row stays whatever its age.
 */
@QuarkusTest
class HousekeepingTest {
    @Inject
    Housekeeping housekeeping;
    @Inject
    EntityManager em;
    @Inject
    MeterRegistry meters;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void rowsOlderThanTheirRetentionGoAndYoungerOnesAndUnpublishedEventsStay() {
        Instant now = Instant.now();
        UUID oldSent = outbox(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(8)));
        UUID recentSent = outbox(now.minus(Duration.ofDays(6)), now.minus(Duration.ofDays(6)));
        UUID oldUnsent = outbox(now.minus(Duration.ofDays(30)), null);
        for (int i = 0; i < 250; i++) { // more than two batches
            processed("old-" + i, now.minus(Duration.ofDays(46)));
        }
        processed("recent", now.minus(Duration.ofDays(44)));
        idempotency("expired", now.minus(Duration.ofHours(25)));
        idempotency("valid", now.minus(Duration.ofHours(23)));
        jobRun("old", now.minus(Duration.ofDays(31)));
        jobRun("recent", now.minus(Duration.ofDays(29)));
        double before = meters.counter("telework.housekeeping.purged", "table", "processed_event").count();
        try {
            Housekeeping.Purged purged = housekeeping.purge(now);

            assertTrue(purged.outboxEvents() >= 1, purged.toString());
            assertTrue(purged.processedEvents() >= 250, purged.toString());
            assertTrue(purged.idempotencyRecords() >= 1, purged.toString());
            assertTrue(purged.jobRuns() >= 1, purged.toString());
            assertFalse(exists("outbox_event", "id = ?1", oldSent), "published 8 days ago: gone");
            assertTrue(exists("outbox_event", "id = ?1", recentSent), "published 6 days ago: kept");
            assertTrue(exists("outbox_event", "id = ?1", oldUnsent), "not published yet: kept, however old");
            assertEquals(0, count("processed_event", "consumer = ?1 AND event_id LIKE 'old-%'", consumer()), "46 days: gone, all batches");
            assertEquals(1, count("processed_event", "consumer = ?1 AND event_id = 'recent'", consumer()), "44 days: kept");
            assertFalse(exists("idempotency_record", "idem_key = ?1", tag + "-expired"), "25 h: past the window");
            assertTrue(exists("idempotency_record", "idem_key = ?1", tag + "-valid"), "23 h: still replays");
            assertFalse(exists("scheduled_job_run", "job_name = ?1", "hk-" + tag + "-old"));
            assertTrue(exists("scheduled_job_run", "job_name = ?1", "hk-" + tag + "-recent"));
            assertEquals(purged.processedEvents(),
                    meters.counter("telework.housekeeping.purged", "table", "processed_event").count() - before, 0.001);

            // a second run finds nothing more of ours
            Housekeeping.Purged again = housekeeping.purge(now);
            assertEquals(0, again.processedEvents() + again.outboxEvents(), again.toString());
        } finally {
            // the unpublished row must not reach another test's relay
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM outbox_event WHERE id = ?1")
                    .setParameter(1, oldUnsent).executeUpdate());
        }
    }

    @Test
    void theScheduledRunPurgesOncePerSlotAcrossTriggers() {
        ScheduledExecution at = execution(Instant.parse("2026-12-01T01:04:12Z"));
        housekeeping.scheduled(at);
        housekeeping.scheduled(execution(Instant.parse("2026-12-01T01:14:59Z"))); // same 15-minute slot
        Object[] run = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "SELECT count(*), min(outcome), min(detail) FROM scheduled_job_run WHERE job_name = ?1 AND slot_start = ?2")
                .setParameter(1, Housekeeping.JOB)
                .setParameter(2, OffsetDateTime.parse("2026-12-01T01:00:00Z"))
                .getSingleResult());
        assertEquals(1, ((Number) run[0]).intValue());
        assertEquals("SUCCEEDED", run[1]);
        assertTrue(((String) run[2]).contains("outbox_event"), (String) run[2]);
    }

    private String consumer() {
        return "hk-" + tag;
    }

    private UUID outbox(Instant occurred, Instant published) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO outbox_event "
                + "(id, topic, event_key, type, subject, occurred_at, payload, published_at) "
                + "VALUES (?1, 'housekeeping-test.events', 'k', 'test.purged.v1', 's', ?2, '{}', "
                + "NULL)")
                .setParameter(1, id).setParameter(2, utc(occurred)).executeUpdate());
        if (published != null) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE outbox_event SET published_at = ?2 WHERE id = ?1")
                    .setParameter(1, id).setParameter(2, utc(published)).executeUpdate());
        }
        return id;
    }

    private void processed(String eventId, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO processed_event "
                + "(consumer, event_id, event_type, processed_at) VALUES (?1, ?2, 'test.purged.v1', ?3)")
                .setParameter(1, consumer()).setParameter(2, eventId).setParameter(3, utc(at)).executeUpdate());
    }

    private void idempotency(String key, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO idempotency_record "
                + "(scope, principal, idem_key, request_hash, status, body, created_at) "
                + "VALUES ('test', 'org-1', ?1, 'h', 201, '{\"email\":\"someone@example.jp\"}', ?2)")
                .setParameter(1, tag + "-" + key).setParameter(2, utc(at)).executeUpdate());
    }

    private void jobRun(String name, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO scheduled_job_run "
                + "(job_name, slot_start, replica, started_at, lease_until, finished_at, outcome) "
                + "VALUES (?1, ?2, 'r', ?2, ?2, ?2, 'SUCCEEDED')")
                .setParameter(1, "hk-" + tag + "-" + name).setParameter(2, utc(at)).executeUpdate());
    }

    private boolean exists(String table, String where, Object value) {
        return count(table, where, value) > 0;
    }

    private long count(String table, String where, Object value) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM " + table + " WHERE " + where).setParameter(1, value).getSingleResult()).longValue());
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static ScheduledExecution execution(Instant scheduledFireTime) {
        return jp.telework.desk.common.jobs.Fired.at(scheduledFireTime);
    }
}
