package jp.telework.desk.seminar.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.telework.desk.common.rest.QueryParams;
import jp.telework.desk.seminar.domain.RegistrationStatus;
import jp.telework.desk.seminar.service.RegistrationService;
import jp.telework.desk.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import jp.telework.desk.common.rest.Page;

@Path("/api/v1/seminars/my-registrations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Seminar registrations")
public class MyRegistrationsResource {
    @Inject
    RegistrationService service;

    @GET
    @RolesAllowed(Roles.SME)
    @Operation(summary = "My organization's registrations", description = "Across all seminars, newest first.")
    @APIResponse(responseCode = "200", description = "One page; X-Total-Count carries the total")
    @APIResponse(responseCode = "403", description = "Not an SME")
    public Response listMyRegistrations(@Parameter(schema = @Schema(implementation = RegistrationStatus.class)) @QueryParam("status") String status,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0", minimum = "0", maximum = "" + QueryParams.MAX_PAGE)) @QueryParam("page") String pageText,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20", minimum = "1", maximum = "100")) @QueryParam("size") String sizeText) {
        int size = QueryParams.size(sizeText, 20, 100);
        int page = QueryParams.page(pageText);
        RegistrationService.Listing listing = service.mine(QueryParams.enumValue(RegistrationStatus.class, status, "status"), page, size);
        return new Page<>(listing.items(), listing.total(), page, size).response();
    }
}
