package jp.telework.desk.contactpoint.mapping;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.telework.desk.contactpoint.domain.HolidayCalendar;

@Schema(name = "ClosedDay", description = "A day on which contact points are closed unless they opt in")
public record HolidayView(
        @Schema(example = "2026-09-22") LocalDate date,
        @Schema(example = "休日") String nameJa,
        @Schema(example = "Citizens' Holiday") String nameEn,
        @Schema(description = "NATIONAL, SUBSTITUTE (Art. 3(2)), BRIDGE (Art. 3(3)) or YEAR_END (Dec 29 - Jan 3)", example = "BRIDGE",
                enumeration = { "NATIONAL", "SUBSTITUTE", "BRIDGE", "YEAR_END" }) String kind) {

    public static HolidayView of(HolidayCalendar.Holiday h) {
        return new HolidayView(h.date(), h.nameJa(), h.nameEn(), h.kind().name());
    }

    public static HolidayView yearEnd(LocalDate date) {
        return new HolidayView(date, "年末年始", "Year-end and New Year closure", "YEAR_END");
    }
}
