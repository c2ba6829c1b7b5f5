package jp.telework.desk.common.rest;

import java.util.UUID;

import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.common.vocabulary.Prefectures;

/**
 * Ids read from the path. A malformed id names no resource, so it is answered like an unknown one:
 * 404 naming the kind of resource (never 400, and never a bare JAX-RS 404 from a failed conversion).
 */
public final class PathIds {
    private PathIds() {
    }

    /** A UUID id, e.g. {@code uuid(id, "booking")}. */
    public static UUID uuid(String raw, String resource) {
        if (raw != null && raw.length() == 36) {
            try {
                return UUID.fromString(raw);
            } catch (IllegalArgumentException e) {
                // fall through: not an id
            }
        }
        throw ProblemException.notFound(resource);
    }

    /** A prefecture code in the path, e.g. the contact point of {@code /contact-points/13}. */
    public static String prefecture(String raw, String resource) {
        if (!Prefectures.isCode(raw)) {
            throw ProblemException.notFound(resource);
        }
        return raw;
    }
}
