package jp.telework.desk.gateway.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jp.telework.desk.gateway.mapping.OverviewView;
import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.common.problem.ProblemType;
import jp.telework.desk.common.problem.Problem;
import jp.telework.desk.gateway.proxy.EdgeFilter;
import jp.telework.desk.gateway.service.OverviewService;
import jp.telework.desk.common.security.Roles;
import jp.telework.desk.common.rest.QueryParams;

@Path("/api/v1/dashboard")
@Tag(name = "Dashboard", description = "The secretariat's view of the whole network")
public class DashboardResource {
    public static final String CSV = "text/csv";

    @Inject
    OverviewService overviews;

    @GET
    @Path("overview")
    @Produces({ MediaType.APPLICATION_JSON, CSV })
    @RolesAllowed({ Roles.SECRETARIAT, Roles.DASHBOARD })
    @Operation(summary = "Network overview for the secretariat",
            description = "Statistics of the three services fetched in parallel with your token: utilization of the contact "
                    + "points; consultations by prefecture, topic, mode and status, cancellation and no-show rates, the inquiry "
                    + "backlog; seminar fill rates, waitlists and promotions. If a service cannot answer in time the rest is "
                    + "still answered, `complete` is false and `missing` names the part. `Accept: text/csv` gives the "
                    + "per-prefecture table (47 rows) instead; its `X-Overview-Missing` header names missing parts.")
    @APIResponse(responseCode = "200", description = "The overview (possibly partial)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OverviewView.class)),
            @Content(mediaType = CSV, examples = @ExampleObject(name = "per prefecture",
                    value = "prefecture,consultations.byPrefecture,contactPoints.byCode.utilization\r\n01,3,0.25\r\n...")) })
    @APIResponse(responseCode = "400", description = "from/to is not a date", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Neither secretariat nor dashboard", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "Neither JSON nor CSV acceptable", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Rate limit reached; see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "No service could answer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> getOverview(
            @Parameter(description = "First day counted (Asia/Tokyo), passed to every service", example = "2026-11-01") @QueryParam("from") String from,
            @Parameter(description = "Last day counted (Asia/Tokyo), passed to every service", example = "2026-11-30") @QueryParam("to") String to,
            @HeaderParam("Authorization") String authorization,
            @Context HttpHeaders headers,
            @Context RoutingContext rc) {
        boolean csv = wantsCsv(headers.getAcceptableMediaTypes());
        LocalDate fromDate = QueryParams.date(from, "from");
        LocalDate toDate = QueryParams.date(to, "to");
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        List<String> query = new ArrayList<>();
        if (fromDate != null) {
            query.add("from=" + URLEncoder.encode(fromDate.toString(), StandardCharsets.UTF_8));
        }
        if (toDate != null) {
            query.add("to=" + URLEncoder.encode(toDate.toString(), StandardCharsets.UTF_8));
        }
        String requestId = rc.get(EdgeFilter.REQUEST_ID_KEY);
        String client = rc.request().remoteAddress() != null ? rc.request().remoteAddress().hostAddress() : "unknown";
        return overviews.overview(authorization, requestId, String.join("&", query), client).map(overview -> {
            if (overview.nothing()) {
                throw ProblemType.UPSTREAM_UNAVAILABLE.problem("none of the services could answer; try again shortly")
                        .withHeader("Retry-After", "5");
            }
            OverviewView view = overview.view();
            if (csv) {
                Response.ResponseBuilder b = Response.ok(overview.table().csv(), CSV + "; charset=UTF-8")
                        .header("Content-Disposition", "inline; filename=\"overview-by-prefecture.csv\"");
                if (!view.complete()) {
                    b.header("X-Overview-Missing", String.join(",", view.missing()));
                }
                return b.build();
            }
            return Response.ok(view, MediaType.APPLICATION_JSON).build();
        });
    }

    /** JSON unless the client prefers CSV; 406 if it accepts neither. */
    static boolean wantsCsv(List<MediaType> acceptable) {
        MediaType csv = MediaType.valueOf(CSV);
        for (MediaType type : acceptable) { // sorted by preference
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.isCompatible(csv)) {
                return true;
            }
        }
        throw new NotAcceptableException();
    }
}
