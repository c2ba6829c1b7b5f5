package jp.telework.desk.common.problem;

/**
 * The problem types every module answers the same way, with one title each. A service's own business
 * refusals (slot-full, format-locked, ...) name their type where they are raised; these are the ones
 * of the HTTP edge, of security and of failure.
 */
public enum ProblemType {
    VALIDATION(400, "validation", "Invalid request"),
    MALFORMED_JSON(400, "malformed-json", "Malformed JSON"),
    BAD_REQUEST(400, "bad-request", "Bad request"),
    UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
    FORBIDDEN(403, "forbidden", "Forbidden"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    PRECONDITION_FAILED(412, "stale-version", "Precondition failed"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload too large"),
    URI_TOO_LONG(414, "uri-too-long", "URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "Idempotency-Key reused"),
    PRECONDITION_REQUIRED(428, "precondition-required", "Precondition required"),
    RATE_LIMITED(429, "rate-limited", "Too many requests"),
    HEADERS_TOO_LARGE(431, "headers-too-large", "Request header fields too large"),
    INTERNAL(500, "internal", "Internal error"),
    BAD_GATEWAY(502, "bad-gateway", "Bad gateway"),
    UNAVAILABLE(503, "unavailable", "Service unavailable"),
    BUSY(503, "busy", "Service busy"),
    UPSTREAM_UNAVAILABLE(503, "upstream-unavailable", "Service unavailable"),
    UPSTREAM_TIMEOUT(504, "upstream-timeout", "Gateway timeout");

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
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

    /** The {@code type} member of the problem document. */
    public String uri() {
        return Problem.TYPE_PREFIX + slug;
    }

    /** A refusal of this type; the detail says what was wrong with this request. */
    public ProblemException problem(String detail) {
        return new ProblemException(status, slug, title, detail);
    }

    /** The first type of this status, for statuses that reach us without a problem of their own (JAX-RS, Vert.x). */
    public static ProblemType forStatus(int status) {
        for (ProblemType t : values()) {
            if (t.status == status) {
                return t;
            }
        }
        return status >= 500 ? INTERNAL : BAD_REQUEST;
    }
}
