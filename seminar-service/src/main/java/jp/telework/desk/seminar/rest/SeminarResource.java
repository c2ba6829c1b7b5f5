package jp.telework.desk.seminar.rest;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.telework.desk.common.rest.ETags;
import jp.telework.desk.common.rest.Locations;
import jp.telework.desk.common.rest.DateWindow;
import jp.telework.desk.common.rest.QueryParams;
import jp.telework.desk.seminar.config.SeminarConfig;
import jp.telework.desk.common.vocabulary.Region;
import jp.telework.desk.seminar.domain.Seminar;
import jp.telework.desk.seminar.domain.SeminarFormat;
import jp.telework.desk.seminar.domain.SeminarKind;
import jp.telework.desk.seminar.domain.SeminarStatus;
import jp.telework.desk.seminar.domain.Topic;
import jp.telework.desk.seminar.mapping.CancelRequest;
import jp.telework.desk.seminar.mapping.ICalendar;
import jp.telework.desk.seminar.mapping.SeminarCalendar;
import jp.telework.desk.seminar.mapping.SeminarRequest;
import jp.telework.desk.seminar.mapping.SeminarView;
import jp.telework.desk.seminar.mapping.StatisticsView;
import jp.telework.desk.seminar.security.SeminarAccess;
import jp.telework.desk.seminar.service.CapacityReduction;
import jp.telework.desk.seminar.service.SeminarFilter;
import jp.telework.desk.seminar.service.SeminarService;
import jp.telework.desk.seminar.service.StatisticsService;
import jp.telework.desk.common.security.Roles;
import java.time.Clock;
import jp.telework.desk.common.vocabulary.Tokyo;
import jp.telework.desk.common.rest.PathIds;
import jp.telework.desk.common.rest.Precondition;
import jp.telework.desk.common.rest.Page;
import jp.telework.desk.common.json.OptionalBody;

@Path("/api/v1/seminars")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Seminars", description = "Seminars, consultation meetings and experience events in every region")
public class SeminarResource {

    @Inject

    Clock clock;

    @Inject
    SeminarService service;
    @Inject
    OptionalBody optionalBody;
    @Inject
    StatisticsService statistics;
    @Inject
    SeminarAccess access;
    @Inject
    SeminarConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    Validator validator;
    /** Calendar applications need absolute URLs; the service cannot know the gateway's public one, so it is configured. */
    @ConfigProperty(name = "telework.public-base-url")
    URI publicBaseUrl;

    @PostConstruct
    void checkPublicBaseUrl() {
        Locations.checkBase(publicBaseUrl);
    }

