package jp.telework.desk.common.deadletter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.telework.desk.common.inbox.IdempotentConsumer;
import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.common.rest.PathIds;
import jp.telework.desk.common.rest.QueryParams;
import jp.telework.desk.common.security.Actor;
import jp.telework.desk.common.security.Roles;

/**
 * The dead-letter desk's HTTP face, the same in every service: a service declares it under its own path
 * with a subclass that carries only {@code @Path} ({@code /api/v1/consultations/dead-letters}, ...), so the
 * gateway routes it with the service's other paths. The secretariat only. (Each method names its security
 * requirement itself: the OpenAPI scanner adds it from {@code @RolesAllowed} only on the resource's own methods.)
 */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters", description = "Events this service's consumers could not apply: see why, replay after a fix, or discard")
public abstract class DeadLetterDeskResource {
    @Inject
    DeadLetters letters;
    @Inject
    IdempotentConsumer consumers;
    @Inject
    Actor actor;
    @Inject
    ObjectMapper json;

    @GET
    @RolesAllowed(Roles.SECRETARIAT)
    @SecurityRequirement(name = "bearer", scopes = Roles.SECRETARIAT)
    @Operation(summary = "List dead letters", description = "Newest first; narrowed by consumer and status when given.")
    @APIResponse(responseCode = "200", description = "One page; X-Total-Count carries the number of matches",
            content = @Content(schema = @Schema(implementation = DeadLetterPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid (named in errors)")
    public Response listDeadLetters(
            @Parameter(description = "A consumer of this service (its inbox name)") @QueryParam("consumer") String consumer,
            @Parameter(schema = @Schema(implementation = DeadLetterStatus.class)) @QueryParam("status") String status,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20", maximum = "100")) @QueryParam("size") String size) {
        var found = letters.list(consumer(consumer), QueryParams.enumValue(DeadLetterStatus.class, status, "status"),
                QueryParams.page(page), QueryParams.size(size, 20, 100));
        return new jp.telework.desk.common.rest.Page<>(found.items().stream().map(d -> DeadLetterView.of(d, json)).toList(),
                found.total(), found.page(), found.size()).response();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.SECRETARIAT)
    @SecurityRequirement(name = "bearer", scopes = Roles.SECRETARIAT)
    @Operation(summary = "One dead letter")
    @APIResponse(responseCode = "200", description = "The letter", content = @Content(schema = @Schema(implementation = DeadLetterView.class)))
    @APIResponse(responseCode = "404", description = "No such dead letter")
    public DeadLetterView getDeadLetter(@PathParam("id") String id) {
        return DeadLetterView.of(letters.get(PathIds.uuid(id, "dead letter")), json);
    }

    @POST
    @Path("{id}/replay")
    @RolesAllowed(Roles.SECRETARIAT)
    @SecurityRequirement(name = "bearer", scopes = Roles.SECRETARIAT)
    @Operation(summary = "Replay a dead letter",
            description = "Applies its event again through the consumer's handler, once in effect (an event applied meanwhile"
                    + " changes nothing: outcome ALREADY_APPLIED). A replay that fails again leaves it WAITING with the error.")
    @APIResponse(responseCode = "200", description = "Replayed", content = @Content(schema = @Schema(implementation = DeadLetterView.class)))
    @APIResponse(responseCode = "404", description = "No such dead letter")
    @APIResponse(responseCode = "409", description = "replay-failed (the handler refused it again), not-replayable (not a CloudEvent,"
            + " or a type no handler takes), not-waiting (already replayed or discarded)")
    public DeadLetterView replayDeadLetter(@PathParam("id") String id) {
        return DeadLetterView.of(letters.replay(PathIds.uuid(id, "dead letter"), actor.subject()), json);
    }

    @POST
    @Path("replay")
    @RolesAllowed(Roles.SECRETARIAT)
    @SecurityRequirement(name = "bearer", scopes = Roles.SECRETARIAT)
    @Operation(summary = "Replay every waiting dead letter of a consumer",
            description = "Oldest first, " + DeadLetters.REPLAY_ALL_LIMIT + " at most per call, each on its own; after a failure the"
                    + " later letters of the same key are skipped (they may depend on it). stillWaiting says what is left.")
    @APIResponse(responseCode = "200", description = "What was done", content = @Content(schema = @Schema(implementation = ReplayAllView.class)))
    @APIResponse(responseCode = "400", description = "No consumer, or an unknown one (named in errors)")
    public ReplayAllView replayDeadLetters(
            @Parameter(description = "The consumer whose letters are replayed", required = true) @QueryParam("consumer") String consumer) {
        // a write on many letters names its consumer: an empty or forgotten parameter never means "all of them"
        if (consumer == null || consumer.isBlank()) {
            throw ProblemException.badRequest("consumer", "is required, one of " + consumers.consumers());
        }
        var done = letters.replayAll(consumer(consumer), actor.subject());
        return new ReplayAllView(done.replayed(), done.alreadyApplied(), done.failed(), done.skipped(), done.stillWaiting(),
                done.failures().stream().map(f -> new ReplayAllView.Failure(f.id(), f.reason())).toList());
    }

    @POST
    @Path("{id}/discard")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    @SecurityRequirement(name = "bearer", scopes = Roles.SECRETARIAT)
    @Operation(summary = "Discard a dead letter", description = "Gives it up with a reason; its data is erased, the reason and who kept.")
    @APIResponse(responseCode = "200", description = "Discarded", content = @Content(schema = @Schema(implementation = DeadLetterView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body (field named in errors)")
    @APIResponse(responseCode = "404", description = "No such dead letter")
    @APIResponse(responseCode = "409", description = "not-waiting (already replayed or discarded)")
    public DeadLetterView discardDeadLetter(@PathParam("id") String id, @Valid @NotNull DiscardRequest body) {
        return DeadLetterView.of(letters.discard(PathIds.uuid(id, "dead letter"), body.reason().strip(), actor.subject()), json);
    }

    private String consumer(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!consumers.consumers().contains(value)) {
            throw ProblemException.badRequest("consumer", "must be one of " + consumers.consumers());
        }
        return value;
    }

    /** What a "replay all" did. */
    @Schema(name = "DeadLetterReplayAll")
    public record ReplayAllView(int replayed, @Schema(description = "Applied meanwhile; nothing changed") int alreadyApplied,
            int failed, @Schema(description = "Not tried: an earlier letter of the same key failed") int skipped,
            @Schema(description = "Letters still WAITING after this call") long stillWaiting, java.util.List<Failure> failures) {
        public record Failure(java.util.UUID id, String reason) {
        }
    }

    /** For the OpenAPI document only. */
    @Schema(name = "DeadLetterPage")
    public record DeadLetterPage(java.util.List<DeadLetterView> items, long total, int page, int size) {
    }
}
