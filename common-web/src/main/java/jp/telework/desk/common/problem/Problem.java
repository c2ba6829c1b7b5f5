package jp.telework.desk.common.problem;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem detail, the body of every 4xx and 5xx answer of every module. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem detail")
public record Problem(
        @Schema(example = "urn:telework:problem:validation") String type,
        @Schema(example = "Invalid request") String title,
        @Schema(example = "400") int status,
        @Schema(example = "from: must be an ISO date such as 2026-12-01") String detail,
        @Schema(example = "/api/v1/slots") String instance,
        @Schema(description = "the fields, parameters or headers that were wrong") List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    /** Problem types are URNs of this namespace, e.g. {@code urn:telework:problem:slot-full}. */
    public static final String TYPE_PREFIX = "urn:telework:problem:";

    /** A field that failed validation: a JSON pointer-like path (or parameter name) and what is wrong with it. */
    @Schema(name = "FieldError")
    public record FieldError(@Schema(example = "from") String field,
            @Schema(example = "must be an ISO date such as 2026-12-01") String message) {
    }
}
