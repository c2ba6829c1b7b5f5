package jp.telework.desk.contactpoint.mapping;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RoutingStatistics", description = "Navi Dial routing answers (by the Tokyo day of the call): where callers came from, why"
        + " they were sent where, and the demand nobody could serve")
public record RoutingStatisticsView(
        LocalDate from,
        LocalDate to,
        @Schema(example = "120") long calls,
        @Schema(example = "112") long served,
        @Schema(example = "8") long unmet,
        @Schema(example = "{\"32\": {\"NEAREST_TO_HOME\": 5}, \"13\": {\"HOME\": 40}}",
                description = "served calls per caller prefecture (a caller located by coordinates: the nearest office's) and reason")
        Map<String, Map<String, Long>> servedByPrefectureAndReason,
        @Schema(example = "{\"33\": 5, \"13\": 40}", description = "served calls per contact point that was chosen")
        Map<String, Long> servedByContactPoint,
        @Schema(example = "{\"32\": {\"IN_PERSON\": 3}}", description = "calls nobody could serve, per caller prefecture and mode")
        Map<String, Map<String, Long>> unmetByPrefectureAndMode,
        OffsetDateTime generatedAt) {
}
