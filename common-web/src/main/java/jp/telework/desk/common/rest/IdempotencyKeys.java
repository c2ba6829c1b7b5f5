package jp.telework.desk.common.rest;

import java.util.List;
import java.util.regex.Pattern;

import jp.telework.desk.common.problem.ProblemException;

/**
 * The one accepted form of an {@code Idempotency-Key}: 1..200 visible ASCII characters (a UUID is the
 * usual choice; 200 is the width of the stored key). Checked where the header is read, before any work,
 * so an empty or garbled key is a 400 naming the header instead of a request silently run without one.
 */
public final class IdempotencyKeys {
    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 200;
    /** For the OpenAPI parameter schema and for {@link #read}. */
    public static final String PATTERN = "^[!-~]{1," + MAX_LENGTH + "}$";
    public static final String MESSAGE = "must be 1.." + MAX_LENGTH + " visible ASCII characters, e.g. a UUID";
    private static final Pattern FORM = Pattern.compile(PATTERN);

    private IdempotencyKeys() {
    }

    public static boolean isValid(String key) {
        return key != null && FORM.matcher(key).matches();
    }

    /**
     * The key from all values of the header as received, or null when it is absent. Read the raw values
     * ({@code HttpServerRequest.headers().getAll(HEADER)}): JAX-RS's {@code @HeaderParam} turns an empty
     * value into "absent", and a retry sent with an empty key would silently run twice.
     */
    public static String read(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ProblemException.badRequest(HEADER, "must be given once");
        }
        String key = values.get(0);
        if (!isValid(key)) {
            throw ProblemException.badRequest(HEADER, MESSAGE);
        }
        return key;
    }
}
