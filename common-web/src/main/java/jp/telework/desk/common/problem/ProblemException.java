package jp.telework.desk.common.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request is refused. Services throw it from their service layer (a business rule said no), the
 * web edge from wherever it reads the request; the mapper turns it into problem+json, and the
 * surrounding transaction rolls back, so nothing is half-written.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, null);
    }

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors;
    }

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        this(type.status(), type.slug(), type.title(), detail, errors);
    }

    /** A bad value in the request: 400 naming the field, parameter or header. */
    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** Absent, malformed and invisible ids get the same answer: existence must not leak. */
    public static ProblemException notFound(String what) {
        return ProblemType.NOT_FOUND.problem(what + " does not exist or is not visible to you");
    }

    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(409, slug, title, detail);
    }

    public static ProblemException forbidden(String detail) {
        return ProblemType.FORBIDDEN.problem(detail);
    }

    /** Adds a response header (Retry-After, WWW-Authenticate, Allow); returns this exception. */
    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.TYPE_PREFIX + slug, title, status, getMessage(), instance, errors);
    }
}
