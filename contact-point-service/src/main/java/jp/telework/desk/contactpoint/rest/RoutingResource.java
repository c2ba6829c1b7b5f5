package jp.telework.desk.contactpoint.rest;

import jakarta.annotation.security.PermitAll;
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

import jp.telework.desk.common.problem.Problem;
import jp.telework.desk.common.vocabulary.JapanBounds;
import jp.telework.desk.contactpoint.domain.Mode;
import jp.telework.desk.contactpoint.mapping.RouteView;
import jp.telework.desk.contactpoint.service.RoutingService;

@Path("/api/v1/contact-points/route")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Navi Dial", description = "Which contact point should take a caller now")
public class RoutingResource {
    @Inject
    RoutingService service;

    @GET
    @PermitAll
    @Operation(summary = "Route a Navi Dial caller", description = """
            Give the caller's prefecture (JIS code) or latitude and longitude, the consultation mode, and the window \
            (ISO-8601 duration, default P14D, at most P90D). The home association answers if it offers the mode with a free \
            slot starting within the window; otherwise the association whose office is nearest (great-circle distance between \
            the offices, or from the caller) that has one. Ties: distance, then code. The answer carries the distance, the first \
            free slot, the next free slots and the next alternatives.""")
    @APIResponse(responseCode = "200", description = "The contact point to take the caller", content = @Content(schema = @Schema(implementation = RouteView.class)))
    @APIResponse(responseCode = "400", description = "Unknown prefecture or mode, coordinates that are not finite decimal degrees "
            + "inside Japan (latitude 20..46, longitude 122..154), or a bad duration (each named in errors)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No contact point can serve the mode within the window (problem type no-contact-point-available)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RouteView routeCaller(
            @Parameter(description = "The caller's prefecture, 01..47", example = "13") @QueryParam("prefecture") String prefecture,
            @Parameter(description = "The caller's latitude in decimal degrees (instead of prefecture), inside Japan",
                    schema = @Schema(type = SchemaType.NUMBER, minimum = "" + JapanBounds.MIN_LATITUDE, maximum = "" + JapanBounds.MAX_LATITUDE),
                    example = "35.6812") @QueryParam("latitude") String latitude,
            @Parameter(description = "The caller's longitude in decimal degrees (instead of prefecture), inside Japan",
                    schema = @Schema(type = SchemaType.NUMBER, minimum = "" + JapanBounds.MIN_LONGITUDE, maximum = "" + JapanBounds.MAX_LONGITUDE),
                    example = "139.7671") @QueryParam("longitude") String longitude,
            @Parameter(required = true, schema = @Schema(implementation = Mode.class), example = "IN_PERSON") @QueryParam("mode") String mode,
            @Parameter(description = "ISO-8601 duration from now", schema = @Schema(type = SchemaType.STRING, defaultValue = "P14D"), example = "P14D")
            @QueryParam("within") String within) {
        return service.route(prefecture, latitude, longitude, mode, within);
    }
}
