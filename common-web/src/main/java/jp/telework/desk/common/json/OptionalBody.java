package jp.telework.desk.common.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.telework.desk.common.problem.ProblemType;

/**
 * Reads the optional body of an endpoint such as "cancel, with a reason if you like", the same way in
 * every service: no body (or only whitespace) is "no details"; anything else must be
 * {@code application/json} (else 415), must not be the literal {@code null} (400), and is parsed by the
 * strict mapper and validated like any body. The endpoint takes the raw bytes ({@code @Consumes("*&#47;*")},
 * {@code byte[]}), because the JSON reader would refuse a body-less request without a Content-Type, and
 * reading bytes makes invalid UTF-8 a parse error instead of silently replaced characters.
 */
@ApplicationScoped
public class OptionalBody {
    @Inject
    ObjectMapper json;
    @Inject
    Validator validator;

    /** The body as {@code type}, or null when there is none. */
    public <T> T read(byte[] body, String contentType, Class<T> type) throws IOException {
        if (body == null || new String(body, StandardCharsets.ISO_8859_1).isBlank()) {
            return null;
        }
        if (!isJson(contentType)) {
            throw ProblemType.UNSUPPORTED_MEDIA_TYPE.problem("the body, when there is one, must be application/json");
        }
        T value = json.readValue(body, type);
        if (value == null) {
            throw NoNullBody.refused();
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }

    static boolean isJson(String contentType) {
        try {
            return contentType != null && MediaType.valueOf(contentType).isCompatible(MediaType.APPLICATION_JSON_TYPE);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
