package jp.telework.desk.gateway.problem;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpServerResponse;

/** Writes problem+json straight onto a Vert.x response (for the proxy path, outside JAX-RS). */
public final class Problems {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    public static void send(HttpServerResponse response, GatewayException e, String instance, boolean closeConnection) {
        send(response, e.toProblem(instance), e.headers(), closeConnection);
    }

    public static void send(HttpServerResponse response, Problem problem, Map<String, String> headers, boolean closeConnection) {
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            // the upstream's status line is already out: all we can do is cut the response short
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
            // the request body was not read: do not leave it on a kept-alive connection
            response.putHeader("Connection", "close");
        }
        response.end(body);
    }
}
