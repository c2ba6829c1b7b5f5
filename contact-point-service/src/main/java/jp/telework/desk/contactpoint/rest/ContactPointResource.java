package jp.telework.desk.contactpoint.rest;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.telework.desk.common.rest.ETags;
import jp.telework.desk.contactpoint.domain.ContactPoint;
import jp.telework.desk.contactpoint.domain.Mode;
import jp.telework.desk.common.vocabulary.Region;
import jp.telework.desk.contactpoint.mapping.ContactPointUpdate;
import jp.telework.desk.contactpoint.mapping.ContactPointView;
import jp.telework.desk.contactpoint.service.ContactPointService;
import jp.telework.desk.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jp.telework.desk.common.rest.QueryParams;
import jp.telework.desk.common.rest.PathIds;
import jp.telework.desk.common.rest.Precondition;

@Path("/api/v1/contact-points")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contact points", description = "The 47 prefectural associations that take consultations: their contact facts and status")
public class ContactPointResource {

    @Inject
    ContactPointService service;

    @GET
    @PermitAll
    @Operation(summary = "List the 47 contact points", description = "Filter by region and by consultation mode offered.")
    @APIResponse(responseCode = "200", description = "The contact points in code order")
    @APIResponse(responseCode = "404", description = "region or mode is not one of the known values")
    public List<ContactPointView> listContactPoints(@Parameter(schema = @Schema(implementation = Region.class)) @QueryParam("region") String regionText,
            @Parameter(schema = @Schema(implementation = Mode.class)) @QueryParam("mode") String modeText) {
        Region region = QueryParams.enumValue(Region.class, regionText, "region");
        Mode mode = QueryParams.enumValue(Mode.class, modeText, "mode");
        return service.list(region, mode).stream().map(ContactPointView::of).toList();
    }

    @GET
    @Path("{code}")
    @PermitAll
    @Operation(summary = "One contact point by JIS prefecture code", description = "Anyone may read it. The ETag header is "
            + "its version: send it as If-Match to update the contact point.")
    @APIResponse(responseCode = "200", description = "The contact point; ETag carries its version")
    @APIResponse(responseCode = "404", description = "No such contact point (also for a code that is not 01..47)")
    public Response getContactPoint(@PathParam("code") String code) {
        PathIds.prefecture(code, "contact point");
        ContactPoint cp = service.get(code);
        return Response.ok(ContactPointView.of(cp)).tag(ETags.of(cp.version)).build();
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ASSOCIATION, Roles.SECRETARIAT })
    @Operation(summary = "Update what a contact point offers", description = "Associations update their own prefecture only; the secretariat any. Send If-Match with the ETag you read.")
    @APIResponse(responseCode = "200", description = "Updated; new ETag")
    @APIResponse(responseCode = "400", description = "Invalid body (field named in errors)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not your prefecture")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    @APIResponse(responseCode = "413", description = "Body over 1 MB")
    public Response updateContactPoint(@PathParam("code") String code,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull ContactPointUpdate body) {
        PathIds.prefecture(code, "contact point");
        ContactPoint cp = service.update(code, Precondition.ifMatch(ifMatch), body);
        return Response.ok(ContactPointView.of(cp)).tag(ETags.of(cp.version)).build();
    }
}
