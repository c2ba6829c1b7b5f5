package jp.telework.desk.consultation.mapping;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ConsultationStatistics", description = "Bookings (by consultation date) and inquiries (by submission date) in the range")
public record StatisticsView(
        @Schema(description = "first consultation date counted (inclusive); null = no lower bound") LocalDate from,
        @Schema(description = "last consultation date counted (inclusive); null = no upper bound") LocalDate to,
        @Schema(example = "13", description = "restricted to this prefecture, or null for all") String prefecture,
        @Schema(example = "120") long totalBookings,
        @Schema(example = "{\"13\": 40, \"27\": 25}") Map<String, Long> byPrefecture,
        @Schema(example = "{\"SECURITY\": 30, \"ICT_ENVIRONMENT\": 50}", description = "a booking counts once per topic") Map<String, Long> byTopic,
        @Schema(example = "{\"ONLINE\": 70, \"PHONE\": 30}") Map<String, Long> byMode,
        @Schema(example = "{\"API\": 90, \"NAVI_DIAL\": 25, \"SECRETARIAT\": 5}", description = "how the bookings reached the desk")
        Map<String, Long> byChannel,
        @Schema(example = "{\"BOOKED\": 60, \"COMPLETED\": 40, \"CANCELLED\": 15, \"NO_SHOW\": 5}") Map<String, Long> byStatus,
        @Schema(example = "{\"2026-11\": 70, \"2026-12\": 50}") Map<String, Long> byMonth,
        @Schema(example = "0.125", description = "cancelled / all bookings; null without bookings") Double cancellationRate,
        @Schema(example = "0.111", description = "no-shows / (completed + no-shows); null without outcomes") Double noShowRate,
        InquiryStatistics inquiries,
        OffsetDateTime generatedAt) {

    @Schema(name = "InquiryStatistics")
    public record InquiryStatistics(
            @Schema(example = "42") long submitted,
            @Schema(example = "{\"OPEN\": 5, \"ANSWERED\": 10, \"CLOSED\": 27}") Map<String, Long> byStatus,
            @Schema(example = "5", description = "inquiries still waiting for an answer (OPEN)") long backlog,
            @Schema(description = "submission time of the oldest unanswered inquiry") OffsetDateTime oldestOpenSince,
            @Schema(example = "26.5") Double medianHoursToAnswer,
            @Schema(example = "PT26H30M", description = "ISO-8601 duration") String medianTimeToAnswer) {
    }
}
