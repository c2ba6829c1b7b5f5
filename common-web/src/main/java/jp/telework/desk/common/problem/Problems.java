package jp.telework.desk.common.problem;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpServerResponse;

/** Writes problem+json answers: as a JAX-RS response, or straight onto a Vert.x response outside JAX-RS. */
public final class Problems {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    public static Response response(int status, String slug, String title, String detail, UriInfo uri,
            List<Problem.FieldError> errors) {
        return response(new ProblemException(status, slug, title, detail, errors), uri);
    }

    public static Response response(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder b = Response.status(e.status()).type(Problem.MEDIA_TYPE)
                .entity(e.toProblem(uri != null ? uri.getPath() : null));
        e.headers().forEach(b::header);
        return b.build();
    }

    /**
     * For Vert.x routes and filters (body limits, the gateway's proxy). With {@code closeConnection} the
     * connection is closed after the answer: the request body was not read and must not be taken for the
     * next request on a kept-alive connection.
     */
    public static void send(HttpServerResponse response, ProblemException e, String instance, boolean closeConnection) {
        send(response, e.toProblem(instance), e.headers(), closeConnection);
    }

    public static void send(HttpServerResponse response, Problem problem, Map<String, String> headers, boolean closeConnection) {
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            // the status line is already out: all that is left is to cut the response short
            response.reset();
            return;
        }
        String body;
        try {
            body = JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + problem.status() + "}";
        }
        response.setStatusCode(problem.status());
        response.headers().remove("Content-Length").remove("Transfer-Encoding");
        response.putHeader("Content-Type", Problem.MEDIA_TYPE);
        response.putHeader("Cache-Control", "no-store");
        headers.forEach(response::putHeader);
        if (closeConnection) {
            response.putHeader("Connection", "close");
        }
        response.end(body);
    }
}
