package jp.telework.desk.consultation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.vertx.core.http.HttpServerRequest;
import jp.telework.desk.common.rest.IdempotencyKeys;
import jp.telework.desk.consultation.domain.BookingChannel;
import jp.telework.desk.consultation.domain.BookingStatus;
import jp.telework.desk.consultation.domain.Mode;
import jp.telework.desk.consultation.domain.Topic;
import jp.telework.desk.consultation.mapping.BookingFilter;
import jp.telework.desk.consultation.mapping.BookingRequest;
import jp.telework.desk.consultation.mapping.BookingView;
import jp.telework.desk.consultation.mapping.CancelRequest;
import jp.telework.desk.consultation.mapping.OutcomeRequest;
import jp.telework.desk.consultation.mapping.RescheduleRequest;
import jp.telework.desk.consultation.mapping.StatisticsView;
import jp.telework.desk.consultation.service.BookingService;
import jp.telework.desk.consultation.service.StatisticsService;
import jp.telework.desk.common.security.Roles;
import jp.telework.desk.common.idempotency.IdempotentResponses;
import jp.telework.desk.common.rest.PathIds;
import jp.telework.desk.common.rest.DateWindow;
import jp.telework.desk.common.rest.QueryParams;
import jp.telework.desk.common.json.OptionalBody;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import java.util.UUID;

