package jp.telework.desk.common.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem detail, the body of every 4xx and 5xx answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    /** Problem types are URNs of this namespace, e.g. {@code urn:telework:problem:slot-full}. */
    public static final String TYPE_PREFIX = "urn:telework:problem:";

    /** A field that failed validation: a JSON pointer-like path and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
