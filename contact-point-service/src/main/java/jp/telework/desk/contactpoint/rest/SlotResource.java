package jp.telework.desk.contactpoint.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.telework.desk.common.rest.DateWindow;
import jp.telework.desk.common.rest.QueryParams;
import jp.telework.desk.common.problem.Problem;
import jp.telework.desk.contactpoint.domain.Mode;
import jp.telework.desk.contactpoint.mapping.SlotView;
import jp.telework.desk.contactpoint.service.AvailabilityService;
import jp.telework.desk.contactpoint.service.AvailabilityService.StatusFilter;
import jp.telework.desk.common.rest.PathIds;
import jp.telework.desk.common.rest.Page;

@Path("/api/v1/contact-points/{code}/slots")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Availability")
public class SlotResource {
    @Inject
    AvailabilityService service;

    @GET
    @PermitAll
    @Operation(summary = "A contact point's slots", description = """
            Slots dated from..to (Asia/Tokyo; default today .. the end of the horizon), ordered by date, start and mode. \
            status OPEN (default), CLOSED or ALL; available=true keeps open slots with free capacity. Paginated, page counts from 0.""")
    @APIResponse(responseCode = "200", description = "One page of slots; X-Total-Count carries the total",
            headers = @Header(name = "X-Total-Count", description = "Matches in all pages"),
            content = @Content(schema = @Schema(implementation = jp.telework.desk.contactpoint.mapping.Pages.SlotPage.class)))
    @APIResponse(responseCode = "400", description = "Bad code, date, mode, status or paging parameter (named in errors)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response listSlots(@PathParam("code") String code,
            @Parameter(description = DateWindow.DESCRIPTION, schema = @Schema(type = SchemaType.STRING, format = "date", pattern = DateWindow.DATE_PATTERN), example = "2026-12-01") @QueryParam("from") String from,
            @Parameter(description = DateWindow.DESCRIPTION, schema = @Schema(type = SchemaType.STRING, format = "date", pattern = DateWindow.DATE_PATTERN), example = "2026-12-31") @QueryParam("to") String to,
            @Parameter(schema = @Schema(implementation = Mode.class)) @QueryParam("mode") String mode,
            @Parameter(schema = @Schema(implementation = StatusFilter.class, defaultValue = "OPEN")) @QueryParam("status") String status,
            @Parameter(schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("available") String availableText,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0", minimum = "0", maximum = "" + QueryParams.MAX_PAGE)) @QueryParam("page") String pageText,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "100", minimum = "1", maximum = "1000")) @QueryParam("size") String sizeText) {
        PathIds.prefecture(code, "contact point");
        int size = QueryParams.size(sizeText, 100, 1000);
        int page = QueryParams.page(pageText);
        boolean available = Boolean.TRUE.equals(QueryParams.bool(availableText, "available"));
        StatusFilter statusFilter = QueryParams.enumValue(StatusFilter.class, status, "status");
        Page<SlotView> result = service.slots(code, QueryParams.date(from, "from"), QueryParams.date(to, "to"),
                QueryParams.enumValue(Mode.class, mode, "mode"), statusFilter == null ? StatusFilter.OPEN : statusFilter, available, page, size);
        return result.response();
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "One slot", description = "Anyone may read it, in any state; a slot of another contact point is 404 here.")
    @APIResponse(responseCode = "200", description = "The slot", content = @Content(schema = @Schema(implementation = SlotView.class)))
    @APIResponse(responseCode = "404", description = "No such slot at this contact point", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SlotView getSlot(@PathParam("code") String code,
            @PathParam("id") String id) {
        PathIds.prefecture(code, "contact point");
        return service.slot(code, PathIds.uuid(id, "slot"));
    }
}
