package jp.telework.desk.common.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.telework.desk.common.rest.IdempotencyKeys;
import jp.telework.desk.common.problem.Problem;
import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.common.problem.ProblemType;

/**
 * Idempotency-Key support decided in the database. The claim row is inserted in the creating
 * transaction: a concurrent request with the same key blocks on the primary key until the first
 * commits and then replays its stored response; if the first rolled back, the claim vanished with
 * it and the retry is executed afresh. The same key with a different body is a 422.
 *
 * <p>A key is valid for {@code telework.idempotency.window} (24 h) from its first request: a record
 * older than that is treated as absent (the request executes afresh and the record starts again), so
 * whether housekeeping has already deleted it or not makes no difference to a client. The window is
 * also how long a stored answer (which holds the requester's contact details) may exist at all:
 * housekeeping deletes records past it.
 */
@ApplicationScoped
public class IdempotencyStore {
    public static final String HEADER = IdempotencyKeys.HEADER;

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "telework.idempotency.window", defaultValue = "PT24H")
    Duration window;

    /** How long a key replays its first answer; records older than this are expired (and purged). */
    public Duration window() {
        return window;
    }

    /** The answer to a creating request: the first one, or (replayed) the stored answer of an earlier request with the key. */
    public record StoredResponse(int status, String location, String body, boolean replayed) {
        public static StoredResponse first(int status, String location, String body) {
            return new StoredResponse(status, location, body, false);
        }
    }

    /** Returns the stored response of an earlier request with this key, or empty when this request owns it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredResponse> claim(String scope, String principal, String key, Object request) {
        validate(key);
        String hash = hash(request);
        // an expired record is claimed afresh, as if it had been purged (a concurrent claim of the same key
        // waits for this one and then sees a fresh record: it replays or waits like for any first request)
        int inserted = em.createNativeQuery("INSERT INTO idempotency_record AS r (scope, principal, idem_key, request_hash) "
                + "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (scope, principal, idem_key) DO UPDATE SET request_hash = EXCLUDED.request_hash, "
                + "status = NULL, location = NULL, body = NULL, created_at = now() "
                + "WHERE r.created_at < now() - make_interval(secs => ?5)")
                .setParameter(1, scope).setParameter(2, principal).setParameter(3, key).setParameter(4, hash)
                .setParameter(5, window.toMillis() / 1000.0)
                .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        Object[] row = (Object[]) em.createNativeQuery("SELECT request_hash, status, location, body FROM idempotency_record "
                + "WHERE scope = ?1 AND principal = ?2 AND idem_key = ?3")
                .setParameter(1, scope).setParameter(2, principal).setParameter(3, key)
                .getSingleResult();
        if (!hash.equals(row[0])) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used with a different request body",
                    List.of(new Problem.FieldError(HEADER, "already used for a different request")));
        }
        if (row[1] == null) {
            throw ProblemException.conflict("idempotent-request-in-progress", "Request in progress",
                    "a request with this Idempotency-Key is still being processed");
        }
        return Optional.of(new StoredResponse(((Number) row[1]).intValue(), (String) row[2], (String) row[3], true));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String scope, String principal, String key, int status, String location, Object body) {
        try {
            em.createNativeQuery("UPDATE idempotency_record SET status = ?4, location = ?5, body = ?6 "
                    + "WHERE scope = ?1 AND principal = ?2 AND idem_key = ?3")
                    .setParameter(1, scope).setParameter(2, principal).setParameter(3, key)
                    .setParameter(4, status).setParameter(5, location).setParameter(6, json.writeValueAsString(body))
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void validate(String key) {
        // the one form (common-web): also for callers that did not read the key through IdempotencyKeys.read
        if (!IdempotencyKeys.isValid(key)) {
            throw ProblemException.badRequest(HEADER, IdempotencyKeys.MESSAGE);
        }
    }

    private String hash(Object request) {
        try {
            byte[] canonical = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
