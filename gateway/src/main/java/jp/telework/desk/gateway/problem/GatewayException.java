package jp.telework.desk.gateway.problem;

import java.util.List;
import java.util.Map;

/** The gateway refuses or cannot complete a request; becomes problem+json with optional extra headers. */
public class GatewayException extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;
    private final Map<String, String> headers;
    private final List<Problem.FieldError> errors;

    public GatewayException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, Map.of(), null);
    }

    public GatewayException(int status, String slug, String title, String detail, Map<String, String> headers,
            List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.headers = headers;
        this.errors = errors;
    }

    public static GatewayException badRequest(String field, String message) {
        return new GatewayException(400, "validation", "Invalid request", field + ": " + message, Map.of(),
                List.of(new Problem.FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.TYPE_PREFIX + slug, title, status, getMessage(), instance, errors);
    }
}