    @GET
    @PermitAll
    @Operation(summary = "List seminars", description = "Published seminars by default (anyone). COMPLETED and CANCELLED are "
            + "public too; DRAFT is for hosts (an association sees its own drafts, the secretariat all). Dates are Asia/Tokyo "
            + "and inclusive; region matches the venue's prefecture, else the host's. Sorted by start.")
    @APIResponse(responseCode = "200", description = "One page; X-Total-Count carries the total")
    @APIResponse(responseCode = "400", description = "A filter value is invalid (named in errors)")
    public Response listSeminars(
            @Parameter(schema = @Schema(implementation = Region.class)) @QueryParam("region") String region,
            @Parameter(example = "13") @QueryParam("prefecture") String prefecture,
            @Parameter(schema = @Schema(implementation = SeminarKind.class)) @QueryParam("kind") String kind,
            @Parameter(schema = @Schema(implementation = Topic.class)) @QueryParam("topic") String topic,
            @Parameter(schema = @Schema(implementation = SeminarFormat.class)) @QueryParam("format") String format,
            @Parameter(description = DateWindow.DESCRIPTION, schema = @Schema(type = SchemaType.STRING, format = "date", pattern = DateWindow.DATE_PATTERN), example = "2026-11-01") @QueryParam("from") String from,
            @Parameter(description = DateWindow.DESCRIPTION, schema = @Schema(type = SchemaType.STRING, format = "date", pattern = DateWindow.DATE_PATTERN), example = "2026-11-30") @QueryParam("to") String to,
            @Parameter(description = "Only seminars with (true) or without (false) free seats") @QueryParam("hasSeats") String hasSeats,
            @Parameter(example = "TELEWORK_MONTH") @QueryParam("campaignTag") @Size(max = 40) String campaignTag,
            @Parameter(description = "SECRETARIAT or a prefecture code") @QueryParam("host") String host,
            @Parameter(description = "Only seminars whose host association is (not) active") @QueryParam("hostInactive") String hostInactive,
            @Parameter(schema = @Schema(implementation = SeminarStatus.class)) @QueryParam("status") String status,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0", minimum = "0", maximum = "" + QueryParams.MAX_PAGE)) @QueryParam("page") String pageText,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20", minimum = "1", maximum = "100")) @QueryParam("size") String sizeText) {
        int size = QueryParams.size(sizeText, 20, 100);
        int page = QueryParams.page(pageText);
        SeminarFilter filter = new SeminarFilter(QueryParams.enumValue(SeminarStatus.class, status, "status"),
                QueryParams.enumValue(Region.class, region, "region"), QueryParams.prefecture(prefecture, "prefecture"),
                QueryParams.enumValue(SeminarKind.class, kind, "kind"), QueryParams.enumValue(Topic.class, topic, "topic"),
                QueryParams.enumValue(SeminarFormat.class, format, "format"), QueryParams.date(from, "from"), QueryParams.date(to, "to"),
                QueryParams.bool(hasSeats, "hasSeats"), campaignTag == null || campaignTag.isBlank() ? null : campaignTag.trim(),
                Params.host(host), QueryParams.bool(hostInactive, "hostInactive"));
        int pageSize = Math.min(size, config.listing().maxPageSize());
        SeminarService.Page result = service.search(filter, page, pageSize);
        Set<String> inactive = service.inactiveHosts();
        OffsetDateTime now = Tokyo.now(clock);
        List<SeminarView> items = result.items().stream()
                .map(s -> SeminarView.of(s, false, service.hostInactive(s, inactive), now)).toList();
        return new Page<>(items, result.total(), page, pageSize).response();
    }

    @GET
    @Path("calendar.ics")
    @PermitAll
    @Produces(ICalendar.MEDIA_TYPE)
    @Operation(summary = "iCalendar feed of published and cancelled seminars", description = "RFC 5545, one VEVENT per seminar (stable UID), "
            + "times in Asia/Tokyo. Subscribe per region, e.g. ?region=KANTO. Published seminars are STATUS:CONFIRMED; a "
            + "cancelled one stays in the feed as STATUS:CANCELLED with a higher SEQUENCE until it would have left it had it "
            + "gone ahead (seminar.schedule.auto-complete-after past its end), so subscribed calendars learn of the "
            + "cancellation. Drafts never appear. Each URL is the seminar under the public address of the API "
            + "(telework.public-base-url).")
    @APIResponse(responseCode = "200", description = "text/calendar", content = @Content(mediaType = ICalendar.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "A filter value is invalid")
    public Response seminarCalendar(@Parameter(schema = @Schema(implementation = Region.class)) @QueryParam("region") String region,
            @QueryParam("prefecture") String prefecture,
            @Parameter(schema = @Schema(implementation = SeminarKind.class)) @QueryParam("kind") String kind,
            @Parameter(schema = @Schema(implementation = Topic.class)) @QueryParam("topic") String topic) {
        Region r = QueryParams.enumValue(Region.class, region, "region");
        SeminarFilter filter = SeminarFilter.calendar(r, QueryParams.prefecture(prefecture, "prefecture"),
                QueryParams.enumValue(SeminarKind.class, kind, "kind"), QueryParams.enumValue(Topic.class, topic, "topic"));
        String calendar = SeminarCalendar.write(service.calendarFeed(filter), r, publicBaseUrl);
        return Response.ok(calendar, ICalendar.MEDIA_TYPE + ";charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"seminars" + (r != null ? "-" + r.name().toLowerCase() : "") + ".ics\"")
                .build();
    }

    @GET
    @Path("statistics")
    @RolesAllowed({ Roles.SECRETARIAT, Roles.DASHBOARD })
    @Operation(summary = "Seminar statistics", description = "Seminars per region and month of the start (Asia/Tokyo), fill rate, "
            + "waitlist length, promotions and attendance rate. Optional date range on the start (inclusive).")
    @APIResponse(responseCode = "200", description = "The figures")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Only the secretariat and the dashboard client")
    public StatisticsView seminarStatistics(@Parameter(description = DateWindow.DESCRIPTION, schema = @Schema(type = SchemaType.STRING, format = "date", pattern = DateWindow.DATE_PATTERN), example = "2026-11-01") @QueryParam("from") String from,
            @Parameter(description = DateWindow.DESCRIPTION, schema = @Schema(type = SchemaType.STRING, format = "date", pattern = DateWindow.DATE_PATTERN), example = "2026-11-30") @QueryParam("to") String to) {
        return statistics.statistics(QueryParams.date(from, "from"), QueryParams.date(to, "to"));
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "One seminar", description = "Online join details are included only for the host, the secretariat "
            + "and organizations holding a confirmed online registration. Drafts are visible to their hosts only.")
    @APIResponse(responseCode = "200", description = "The seminar; ETag carries its version")
    @APIResponse(responseCode = "404", description = "No such seminar (or a draft you do not host)")
    public Response getSeminar(@PathParam("id") String idText) {
        UUID id = PathIds.uuid(idText, "seminar");
        Seminar s = service.get(id);
        boolean join = access.seesJoinDetails(s, service.ownSeatHolding(s));
        return ok(s, join, Response.Status.OK);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ASSOCIATION, Roles.SECRETARIAT })
    @Operation(summary = "Create a seminar (DRAFT)", description = "An association hosts in its own prefecture (host defaults to "
            + "it); the secretariat hosts as SECRETARIAT or for any prefecture.")
    @APIResponse(responseCode = "201", description = "Created as DRAFT; ETag set, and Location as a path (resolve it against the URL you called)")
    @APIResponse(responseCode = "400", description = "Invalid body (every field named in errors)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not allowed to host as that host")
    public Response createSeminar(@Valid @NotNull SeminarRequest body) {
        Seminar s = service.create(body);
        return Locations.location(Response.fromResponse(ok(s, true, Response.Status.CREATED)), "/api/v1/seminars/" + s.id).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ASSOCIATION, Roles.SECRETARIAT })
    @Operation(summary = "Replace a seminar", description = "Send If-Match with the ETag you read. Lowering a capacity below the "
            + "seats already confirmed is refused (409) unless capacityReduction=DEMOTE_NEWEST_TO_WAITLIST, which moves the "
            + "newest confirmed registrations to the front of the waitlist. Raising it promotes the waitlist while "
            + "registration is open.")
    @APIResponse(responseCode = "200", description = "Updated; new ETag")
    @APIResponse(responseCode = "400", description = "Invalid body")
    @APIResponse(responseCode = "403", description = "Not the host of this seminar")
    @APIResponse(responseCode = "404", description = "No such seminar")
    @APIResponse(responseCode = "409", description = "Capacity below confirmed seats, format locked, or seminar closed")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    public Response updateSeminar(@PathParam("id") String idText, @HeaderParam("If-Match") String ifMatch,
            @Parameter(schema = @Schema(implementation = CapacityReduction.class)) @QueryParam("capacityReduction") String reduction,
            @Valid @NotNull SeminarRequest body) {
        UUID id = PathIds.uuid(idText, "seminar");
        CapacityReduction how = QueryParams.enumValue(CapacityReduction.class, reduction, "capacityReduction");
        Seminar s = service.update(id, Precondition.ifMatch(ifMatch), body, how == null ? CapacityReduction.REJECT : how);
        return ok(s, true, Response.Status.OK);
    }

    @POST
    @Path("{id}/publish")
    @RolesAllowed({ Roles.ASSOCIATION, Roles.SECRETARIAT })
    @Operation(summary = "Publish a draft", description = "Makes it public and opens registration in its window.")
    @APIResponse(responseCode = "200", description = "Published")
    @APIResponse(responseCode = "403", description = "Not the host")
    @APIResponse(responseCode = "409", description = "Not a draft, or incomplete (e.g. no join URL for an online seminar)")
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    public Response publishSeminar(@PathParam("id") String idText, @HeaderParam("If-Match") String ifMatch) {
        UUID id = PathIds.uuid(idText, "seminar");
        return ok(service.publish(id, Precondition.ifMatch(ifMatch)), true, Response.Status.OK);
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({ Roles.ASSOCIATION, Roles.SECRETARIAT })
    @Operation(summary = "Cancel a seminar", description = "Cancels every registration too; events tell registrants.")
    @APIResponse(responseCode = "200", description = "Cancelled")
    @APIResponse(responseCode = "403", description = "Not the host")
    @APIResponse(responseCode = "409", description = "Already completed or cancelled")
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    @Consumes(MediaType.WILDCARD)
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CancelRequest.class)))
    public Response cancelSeminar(@PathParam("id") String idText, @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("Content-Type") String contentType, byte[] body) throws java.io.IOException {
        UUID id = PathIds.uuid(idText, "seminar");
        CancelRequest request = optionalBody.read(body, contentType, CancelRequest.class);
        return ok(service.cancel(id, Precondition.ifMatch(ifMatch), request == null ? null : request.reason()), true,
                Response.Status.OK);
    }


    @POST
    @Path("{id}/complete")
    @RolesAllowed({ Roles.ASSOCIATION, Roles.SECRETARIAT })
    @Operation(summary = "Mark a seminar as held", description = "After it ended; registrations still waiting are released. "
            + "Seminars are also completed automatically a while after they ended.")
    @APIResponse(responseCode = "200", description = "Completed")
    @APIResponse(responseCode = "403", description = "Not the host")
    @APIResponse(responseCode = "409", description = "Not published, or not ended yet")
    public Response completeSeminar(@PathParam("id") String idText, @HeaderParam("If-Match") String ifMatch) {
        UUID id = PathIds.uuid(idText, "seminar");
        return ok(service.complete(id, Precondition.ifMatch(ifMatch)), true, Response.Status.OK);
    }

    private Response ok(Seminar s, boolean showJoin, Response.Status status) {
        boolean inactive = service.hostInactive(s, service.inactiveHosts());
        return Response.status(status).entity(SeminarView.of(s, showJoin, inactive, Tokyo.now(clock)))
                .tag(ETags.of(s.version)).build();
    }
}
