package jp.telework.desk.contactpoint.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.vertx.core.http.HttpServerRequest;
import jp.telework.desk.common.rest.DateWindow;
import jp.telework.desk.common.rest.QueryParams;
import jp.telework.desk.common.rest.ETags;
import jp.telework.desk.common.rest.IdempotencyKeys;
import jp.telework.desk.common.rest.Locations;
import jp.telework.desk.common.problem.Problem;
import jp.telework.desk.contactpoint.mapping.ExceptionChangeView;
import jp.telework.desk.contactpoint.mapping.ExceptionCreate;
import jp.telework.desk.contactpoint.mapping.ExceptionView;
import jp.telework.desk.contactpoint.mapping.PlanChangeView;
import jp.telework.desk.contactpoint.mapping.PlanUpdate;
import jp.telework.desk.contactpoint.mapping.PlanView;
import jp.telework.desk.contactpoint.service.AvailabilityService;
import jp.telework.desk.common.security.Roles;
import jp.telework.desk.common.idempotency.IdempotentResponses;
import jp.telework.desk.common.rest.PathIds;
import jp.telework.desk.common.rest.Precondition;
import jp.telework.desk.common.rest.Page;

@Path("/api/v1/contact-points/{code}/availability")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Availability", description = "Weekly plans and dated exceptions; they generate the slots")
public class AvailabilityResource {

    @Inject
    AvailabilityService service;