@Path("/api/v1/consultations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consultations", description = "Bookings of telework consultations with the prefectural contact points")
public class ConsultationResource {
    @Inject
    OptionalBody optionalBody;
    @Inject
    BookingService bookings;
    @Inject
    StatisticsService statistics;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SME, Roles.ASSOCIATION, Roles.SECRETARIAT })
    @Operation(summary = "Book a consultation",
            description = "Takes a place in a free slot; the capacity is decided atomically in the database. An SME books for its own"
                    + " organization (channel API); an association books a Navi Dial caller into its own prefecture's slots (NAVI_DIAL)"
                    + " and the secretariat anywhere (SECRETARIAT), with the requester's details taken on the phone. One organization"
                    + " holds at most consultation.max-places-per-organization-per-slot places of a slot (default 1). Send an"
                    + " Idempotency-Key to retry safely: a repeat answers the first response, the same key with another body is 422.")
    @APIResponse(responseCode = "201", description = "Booked; Location names the booking",
            content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body (field named in errors), unknown slot (unknown-slot), a slot that has started (slot-in-past), or an empty or malformed Idempotency-Key")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role not allowed, or not-your-contact-point (an association booking another prefecture's slot)")
    @APIResponse(responseCode = "409", description = "slot-full, slot-closed, slot-share-reached, booking-limit-reached, or idempotent-request-in-progress")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body")
    @Parameter(name = IdempotencyKeys.HEADER, in = ParameterIn.HEADER, description = "Makes a retry safe: " + IdempotencyKeys.MESSAGE,
            example = "6f1d8c2e-0b7a-4d3e-9c51-2a8f4e6b1d07", schema = @Schema(type = SchemaType.STRING, minLength = 1,
                    maxLength = IdempotencyKeys.MAX_LENGTH, pattern = IdempotencyKeys.PATTERN))
    public Response bookConsultation(@Context HttpServerRequest http, @Valid @NotNull BookingRequest body) {
        return IdempotentResponses.of(bookings.create(body, IdempotencyKeys.read(http.headers().getAll(IdempotencyKeys.HEADER))));
    }

    @GET
    @RolesAllowed({ Roles.SME, Roles.ASSOCIATION, Roles.SECRETARIAT })
    @Operation(summary = "List bookings you may see",
            description = "An SME sees its organization's bookings, an association those of its prefecture, the secretariat all."
                    + " from/to filter the consultation date (Asia/Tokyo).")
    @APIResponse(responseCode = "200", description = "One page; X-Total-Count carries the number of matches",
            content = @Content(schema = @Schema(implementation = BookingPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid (named in errors)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role not allowed")
    public Response listConsultations(
            @Parameter(schema = @Schema(implementation = BookingStatus.class)) @QueryParam("status") String status,
            @Parameter(schema = @Schema(implementation = BookingChannel.class)) @QueryParam("channel") String channel,
            @Parameter(example = "13") @QueryParam("prefecture") String prefecture,
            @Parameter(schema = @Schema(implementation = Mode.class)) @QueryParam("mode") String mode,
            @Parameter(schema = @Schema(implementation = Topic.class)) @QueryParam("topic") String topic,
            @Parameter(description = DateWindow.DESCRIPTION, schema = @Schema(type = SchemaType.STRING, format = "date", pattern = DateWindow.DATE_PATTERN), example = "2026-11-01") @QueryParam("from") String from,
            @Parameter(description = DateWindow.DESCRIPTION, schema = @Schema(type = SchemaType.STRING, format = "date", pattern = DateWindow.DATE_PATTERN), example = "2026-11-30") @QueryParam("to") String to,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20", maximum = "100")) @QueryParam("size") String size) {
        return bookings.list(new BookingFilter(QueryParams.enumValue(BookingStatus.class, status, "status"),
                QueryParams.enumValue(BookingChannel.class, channel, "channel"), QueryParams.prefecture(prefecture, "prefecture"), QueryParams.enumValue(Mode.class, mode, "mode"),
                QueryParams.enumValue(Topic.class, topic, "topic"), QueryParams.date(from, "from"), QueryParams.date(to, "to"),
                QueryParams.page(page), QueryParams.size(size, 20, 100))).response();
    }

    @GET
    @Path("statistics")
    @RolesAllowed({ Roles.SECRETARIAT, Roles.DASHBOARD })
    @Operation(summary = "Booking and inquiry statistics",
            description = "Bookings by prefecture, topic, mode, status and month (of the consultation date), cancellation and no-show"
                    + " rates, inquiry backlog and median time to answer.")
    @APIResponse(responseCode = "200", description = "The figures", content = @Content(schema = @Schema(implementation = StatisticsView.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid (named in errors)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Only the secretariat and the dashboard")
    public StatisticsView consultationStatistics(@Parameter(description = DateWindow.DESCRIPTION, schema = @Schema(type = SchemaType.STRING, format = "date", pattern = DateWindow.DATE_PATTERN), example = "2026-11-01") @QueryParam("from") String from,
            @Parameter(description = DateWindow.DESCRIPTION, schema = @Schema(type = SchemaType.STRING, format = "date", pattern = DateWindow.DATE_PATTERN), example = "2026-11-30") @QueryParam("to") String to,
            @Parameter(example = "13") @QueryParam("prefecture") String prefecture) {
        return statistics.statistics(QueryParams.date(from, "from"), QueryParams.date(to, "to"), QueryParams.prefecture(prefecture, "prefecture"));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.SME, Roles.ASSOCIATION, Roles.SECRETARIAT })
    @Operation(summary = "One booking", description = "404 also when the booking exists but is not yours to see.")
    @APIResponse(responseCode = "200", description = "The booking", content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "404", description = "No such booking visible to you")
    public BookingView getConsultation(@PathParam("id") String id) {
        return bookings.get(PathIds.uuid(id, "booking"));
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CancelRequest.class)))
    @RolesAllowed({ Roles.SME, Roles.ASSOCIATION, Roles.SECRETARIAT })
    @Operation(summary = "Cancel a booking",
            description = "The requester until the cut-off before the start (default 24 h; none for NEEDS_RESCHEDULE); the"
                    + " prefecture's association or the secretariat at any time with a reason.")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "400", description = "Reason missing (association, secretariat) or too long")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "404", description = "No such booking visible to you")
    @APIResponse(responseCode = "409", description = "invalid-transition (already finished) or change-cutoff-passed")
    public BookingView cancelConsultation(@PathParam("id") String id, @HeaderParam("Content-Type") String contentType, byte[] body)
            throws java.io.IOException {
        UUID bookingId = PathIds.uuid(id, "booking");
        return bookings.cancel(bookingId, optionalBody.read(body, contentType, CancelRequest.class));
    }

    @POST
    @Path("{id}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SME, Roles.ASSOCIATION, Roles.SECRETARIAT })
    @Operation(summary = "Move a booking to another slot",
            description = "Atomic: both slots are locked, and the booking keeps its old place if the new slot cannot take it."
                    + " Also how a NEEDS_RESCHEDULE booking gets a place again. The requester until the cut-off; the booking's"
                    + " association (to a slot of its own prefecture) or the secretariat until the consultation starts.")
    @APIResponse(responseCode = "200", description = "Moved", content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, unknown-slot or slot-in-past")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role not allowed, or not-your-contact-point (a slot of another prefecture)")
    @APIResponse(responseCode = "404", description = "No such booking visible to you")
    @APIResponse(responseCode = "409", description = "slot-full, slot-closed, slot-share-reached, already-in-slot, invalid-transition, change-cutoff-passed, consultation-started")
    public BookingView rescheduleConsultation(@PathParam("id") String id, @Valid @NotNull RescheduleRequest body) {
        return bookings.reschedule(PathIds.uuid(id, "booking"), body);
    }

    @POST
    @Path("{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ASSOCIATION, Roles.SECRETARIAT })
    @Operation(summary = "Record the outcome (COMPLETED or NO_SHOW) with a short summary",
            description = "By the association of the booking's prefecture or the secretariat, from the start of the consultation.")
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body (field named in errors)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role not allowed")
    @APIResponse(responseCode = "404", description = "No such booking visible to you")
    @APIResponse(responseCode = "409", description = "invalid-transition or consultation-not-started")
    public BookingView recordOutcome(@PathParam("id") String id, @Valid @NotNull OutcomeRequest body) {
        return bookings.outcome(PathIds.uuid(id, "booking"), body);
    }

    /** For the OpenAPI document only. */
    @Schema(name = "BookingPage")
    public record BookingPage(java.util.List<BookingView> items, long total, int page, int size) {
    }
}
