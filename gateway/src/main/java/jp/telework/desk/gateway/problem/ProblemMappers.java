package jp.telework.desk.gateway.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** The gateway's own JAX-RS endpoints answer every error as problem+json too. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response gateway(GatewayException e, UriInfo uri) {
        Response.ResponseBuilder b = Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(e.toProblem(uri.getPath()));
        e.headers().forEach(b::header);
        return b.build();
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "forbidden", "Forbidden", "your role does not allow this request", uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse();
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        String detail = switch (status) {
            case 404 -> "no resource at " + uri.getPath();
            case 405 -> "method not allowed on " + uri.getPath();
            case 406 -> "cannot produce the requested media type; ask for application/json or text/csv";
            case 415 -> "unsupported media type";
            default -> title;
        };
        return problem(status, title.toLowerCase().replaceAll("[^a-z0-9]+", "-"), title, detail, uri);
    }

    @ServerExceptionMapper(priority = 10000)
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.error("unexpected failure", e);
        return problem(500, "internal", "Internal error", "the request failed unexpectedly", uri);
    }

    static Response unauthorized(UriInfo uri) {
        return Response.fromResponse(problem(401, "unauthorized", "Unauthorized", "a valid bearer token is required", uri))
                .header("WWW-Authenticate", "Bearer").build();
    }

    private static Response problem(int status, String slug, String title, String detail, UriInfo uri) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, slug, title, detail, uri != null ? uri.getPath() : null)).build();
    }
}
