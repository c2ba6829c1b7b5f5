package jp.telework.desk.contactpoint.mapping;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.telework.desk.common.vocabulary.Region;

@Schema(name = "ContactPointStatistics", description = "Offered slots, capacity, bookings and utilization (booked / capacity) of open "
        + "slots dated from..to (Asia/Tokyo), per prefecture's contact point, per region and per ISO week; seminars hosted by each "
        + "prefecture's association starting in the range")
public record StatisticsView(
        @Schema(example = "2026-11-01") LocalDate from,
        @Schema(example = "2026-11-30") LocalDate to,
        @Schema(example = "2026-11-20T10:15:30+09:00") OffsetDateTime generatedAt,
        Figures totals,
        List<PrefectureFigures> byPrefecture,
        List<RegionFigures> byRegion,
        List<WeekFigures> byWeek) {

    @Schema(name = "SlotFigures")
    public record Figures(
            @Schema(example = "120") long slotsOffered,
            @Schema(example = "240") long capacity,
            @Schema(example = "90") long booked,
            @Schema(description = "booked / capacity, 3 decimals (0 when nothing was offered)", example = "0.375") double utilization) {
    }

    @Schema(name = "SeminarFigures")
    public record Seminars(
            @Schema(description = "Seminars (not cancelled) starting in the range", example = "2") long seminars,
            @Schema(example = "80") long capacity,
            @Schema(description = "Confirmed or attended seats", example = "64") long registeredSeats,
            @Schema(example = "5") long waitlistedSeats,
            @Schema(description = "registeredSeats / capacity", example = "0.8") double fillRate) {
    }

    @Schema(name = "PrefectureFigures")
    public record PrefectureFigures(
            @Schema(example = "13") String prefecture,
            @Schema(example = "東京都") String nameJa,
            @Schema(example = "Tokyo") String nameEn,
            Region region,
            @Schema(example = "120") long slotsOffered,
            @Schema(example = "240") long capacity,
            @Schema(example = "90") long booked,
            @Schema(example = "0.375") double utilization,
            Seminars seminars) {
    }

    @Schema(name = "RegionFigures")
    public record RegionFigures(Region region, @Schema(example = "600") long slotsOffered, @Schema(example = "1200") long capacity,
            @Schema(example = "420") long booked, @Schema(example = "0.35") double utilization) {
    }

    @Schema(name = "WeekFigures")
    public record WeekFigures(
            @Schema(description = "ISO week", example = "2026-W48") String week,
            @Schema(description = "Its Monday", example = "2026-11-23") LocalDate weekStart,
            @Schema(example = "300") long slotsOffered, @Schema(example = "600") long capacity,
            @Schema(example = "200") long booked, @Schema(example = "0.333") double utilization) {
    }
}
