package jp.telework.desk.consultation.rest;

import jakarta.annotation.security.PermitAll;
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
import jp.telework.desk.consultation.domain.InquiryCategory;
import jp.telework.desk.consultation.domain.InquiryStatus;
import jp.telework.desk.consultation.mapping.AnswerRequest;
import jp.telework.desk.consultation.mapping.InquiryFilter;
import jp.telework.desk.consultation.mapping.InquiryRequest;
import jp.telework.desk.consultation.mapping.InquiryView;
import jp.telework.desk.consultation.service.InquiryService;
import jp.telework.desk.common.security.Roles;
import jp.telework.desk.common.idempotency.IdempotentResponses;
import jp.telework.desk.common.rest.PathIds;
import jp.telework.desk.common.rest.QueryParams;

@Path("/api/v1/inquiries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inquiries", description = "Written inquiries about introducing telework")
public class InquiryResource {
    /** Anonymous senders read and close their inquiry with the key answered at submission. */
    public static final String ACCESS_KEY = "X-Inquiry-Access-Key";

    @Inject
    InquiryService inquiries;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(summary = "Submit an inquiry",
            description = "By an SME (bearer token) or anonymously with an email address; an anonymous sender gets an accessKey, once,"
                    + " to read the answer. Idempotency-Key is supported with a token.")
    @APIResponse(responseCode = "201", description = "Submitted", content = @Content(schema = @Schema(implementation = InquiryView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body (field named in errors); an empty or malformed Idempotency-Key, or one sent without a token")
    @APIResponse(responseCode = "403", description = "Associations, the secretariat and the dashboard do not submit inquiries")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body")
    @Parameter(name = IdempotencyKeys.HEADER, in = ParameterIn.HEADER, description = "Makes a retry safe: " + IdempotencyKeys.MESSAGE,
            example = "6f1d8c2e-0b7a-4d3e-9c51-2a8f4e6b1d07", schema = @Schema(type = SchemaType.STRING, minLength = 1,
                    maxLength = IdempotencyKeys.MAX_LENGTH, pattern = IdempotencyKeys.PATTERN))
    public Response submitInquiry(@Context HttpServerRequest http, @Valid @NotNull InquiryRequest body) {
        return IdempotentResponses.of(inquiries.submit(body, IdempotencyKeys.read(http.headers().getAll(IdempotencyKeys.HEADER))));
    }

    @GET
    @RolesAllowed({ Roles.SME, Roles.ASSOCIATION, Roles.SECRETARIAT })
    @Operation(summary = "List inquiries you may see",
            description = "An SME its organization's, an association its prefecture's, the secretariat all; newest first.")
    @APIResponse(responseCode = "200", description = "One page; X-Total-Count carries the number of matches",
            content = @Content(schema = @Schema(implementation = InquiryPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid (named in errors)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role not allowed")
    public Response listInquiries(@Parameter(schema = @Schema(implementation = InquiryStatus.class)) @QueryParam("status") String status,
            @Parameter(schema = @Schema(implementation = InquiryCategory.class)) @QueryParam("category") String category,
            @Parameter(example = "13") @QueryParam("prefecture") String prefecture,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20", maximum = "100")) @QueryParam("size") String size) {
        return inquiries.list(new InquiryFilter(QueryParams.enumValue(InquiryStatus.class, status, "status"),
                QueryParams.enumValue(InquiryCategory.class, category, "category"), QueryParams.prefecture(prefecture, "prefecture"),
                QueryParams.page(page), QueryParams.size(size, 20, 100))).response();
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "One inquiry", description = "With a token, or anonymously with the access key of the submission.")
    @APIResponse(responseCode = "200", description = "The inquiry", content = @Content(schema = @Schema(implementation = InquiryView.class)))
    @APIResponse(responseCode = "401", description = "Neither a token nor an access key")
    @APIResponse(responseCode = "404", description = "No such inquiry visible to you")
    public InquiryView getInquiry(@PathParam("id") String id, @HeaderParam(ACCESS_KEY) String accessKey) {
        return inquiries.get(PathIds.uuid(id, "inquiry"), accessKey);
    }

    @POST
    @Path("{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ASSOCIATION, Roles.SECRETARIAT })
    @Operation(summary = "Answer an open inquiry", description = "By the secretariat or the association of the inquiry's prefecture.")
    @APIResponse(responseCode = "200", description = "Answered", content = @Content(schema = @Schema(implementation = InquiryView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body (field named in errors)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role not allowed")
    @APIResponse(responseCode = "404", description = "No such inquiry visible to you")
    @APIResponse(responseCode = "409", description = "invalid-transition (not OPEN)")
    public InquiryView answerInquiry(@PathParam("id") String id, @Valid @NotNull AnswerRequest body) {
        return inquiries.answer(PathIds.uuid(id, "inquiry"), body);
    }

    @POST
    @Path("{id}/close")
    @PermitAll
    @Operation(summary = "Close an answered inquiry",
            description = "By the requester (token or access key), the prefecture's association or the secretariat.")
    @APIResponse(responseCode = "200", description = "Closed", content = @Content(schema = @Schema(implementation = InquiryView.class)))
    @APIResponse(responseCode = "401", description = "Neither a token nor an access key")
    @APIResponse(responseCode = "404", description = "No such inquiry visible to you")
    @APIResponse(responseCode = "409", description = "invalid-transition (not ANSWERED)")
    public InquiryView closeInquiry(@PathParam("id") String id, @HeaderParam(ACCESS_KEY) String accessKey) {
        return inquiries.close(PathIds.uuid(id, "inquiry"), accessKey);
    }

    /** For the OpenAPI document only. */
    @Schema(name = "InquiryPage")
    public record InquiryPage(java.util.List<InquiryView> items, long total, int page, int size) {
    }
}