    @GET
    @Path("plan")
    @PermitAll
    @Operation(summary = "A contact point's weekly plan", description = "Anyone may read it. The ETag header is the plan's version; "
            + "send it back in If-Match when replacing the plan.")
    @APIResponse(responseCode = "200", description = "The plan", headers = @Header(name = "ETag", description = "The plan's version"),
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "Not a prefecture code", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getPlan(@PathParam("code") String code) {
        PathIds.prefecture(code, "contact point");
        PlanView plan = service.plan(code);
        return Response.ok(plan).tag(ETags.of(plan.version())).build();
    }

    @PUT
    @Path("plan")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ASSOCIATION, Roles.SECRETARIAT })
    @Operation(summary = "Replace the weekly plan", description = """
            The association of the prefecture or the secretariat replaces the whole plan; the slots of the horizon are \
            re-generated at once (opened, changed and closed slots are announced on contact-points.events). If-Match is \
            required (the ETag of GET .../plan, or * to overwrite unconditionally). Shrinking or closing slots below their \
            bookings is allowed and listed in materialization.affectedSlots.""")
    @APIResponse(responseCode = "200", description = "The new plan and what it did to the slots; ETag is the new version",
            headers = @Header(name = "ETag", description = "The plan's new version"),
            content = @Content(schema = @Schema(implementation = PlanChangeView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body: bad code, unknown field, end before start, capacity out of range, "
            + "overlapping windows, a mode the contact point does not offer (each field named in errors)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not your prefecture, or not an association/secretariat", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body over 1 MB", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replacePlan(@PathParam("code") String code,
            @Parameter(description = "The plan's ETag, or *", required = true, example = "\"3\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PlanUpdate body) {
        PathIds.prefecture(code, "contact point");
        PlanChangeView change = service.replacePlan(code, Precondition.ifMatch(ifMatch), body);
        return Response.ok(change).tag(ETags.of(change.plan().version())).build();
    }

    @GET
    @Path("exceptions")
    @PermitAll
    @Operation(summary = "Dated exceptions", description = "From today (Asia/Tokyo) unless from is given; paginated, page counts from 0.")
    @APIResponse(responseCode = "200", description = "One page of exceptions; X-Total-Count carries the total",
            headers = @Header(name = "X-Total-Count", description = "Matches in all pages"),
            content = @Content(schema = @Schema(implementation = jp.telework.desk.contactpoint.mapping.Pages.ExceptionPage.class)))
    @APIResponse(responseCode = "400", description = "Bad code, date or paging parameter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response listExceptions(@PathParam("code") String code,
            @Parameter(description = DateWindow.DESCRIPTION, schema = @Schema(type = SchemaType.STRING, format = "date", pattern = DateWindow.DATE_PATTERN), example = "2026-12-01") @QueryParam("from") String from,
            @Parameter(description = DateWindow.DESCRIPTION, schema = @Schema(type = SchemaType.STRING, format = "date", pattern = DateWindow.DATE_PATTERN), example = "2026-12-31") @QueryParam("to") String to,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0", minimum = "0", maximum = "" + QueryParams.MAX_PAGE)) @QueryParam("page") String pageText,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", minimum = "1", maximum = "500")) @QueryParam("size") String sizeText) {
        PathIds.prefecture(code, "contact point");
        int size = QueryParams.size(sizeText, 50, 500);
        int page = QueryParams.page(pageText);
        Page<ExceptionView> result = service.exceptions(code, QueryParams.date(from, "from"), QueryParams.date(to, "to"), page, size);
        return result.response();
    }

    @GET
    @Path("exceptions/{id}")
    @PermitAll
    @Operation(summary = "One dated exception", description = "Anyone may read it; an exception of another contact point is 404 here.")
    @APIResponse(responseCode = "200", description = "The exception", content = @Content(schema = @Schema(implementation = ExceptionView.class)))
    @APIResponse(responseCode = "404", description = "No such exception at this contact point", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ExceptionView getException(@PathParam("code") String code,
            @PathParam("id") String id) {
        PathIds.prefecture(code, "contact point");
        return service.exception(code, PathIds.uuid(id, "exception"));
    }

    @POST
    @Path("exceptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ASSOCIATION, Roles.SECRETARIAT })
    @Operation(summary = "Add a dated exception", description = """
            Closes or opens a day, adds an extra window, or changes a day's capacity; the slots are re-generated at once. \
            Send an Idempotency-Key to make retries safe (a replay answers the first response; the same key with another body is 422).""")
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            headers = @Header(name = "Location", description = "The new exception, as a path (resolve it against the URL you called)"),
            content = @Content(schema = @Schema(implementation = ExceptionChangeView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body (field named in errors), a date in the past or too far ahead, "
            + "an empty or malformed Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not your prefecture", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The day is already closed/opened, or an extra window of the mode overlaps",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body over 1 MB", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Parameter(name = IdempotencyKeys.HEADER, in = ParameterIn.HEADER, description = "Makes a retry safe: " + IdempotencyKeys.MESSAGE,
            example = "3c1f0b7e-retry-1", schema = @Schema(type = SchemaType.STRING, minLength = 1,
                    maxLength = IdempotencyKeys.MAX_LENGTH, pattern = IdempotencyKeys.PATTERN))
    public Response addException(@PathParam("code") String code, @Context HttpServerRequest http,
            @Valid @NotNull ExceptionCreate body) {
        PathIds.prefecture(code, "contact point");
        String idempotencyKey = IdempotencyKeys.read(http.headers().getAll(IdempotencyKeys.HEADER));
        AvailabilityService.Created created = service.addException(code, body, idempotencyKey);
        Response.ResponseBuilder answer = Locations.location(Response.status(created.status()), created.location())
                .entity(created.body()).type(MediaType.APPLICATION_JSON);
        if (created.replayed()) {
            answer.header(IdempotentResponses.REPLAYED, "true");
        }
        return answer.build();
    }

    @DELETE
    @Path("exceptions/{id}")
    @RolesAllowed({ Roles.ASSOCIATION, Roles.SECRETARIAT })
    @Operation(summary = "Delete a dated exception", description = "The day goes back to the plan and the calendar; slots are re-generated at once.")
    @APIResponse(responseCode = "200", description = "Deleted; what it did to the slots",
            content = @Content(schema = @Schema(implementation = ExceptionChangeView.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not your prefecture", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such exception at this contact point", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "id is not a UUID", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ExceptionChangeView deleteException(@PathParam("code") String code,
            @PathParam("id") String id) {
        PathIds.prefecture(code, "contact point");
        return service.deleteException(code, PathIds.uuid(id, "exception"));
    }
}
