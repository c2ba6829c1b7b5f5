package jp.telework.desk.gateway.problem;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem detail: the body of every 4xx and 5xx the gateway answers itself. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem detail")
public record Problem(
        @Schema(example = "urn:telework:problem:rate-limited") String type,
        @Schema(example = "Too many requests") String title,
        @Schema(example = "429") int status,
        @Schema(example = "limit of 60 requests per 60 s for statistics reached; retry in 2 s") String detail,
        @Schema(example = "/api/v1/dashboard/overview") String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:telework:problem:";

    public static Problem of(int status, String slug, String title, String detail, String instance) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, instance, null);
    }

    @Schema(name = "FieldError")
    public record FieldError(@Schema(example = "from") String field, @Schema(example = "must be a date like 2026-11-01") String message) {
    }
}
