package jp.telework.desk.gateway.proxy;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jp.telework.desk.common.problem.BodyLimit;
import jp.telework.desk.common.rest.RequestIds;
import jp.telework.desk.gateway.config.GatewayConfig;
import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.common.problem.Problems;

/**
 * Runs first on every request, whatever its path: gives it a request id (the client's if sane),
 * writes the security headers onto every response (also errors and CORS preflights), refuses a
 * declared body above the limit with 413 problem+json before anything reads it, and logs one line
 * per request (no query strings, no bodies, no tokens).
 */
@ApplicationScoped
public class EdgeFilter {
    public static final String REQUEST_ID_KEY = "telework.request-id";
    public static final String UPSTREAM_KEY = "telework.upstream";
    /** Before Quarkus' CORS (300), authentication (200) and authorization (100) filters. */
    static final int PRIORITY = 400;
    private static final Logger LOG = Logger.getLogger("jp.telework.desk.gateway.access");

    @Inject
    GatewayConfig config;

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext rc) {
        long started = System.nanoTime();
        HttpServerRequest request = rc.request();
        HttpServerResponse response = rc.response();
        String offered = request.getHeader(RequestIds.HEADER);
        String requestId = RequestIds.isSane(offered) ? offered : UUID.randomUUID().toString();
        rc.put(REQUEST_ID_KEY, requestId);
        // the gateway's own JAX-RS endpoints (and their log lines) then carry the same id
        request.headers().set(RequestIds.HEADER, requestId);

        GatewayConfig.Gateway g = config.gateway();
        rc.addHeadersEndHandler(v -> {
            var h = response.headers();
            h.set(RequestIds.HEADER, requestId);
            h.set("X-Content-Type-Options", "nosniff");
            h.set("X-Frame-Options", g.frameOptions());
            h.set("Referrer-Policy", g.referrerPolicy());
            if (!h.contains("Content-Security-Policy")) {
                h.set("Content-Security-Policy", g.contentSecurityPolicy());
            }
            if (!"off".equalsIgnoreCase(g.hsts().trim())) {
                h.set("Strict-Transport-Security", g.hsts());
            }
        });
        rc.addEndHandler(ar -> LOG.infof("%s %s %s -> %d %s(%d ms)", requestId, request.method(), request.path(),
                response.getStatusCode(), upstreamNote(rc), (System.nanoTime() - started) / 1_000_000));

        String length = request.getHeader("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                Problems.send(response, ProblemException.badRequest("Content-Length", "is not a number"), request.path(), true);
                return;
            }
            long max = g.maxBodySize().asLongValue();
            if (declared > max) {
                Problems.send(response, BodyLimit.tooLarge(declared, max), request.path(), true);
                return;
            }
        }
        rc.next();
    }

    private static String upstreamNote(RoutingContext rc) {
        Object upstream = rc.get(UPSTREAM_KEY);
        return upstream == null ? "" : "via " + upstream + " ";
    }
}
