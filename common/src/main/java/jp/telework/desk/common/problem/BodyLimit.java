package jp.telework.desk.common.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a declared body over {@code quarkus.http.limits.max-body-size} before it is read, with
 * the same problem+json as every other error (Vert.x's own limit answers 413 without a body).
 */
@ApplicationScoped
public class BodyLimit {
    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;
    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 100).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String declared = ctx.request().getHeader("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length < 0) {
                refuse(ctx, 400, "bad-content-length", "Bad Request", "Content-Length is not a number");
                return;
            }
            if (length > maxBodySize.asLongValue()) {
                refuse(ctx, 413, "payload-too-large", "Payload Too Large",
                        "request body of " + length + " bytes exceeds the limit of " + maxBodySize.asLongValue() + " bytes");
                return;
            }
        }
        ctx.next();
    }

    private void refuse(RoutingContext ctx, int status, String slug, String title, String detail) {
        Problem body = new Problem(Problem.TYPE_PREFIX + slug, title, status, detail, ctx.request().path(),
                java.util.List.of(new Problem.FieldError("body", detail)));
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            text = "{\"status\":" + status + "}";
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(text);
    }
}
