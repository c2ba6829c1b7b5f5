package jp.telework.desk.common.rest;

import java.util.List;

import jp.telework.desk.common.problem.Problem;
import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.common.problem.ProblemType;

/**
 * The version an update of a shared mutable resource expects (from {@code If-Match}). Every such update
 * requires one: without it two editors would silently overwrite each other. The service checks it after it
 * has decided the caller may write at all (so a stranger learns 403/404, not 428), under the row lock that
 * makes check and write one step: absent is 428, stale is 412, {@code *} accepts any version.
 */
public final class Precondition {
    private static final Precondition MISSING = new Precondition(false, null);
    private static final Precondition ANY = new Precondition(true, null);

    private final boolean present;
    private final Long version;

    private Precondition(boolean present, Long version) {
        this.present = present;
        this.version = version;
    }

    /** From the {@code If-Match} header: absent, {@code *}, or one of our ETags (else 400 naming the header). */
    public static Precondition ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return MISSING;
        }
        Long v = ETags.parseIfMatch(header);
        return v == null ? ANY : new Precondition(true, v);
    }


    /**
     * @param current the resource's version now, read under its row lock
     * @param what    how the problem names the resource, e.g. {@code "seminar 0f3c…"}
     */
    public void check(long current, String what) {
        if (!present) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "send If-Match with the ETag of the " + what + " you read (or * to overwrite whatever is there)",
                    List.of(new Problem.FieldError("If-Match", "required")));
        }
        if (version != null && version != current) {
            throw ProblemType.PRECONDITION_FAILED.problem(what + " changed since version " + version + " (now " + current + ")");
        }
    }
}
