package jp.telework.desk.contactpoint.rest;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.telework.desk.common.problem.Problem;
import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.contactpoint.domain.HolidayCalendar;
import jp.telework.desk.contactpoint.mapping.HolidayView;
import jp.telework.desk.common.vocabulary.Tokyo;

@Path("/api/v1/contact-points/holidays")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Availability")
public class HolidayResource {
    @Inject
    HolidayCalendar calendar;
    @Inject
    java.time.Clock clock;

    @GET
    @PermitAll
    @Operation(summary = "Days the contact points are closed", description = "National holidays (with substitute and citizens' holidays) "
            + "and the Dec 29 - Jan 3 closure of a year (default: this year); contact points may opt in or open single days.")
    @APIResponse(responseCode = "200", description = "The closed days in date order")
    @APIResponse(responseCode = "400", description = "A year the calendar does not cover", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<HolidayView> listHolidays(@Parameter(example = "2026") @QueryParam("year") String yearParam) {
        int year;
        try {
            year = yearParam == null || yearParam.isBlank() ? Tokyo.today(clock).getYear() : Integer.parseInt(yearParam.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("year", "must be a year such as 2026");
        }
        if (!calendar.covers(year)) {
            throw ProblemException.badRequest("year", "must be within " + HolidayCalendar.FIRST_COMPUTED_YEAR + ".."
                    + HolidayCalendar.LAST_COMPUTED_YEAR + " (or a year of the loaded official list)");
        }
        List<HolidayView> days = new ArrayList<>(calendar.holidays(year).stream().map(HolidayView::of).toList());
        for (LocalDate d : List.of(LocalDate.of(year, Month.JANUARY, 1), LocalDate.of(year, Month.JANUARY, 2),
                LocalDate.of(year, Month.JANUARY, 3), LocalDate.of(year, Month.DECEMBER, 29), LocalDate.of(year, Month.DECEMBER, 30),
                LocalDate.of(year, Month.DECEMBER, 31))) {
            if (days.stream().noneMatch(h -> h.date().equals(d))) {
                days.add(HolidayView.yearEnd(d));
            }
        }
        days.sort(Comparator.comparing(HolidayView::date));
        return days;
    }
}
