package jp.telework.desk.common.deadletter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jp.telework.desk.common.data.DatabaseFailures;
import jp.telework.desk.common.inbox.EventContext;
import jp.telework.desk.common.inbox.IdempotentConsumer;
import jp.telework.desk.common.inbox.PoisonEventException;
import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.common.rest.Page;

/**
 * The dead-letter desk: what each consumer of this service could not apply, and what an operator did about
 * it. {@link IdempotentConsumer} records a letter before it nacks the message; an operator lists them,
 * replays one or all after a fix, or discards one with a reason.
 *
 * <p>A replay runs the consumer's registered handler in one transaction with the inbox and the letter's
 * row (locked): it is applied once in effect (an event id already applied, by a redelivery or by another
 * replay, is recorded {@code ALREADY_APPLIED} and changes nothing), and a failing replay leaves everything
 * as it was except the letter's {@code replayAttempts} and {@code lastReplayError}. A resolved letter
 * drops its data (it may hold what a consumer could not read, so nobody knows what is in it).
 */
@ApplicationScoped
public class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    /** Letters replayed by one "replay all" call; the answer says how many still wait. */
    public static final int REPLAY_ALL_LIMIT = 500;
    private static final int TEXT = 1000;

    @Inject
    EntityManager em;
    @Inject
    IdempotentConsumer consumers;
    @Inject
    Clock clock;

    /** A message a consumer refused, as it arrived (partition and offset -1 when it came from no Kafka record). */
    public record Received(String consumer, String topic, int partition, long offset, String key, String eventId,
            String eventType, String eventSource, String eventSubject, OffsetDateTime eventTime, String data, int size,
            String reason, boolean poison) {
    }

    /** What one "replay all" did. */
    public record ReplayAll(int replayed, int alreadyApplied, int failed, int skipped, long stillWaiting,
            List<Failure> failures) {
        public record Failure(UUID id, String reason) {
        }
    }

    /** Records a letter in a transaction of its own; a record redelivered after a crash is recorded once. */
    public void record(Received r) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (r.offset() >= 0 && !em.createQuery("select d.id from DeadLetter d where d.consumer = ?1 and d.topic = ?2 "
                    + "and d.partition = ?3 and d.offset = ?4", UUID.class).setParameter(1, r.consumer()).setParameter(2, r.topic())
                    .setParameter(3, r.partition()).setParameter(4, r.offset()).getResultList().isEmpty()) {
                return;
            }
            DeadLetter d = new DeadLetter();
            d.id = UUID.randomUUID();
            d.consumer = r.consumer();
            d.topic = r.topic();
            d.partition = r.partition();
            d.offset = r.offset();
            d.key = cut(r.key(), 200);
            d.eventId = cut(r.eventId(), 200);
            d.eventType = cut(r.eventType(), 200);
            d.eventSource = cut(r.eventSource(), 300);
            d.eventSubject = cut(r.eventSubject(), 200);
            d.eventTime = r.eventTime();
            d.payload = r.data();
            d.payloadSize = r.size();
            d.payloadSha256 = r.data() == null ? null : sha256(r.data());
            d.reason = cut(r.reason() == null ? "(no reason given)" : r.reason(), TEXT);
            d.poison = r.poison();
            d.deadAt = now();
            d.status = DeadLetterStatus.WAITING;
            em.persist(d);
        });
    }

    /** Newest first; {@code consumer} and {@code status} narrow it when given. */
    public Page<DeadLetter> list(String consumer, DeadLetterStatus status, int page, int size) {
        String where = " where (?1 is null or d.consumer = ?1) and (?2 is null or d.status = ?2)";
        return QuarkusTransaction.requiringNew().call(() -> {
            TypedQuery<DeadLetter> q = em.createQuery("select d from DeadLetter d" + where + " order by d.deadAt desc, d.id",
                    DeadLetter.class);
            List<DeadLetter> items = q.setParameter(1, consumer).setParameter(2, status)
                    .setFirstResult(page * size).setMaxResults(size).getResultList();
            long total = em.createQuery("select count(d) from DeadLetter d" + where, Long.class)
                    .setParameter(1, consumer).setParameter(2, status).getSingleResult();
            items.forEach(em::detach);
            return new Page<>(items, total, page, size);
        });
    }

    public DeadLetter get(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            DeadLetter d = em.find(DeadLetter.class, id);
            if (d == null) {
                throw ProblemException.notFound("dead letter");
            }
            em.detach(d);
            return d;
        });
    }

    /** Applies the letter's event again through its consumer's handler; 409 {@code replay-failed} when it still fails. */
    public DeadLetter replay(UUID id, String operator) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                DeadLetter d = waiting(id, "replayed");
                if (d.eventId == null || d.eventType == null) {
                    throw notReplayable(d, "it is not a CloudEvent (no id or type), so no handler can take it; discard it");
                }
                if (!consumers.handles(d.consumer, d.eventType)) {
                    throw notReplayable(d, "consumer " + d.consumer + " has no handler for " + d.eventType
                            + " in this version of the service; discard it");
                }
                EventContext context = new EventContext(d.eventId, d.eventType, d.eventSubject, d.eventSource,
                        d.eventTime == null ? null : d.eventTime.toZonedDateTime());
                IdempotentConsumer.Applied applied = consumers.applyStored(d.consumer, context, d.payload);
                d.replayAttempts++;
                d.lastReplayError = null;
                d.outcome = applied.name();
                d.resolve(DeadLetterStatus.REPLAYED, operator, now());
                em.flush();
                em.detach(d);
                LOG.infof("dead letter %s (%s, event %s) replayed by %s: %s", d.id, d.consumer, d.eventId, operator, applied);
                return d;
            });
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            if (DatabaseFailures.transientFailure(e)) {
                throw e;
            }
            String why = cut(describe(e), TEXT);
            QuarkusTransaction.requiringNew().run(() -> {
                DeadLetter d = em.find(DeadLetter.class, id, LockModeType.PESSIMISTIC_WRITE);
                if (d != null && d.status == DeadLetterStatus.WAITING) {
                    d.replayAttempts++;
                    d.lastReplayError = why;
                }
            });
            throw ProblemException.conflict("replay-failed", "Replay failed",
                    "dead letter " + id + " could not be applied: " + why + "; it is still WAITING");
        }
    }

    /**
     * Replays the waiting letters, oldest first ({@value #REPLAY_ALL_LIMIT} at most per call), each in its own
     * transaction. Once a letter of a key fails, the later letters of that key wait too (skipped): they may
     * depend on it, as the events of one key were published in order.
     */
    public ReplayAll replayAll(String consumer, String operator) {
        List<Object[]> waiting = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select d.id, d.consumer, d.key from DeadLetter d where d.status = ?1 and (?2 is null or d.consumer = ?2) "
                        + "order by d.deadAt, d.id", Object[].class)
                .setParameter(1, DeadLetterStatus.WAITING).setParameter(2, consumer)
                .setMaxResults(REPLAY_ALL_LIMIT).getResultList());
        int replayed = 0;
        int already = 0;
        int skipped = 0;
        List<ReplayAll.Failure> failures = new ArrayList<>();
        Set<String> blockedKeys = new HashSet<>();
        for (Object[] row : waiting) {
            UUID id = (UUID) row[0];
            String key = row[1] + "/" + row[2];
            if (row[2] != null && blockedKeys.contains(key)) {
                skipped++;
                continue;
            }
            try {
                DeadLetter d = replay(id, operator);
                if (IdempotentConsumer.Applied.ALREADY_APPLIED.name().equals(d.outcome)) {
                    already++;
                } else {
                    replayed++;
                }
            } catch (ProblemException e) {
                if (e.status() == 404 || (e.status() == 409 && "not-waiting".equals(e.slug()))) {
                    continue; // resolved meanwhile (another operator, another replica)
                }
                failures.add(new ReplayAll.Failure(id, e.getMessage()));
                if (row[2] != null) {
                    blockedKeys.add(key);
                }
            }
        }
        long still = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(d) from DeadLetter d where d.status = ?1 and (?2 is null or d.consumer = ?2)", Long.class)
                .setParameter(1, DeadLetterStatus.WAITING).setParameter(2, consumer).getSingleResult());
        return new ReplayAll(replayed, already, failures.size(), skipped, still, failures);
    }

    /** Gives a letter up: its data is erased, the reason and the operator are kept. */
    public DeadLetter discard(UUID id, String reason, String operator) {
        return QuarkusTransaction.requiringNew().call(() -> {
            DeadLetter d = waiting(id, "discarded");
            d.discardReason = reason;
            d.resolve(DeadLetterStatus.DISCARDED, operator, now());
            em.flush();
            em.detach(d);
            LOG.infof("dead letter %s (%s, event %s) discarded by %s: %s", d.id, d.consumer, d.eventId, operator, reason);
            return d;
        });
    }

    private DeadLetter waiting(UUID id, String verb) {
        DeadLetter d = em.find(DeadLetter.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (d == null) {
            throw ProblemException.notFound("dead letter");
        }
        if (d.status != DeadLetterStatus.WAITING) {
            throw ProblemException.conflict("not-waiting", "Dead letter already resolved",
                    "dead letter " + id + " is " + d.status + " (" + d.resolvedAt + ", by " + d.resolvedBy
                            + "), so it cannot be " + verb);
        }
        return d;
    }

    private static ProblemException notReplayable(DeadLetter d, String why) {
        return ProblemException.conflict("not-replayable", "Dead letter cannot be replayed", "dead letter " + d.id + ": " + why);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** The failure in its own words, with the cause that made it (a commit failure wraps the constraint that refused it). */
    private static String describe(Throwable e) {
        String own = e instanceof PoisonEventException && e.getMessage() != null ? e.getMessage() : e.toString();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? own : own + " (cause: " + root + ")";
    }

    static String sha256(String data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
