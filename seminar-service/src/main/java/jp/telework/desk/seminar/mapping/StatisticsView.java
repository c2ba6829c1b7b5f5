package jp.telework.desk.seminar.mapping;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Network-wide seminar figures for the secretariat's dashboard. Rates are 0..1, null when undefined. */
@Schema(name = "SeminarStatistics")
public record StatisticsView(
        LocalDate from,
        LocalDate to,
        Figures totals,
        @Schema(description = "Per region (NATIONWIDE for online seminars of the secretariat) and month of the start (Asia/Tokyo)")
        List<RegionMonth> byRegionMonth) {

    @Schema(name = "SeminarFigures")
    public record Figures(
            @Schema(description = "Published or completed seminars", example = "12") long seminars,
            @Schema(example = "1") long cancelled,
            @Schema(description = "Seats offered by those seminars", example = "480") long capacity,
            @Schema(description = "Seats taken (confirmed, attended, no-show)", example = "390") long confirmedSeats,
            @Schema(example = "0.8125") Double fillRate,
            @Schema(description = "Registrations waiting for a seat now", example = "14") long waitlisted,
            @Schema(description = "Seats those waiting registrations ask for", example = "25") long waitlistedSeats,
            @Schema(description = "Registrations that got their seats from the waitlist", example = "6") long promotions,
            @Schema(example = "310") long attended,
            @Schema(example = "22") long noShow,
            @Schema(description = "attended / (attended + noShow)", example = "0.9337") Double attendanceRate) {
    }

    @Schema(name = "SeminarRegionMonth")
    public record RegionMonth(@Schema(example = "KANTO") String region, @Schema(example = "2026-11") String month, Figures figures) {
    }
}
