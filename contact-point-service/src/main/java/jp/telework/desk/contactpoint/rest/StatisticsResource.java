package jp.telework.desk.contactpoint.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.telework.desk.common.rest.DateWindow;
import jp.telework.desk.common.rest.QueryParams;
import jp.telework.desk.common.problem.Problem;
import jp.telework.desk.contactpoint.mapping.RoutingStatisticsView;
import jp.telework.desk.contactpoint.mapping.StatisticsView;
import jp.telework.desk.contactpoint.service.StatisticsService;
import jp.telework.desk.common.security.Roles;

@Path("/api/v1/contact-points/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics", description = "Slots, capacity and bookings per contact point, for the secretariat's dashboards")
public class StatisticsResource {
    @Inject
    StatisticsService service;

    @GET
    @RolesAllowed({ Roles.SECRETARIAT, Roles.DASHBOARD })
    @Operation(summary = "Utilization of the contact points", description = """
            Open slots offered, their capacity, bookings and utilization per prefecture's contact point, per region and per ISO \
            week, for slots dated from..to (Asia/Tokyo; default: the last 4 weeks and the next 4; at most 366 days), plus the \
            seminars each prefecture's association hosts. Secretariat and dashboard only.""")
    @APIResponse(responseCode = "200", description = "The figures", content = @Content(schema = @Schema(implementation = StatisticsView.class)))
    @APIResponse(responseCode = "400", description = "Bad dates (named in errors)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Neither secretariat nor dashboard", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StatisticsView contactPointStatistics(
            @Parameter(description = DateWindow.DESCRIPTION, schema = @Schema(type = SchemaType.STRING, format = "date", pattern = DateWindow.DATE_PATTERN), example = "2026-11-01") @QueryParam("from") String from,
            @Parameter(description = DateWindow.DESCRIPTION, schema = @Schema(type = SchemaType.STRING, format = "date", pattern = DateWindow.DATE_PATTERN), example = "2026-11-30") @QueryParam("to") String to) {
        return service.statistics(QueryParams.date(from, "from"), QueryParams.date(to, "to"));
    }

    @GET
    @Path("routing")
    @RolesAllowed({ Roles.SECRETARIAT, Roles.DASHBOARD })
    @Operation(summary = "Navi Dial routing and unmet demand", description = """
            Every routing answer of Navi Dial, by the Tokyo day of the call (default: the 28 days up to today; at most 366 days): \
            calls served per caller prefecture and reason (HOME, NEAREST_TO_HOME, NEAREST_TO_CALLER) and per chosen contact point, \
            and the calls nobody could serve per caller prefecture and mode. No personal data is kept: a caller located by \
            coordinates counts for the prefecture of the nearest office. Secretariat and dashboard only.""")
    @APIResponse(responseCode = "200", description = "The figures", content = @Content(schema = @Schema(implementation = RoutingStatisticsView.class)))
    @APIResponse(responseCode = "400", description = "Bad dates (named in errors)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Neither secretariat nor dashboard", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RoutingStatisticsView routingStatistics(
            @Parameter(description = DateWindow.DESCRIPTION, schema = @Schema(type = SchemaType.STRING, format = "date", pattern = DateWindow.DATE_PATTERN), example = "2026-11-01") @QueryParam("from") String from,
            @Parameter(description = DateWindow.DESCRIPTION, schema = @Schema(type = SchemaType.STRING, format = "date", pattern = DateWindow.DATE_PATTERN), example = "2026-11-30") @QueryParam("to") String to) {
        return service.routing(QueryParams.date(from, "from"), QueryParams.date(to, "to"));
    }
}
