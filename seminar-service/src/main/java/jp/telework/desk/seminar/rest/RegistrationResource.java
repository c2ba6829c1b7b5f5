package jp.telework.desk.seminar.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.telework.desk.common.rest.QueryParams;
import io.vertx.core.http.HttpServerRequest;
import jp.telework.desk.common.rest.IdempotencyKeys;
import jp.telework.desk.common.rest.Locations;
import jp.telework.desk.seminar.domain.RegistrationStatus;
import jp.telework.desk.seminar.mapping.AttendanceRequest;
import jp.telework.desk.seminar.mapping.RegistrationRequest;
import jp.telework.desk.seminar.mapping.RegistrationView;
import jp.telework.desk.seminar.service.RegistrationService;
import jp.telework.desk.common.security.Roles;
import jp.telework.desk.common.idempotency.IdempotentResponses;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import jp.telework.desk.common.rest.PathIds;
import jp.telework.desk.common.rest.Page;

@Path("/api/v1/seminars/{seminarId}/registrations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Seminar registrations", description = "Registrations of organizations for a seminar: seats, waitlist and attendance")
public class RegistrationResource {
    @Inject
    RegistrationService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SME, Roles.ASSOCIATION, Roles.SECRETARIAT })
    @Operation(summary = "Register for a seminar", description = "An SME registers its own organization. CONFIRMED while seats "
            + "remain in the chosen pool, else WAITLISTED with a position (first come, first served). One active registration "
            + "per organization. The host association and the secretariat may register on an organization's behalf "
            + "(organization.id required). Send an Idempotency-Key to retry safely: a replay returns the first response; "
            + "the same key with a different body is 422.")
    @APIResponse(responseCode = "201", description = "Registered (CONFIRMED or WAITLISTED); Location names it as a path")
    @APIResponse(responseCode = "400", description = "Invalid body (named in errors), e.g. too many seats; an empty or malformed Idempotency-Key")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an SME, or another organization, or not the host")
    @APIResponse(responseCode = "404", description = "No such seminar")
    @APIResponse(responseCode = "409", description = "Registration not open/closed, seminar started, or already registered")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body")
    @Parameter(name = IdempotencyKeys.HEADER, in = ParameterIn.HEADER, description = "Makes retries safe: " + IdempotencyKeys.MESSAGE,
            example = "6f1d8c2e-reg-1", schema = @Schema(type = SchemaType.STRING, minLength = 1,
                    maxLength = IdempotencyKeys.MAX_LENGTH, pattern = IdempotencyKeys.PATTERN))
    public Response register(@PathParam("seminarId") String seminarIdText, @Context HttpServerRequest http,
            @Valid @NotNull RegistrationRequest body) {
        UUID seminarId = PathIds.uuid(seminarIdText, "seminar");
        String key = IdempotencyKeys.read(http.headers().getAll(IdempotencyKeys.HEADER));
        RegistrationService.Outcome outcome = service.register(seminarId, body, key);
        Response.ResponseBuilder response = Response.status(outcome.status()).type(MediaType.APPLICATION_JSON);
        if (outcome.location() != null) {
            Locations.location(response, outcome.location());
        }
        if (outcome.replayed()) {
            return response.entity(outcome.replayBody()).header(IdempotentResponses.REPLAYED, "true").build();
        }
        return response.entity(outcome.view()).build();
    }

    @GET
    @RolesAllowed({ Roles.SME, Roles.ASSOCIATION, Roles.SECRETARIAT })
    @Operation(summary = "Registrations of a seminar", description = "The host and the secretariat see all (with contact "
            + "details); an SME sees its own organization's only. Waitlisted ones carry their position.")
    @APIResponse(responseCode = "200", description = "One page; X-Total-Count carries the total")
    @APIResponse(responseCode = "403", description = "Another prefecture's association")
    @APIResponse(responseCode = "404", description = "No such seminar")
    public Response listRegistrations(@PathParam("seminarId") String seminarIdText,
            @Parameter(schema = @Schema(implementation = RegistrationStatus.class)) @QueryParam("status") String status,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0", minimum = "0", maximum = "" + QueryParams.MAX_PAGE)) @QueryParam("page") String pageText,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", minimum = "1", maximum = "500")) @QueryParam("size") String sizeText) {
        UUID seminarId = PathIds.uuid(seminarIdText, "seminar");
        int size = QueryParams.size(sizeText, 50, 500);
        int page = QueryParams.page(pageText);
        RegistrationService.Listing listing = service.list(seminarId,
                QueryParams.enumValue(RegistrationStatus.class, status, "status"), page, size);
        return new Page<>(listing.items(), listing.total(), page, size).response();
    }

    @GET
    @Path("{registrationId}")
    @RolesAllowed({ Roles.SME, Roles.ASSOCIATION, Roles.SECRETARIAT })
    @Operation(summary = "One registration", description = "Its owner, the host and the secretariat.")
    @APIResponse(responseCode = "200", description = "The registration")
    @APIResponse(responseCode = "403", description = "Another prefecture's association")
    @APIResponse(responseCode = "404", description = "No such registration (or not yours)")
    public RegistrationView getRegistration(@PathParam("seminarId") String seminarIdText, @PathParam("registrationId") String registrationIdText) {
        UUID registrationId = PathIds.uuid(registrationIdText, "registration");
        UUID seminarId = PathIds.uuid(seminarIdText, "seminar");
        return service.get(seminarId, registrationId);
    }

    @POST
    @Path("{registrationId}/cancel")
    @RolesAllowed({ Roles.SME, Roles.ASSOCIATION, Roles.SECRETARIAT })
    @Operation(summary = "Cancel a registration", description = "By its owner, the host or the secretariat, until the seminar "
            + "starts. Freed seats go to the waitlist first come, first served (skipping entries that do not fit) while "
            + "registration is open.")
    @APIResponse(responseCode = "200", description = "Cancelled")
    @APIResponse(responseCode = "404", description = "No such registration (or not yours)")
    @APIResponse(responseCode = "409", description = "Already cancelled, or the seminar has started")
    public RegistrationView cancelRegistration(@PathParam("seminarId") String seminarIdText, @PathParam("registrationId") String registrationIdText) {
        UUID registrationId = PathIds.uuid(registrationIdText, "registration");
        UUID seminarId = PathIds.uuid(seminarIdText, "seminar");
        return service.cancel(seminarId, registrationId);
    }

    @PUT
    @Path("{registrationId}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ASSOCIATION, Roles.SECRETARIAT })
    @Operation(summary = "Record attendance", description = "The host records ATTENDED or NO_SHOW for a confirmed registration "
            + "once the seminar has started (corrections allowed).")
    @APIResponse(responseCode = "200", description = "Recorded")
    @APIResponse(responseCode = "403", description = "Not the host")
    @APIResponse(responseCode = "409", description = "Seminar not started, or the registration is not confirmed")
    public RegistrationView recordAttendance(@PathParam("seminarId") String seminarIdText, @PathParam("registrationId") String registrationIdText,
            @Valid @NotNull AttendanceRequest body) {
        UUID registrationId = PathIds.uuid(registrationIdText, "registration");
        UUID seminarId = PathIds.uuid(seminarIdText, "seminar");
        return service.attendance(seminarId, registrationId, body.attendance());
    }
}
