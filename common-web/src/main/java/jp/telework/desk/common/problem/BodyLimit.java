package jp.telework.desk.common.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

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
                refuse(ctx, ProblemException.badRequest("Content-Length", "is not a number"));
                return;
            }
            if (length > maxBodySize.asLongValue()) {
                refuse(ctx, tooLarge(length, maxBodySize.asLongValue()));
                return;
            }
        }
        ctx.next();
    }

    /** The answer to a body over the limit, wherever it is found (here, or while a body streams through the gateway). */
    public static ProblemException tooLarge(long declared, long max) {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, (declared >= 0 ? "request body of " + declared + " bytes"
                : "request body") + " exceeds the limit of " + max + " bytes", java.util.List.of(new Problem.FieldError("body",
                        "larger than " + max + " bytes")));
    }

    private static void refuse(RoutingContext ctx, ProblemException problem) {
        Problems.send(ctx.response(), problem, ctx.request().path(), true);
    }
}
