package jp.telework.desk.consultation.rest;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.telework.desk.consultation.domain.Mode;
import jp.telework.desk.common.vocabulary.Region;
import jp.telework.desk.consultation.domain.Topic;
import jp.telework.desk.consultation.mapping.SlotFilter;
import jp.telework.desk.consultation.mapping.SlotView;
import jp.telework.desk.consultation.service.SlotQueryService;
import jp.telework.desk.common.rest.PathIds;
import jp.telework.desk.common.rest.DateWindow;
import jp.telework.desk.common.rest.QueryParams;

@Path("/api/v1/slots")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Slots", description = "Free consultation slots of the 47 contact points (public)")
public class SlotResource {
    @Inject
    SlotQueryService slots;

    @GET
    @PermitAll
    @Operation(summary = "Search free slots",
            description = "Open slots that have not started and have at least one free place, ordered by start. Dates are Asia/Tokyo"
                    + " local dates (default: today .. today + 30 days). Every contact point takes every topic today, so topic is"
                    + " checked but does not narrow the result.")
    @APIResponse(responseCode = "200", description = "One page of free slots; X-Total-Count carries the number of matches",
            content = @Content(schema = @Schema(implementation = SlotPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid (named in errors)")
    public Response searchFreeSlots(
            @Parameter(description = "JIS prefecture code of the contact point", example = "13") @QueryParam("prefecture") String prefecture,
            @Parameter(schema = @Schema(implementation = Region.class)) @QueryParam("region") String region,
            @Parameter(schema = @Schema(implementation = Mode.class)) @QueryParam("mode") String mode,
            @Parameter(schema = @Schema(implementation = Topic.class)) @QueryParam("topic") String topic,
            @Parameter(description = DateWindow.DESCRIPTION, schema = @Schema(type = SchemaType.STRING, format = "date", pattern = DateWindow.DATE_PATTERN), example = "2026-11-01") @QueryParam("from") String from,
            @Parameter(description = DateWindow.DESCRIPTION, schema = @Schema(type = SchemaType.STRING, format = "date", pattern = DateWindow.DATE_PATTERN), example = "2026-11-30") @QueryParam("to") String to,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20", maximum = "100")) @QueryParam("size") String size) {
        return slots.search(new SlotFilter(QueryParams.prefecture(prefecture, "prefecture"),
                QueryParams.enumValue(Region.class, region, "region"), QueryParams.enumValue(Mode.class, mode, "mode"),
                QueryParams.enumValue(Topic.class, topic, "topic"), QueryParams.date(from, "from"), QueryParams.date(to, "to"),
                QueryParams.page(page), QueryParams.size(size, 20, 100))).response();
    }

    @GET
    @Path("{slotId}")
    @PermitAll
    @Operation(summary = "One slot, whatever its state, with its remaining capacity",
            description = "Anyone may read it: what a booking form shows before the caller books it.")
    @APIResponse(responseCode = "200", description = "The slot", content = @Content(schema = @Schema(implementation = SlotView.class)))
    @APIResponse(responseCode = "404", description = "No such slot")
    public SlotView getSlot(@PathParam("slotId") String slotId) {
        return slots.get(PathIds.uuid(slotId, "slot"));
    }

    /** For the OpenAPI document only. */
    @Schema(name = "SlotPage")
    public record SlotPage(java.util.List<SlotView> items, long total, int page, int size) {
    }
}
