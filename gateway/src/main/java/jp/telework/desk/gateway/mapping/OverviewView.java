package jp.telework.desk.gateway.mapping;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/** The secretariat overview: the three services' statistics side by side, and a per-prefecture table. */
@Schema(name = "Overview", description = "Composed in parallel from the statistics of contact-point-service, "
        + "consultation-service and seminar-service. When one of them cannot answer, its part is null, it is named "
        + "in `missing`, and `complete` is false; the rest is still answered.")
@JsonPropertyOrder({ "generatedAt", "complete", "missing", "sources", "contactPoints", "consultations", "seminars", "byPrefecture" })
public record OverviewView(
        @Schema(example = "2026-11-04T10:15:30+09:00") OffsetDateTime generatedAt,
        @Schema(example = "false", description = "true when every service answered") boolean complete,
        @Schema(example = "[\"seminars\"]", description = "services whose part is missing") List<String> missing,
        @Schema(description = "How each service answered, by part name (contactPoints, consultations, seminars)") Map<String, Source> sources,
        @Schema(description = "GET /api/v1/contact-points/statistics as the service answered it: slots offered, booked and utilization",
                implementation = Object.class, nullable = true) JsonNode contactPoints,
        @Schema(description = "GET /api/v1/consultations/statistics as the service answered it: bookings by prefecture, topic, "
                + "mode, status and month; cancellation and no-show rates; inquiry backlog", implementation = Object.class, nullable = true)
        JsonNode consultations,
        @Schema(description = "GET /api/v1/seminars/statistics as the service answered it: fill rates, waitlists, promotions, attendance",
                implementation = Object.class, nullable = true) JsonNode seminars,
        @Schema(description = "One row per prefecture (01..47): `prefecture` plus every per-prefecture figure found in the "
                + "services' statistics, named `<part>.<field path>` (the same columns as the CSV form)",
                example = "[{\"prefecture\":\"13\",\"consultations.byPrefecture\":40,\"contactPoints.byCode.utilization\":0.62}]")
        List<Map<String, Object>> byPrefecture) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "OverviewSource")
    public record Source(
            @Schema(example = "UNAVAILABLE", enumeration = { "OK", "UNAVAILABLE", "TIMEOUT", "BAD_GATEWAY", "REFUSED" }) String status,
            @Schema(example = "503", description = "HTTP status the service (or the gateway on its behalf) answered") Integer httpStatus,
            @Schema(example = "the seminars service is unavailable") String detail) {
    }
}
