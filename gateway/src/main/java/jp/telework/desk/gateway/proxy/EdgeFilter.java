package jp.telework.desk.gateway.proxy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.netty.channel.Channel;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import jp.telework.desk.common.problem.BodyLimit;
import jp.telework.desk.common.rest.RequestIds;
import jp.telework.desk.gateway.config.GatewayConfig;
import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.common.problem.ProblemType;
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
    /** Set when the request's body broke the chunked framing and the answer was given here. */
    public static final String BROKEN_BODY_KEY = "telework.broken-body";
    /** Before Quarkus' CORS (300), authentication (200) and authorization (100) filters. */
    static final int PRIORITY = 400;
    private static final Logger LOG = Logger.getLogger("jp.telework.desk.gateway.access");

    @Inject
    GatewayConfig config;

    /** The portals allowed to call from a browser (Quarkus' CORS filter answers their requests). */
    @ConfigProperty(name = "quarkus.http.cors.origins")
    Optional<List<String>> corsOrigins;

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
        rc.addHeadersEndHandler(v -> secure(response.headers(), g, requestId));
        if (request.connection() instanceof ConnectionBase connection) {
            // a malformed chunk in this request's body is answered here (see StrictRequestDecoder)
            Channel channel = connection.channel();
            Consumer<ProblemException> brokenBody = problem -> {
                rc.put(BROKEN_BODY_KEY, Boolean.TRUE);
                Problems.send(response, problem, request.path(), true);
                // the connection's framing is lost: nothing more can be read from it
                response.close();
            };
            channel.attr(StrictRequestDecoder.BROKEN_BODY).set(brokenBody);
            rc.addEndHandler(ar -> channel.attr(StrictRequestDecoder.BROKEN_BODY).compareAndSet(brokenBody, null));
        }
        rc.addEndHandler(ar -> LOG.infof("%s %s %s -> %d %s(%d ms)", requestId, request.method(), request.path(),
                response.getStatusCode(), upstreamNote(rc), (System.nanoTime() - started) / 1_000_000));

        String origin = request.getHeader("Origin");
        if (origin != null && !allowedOrigin(origin, request)) {
            if (!foreignOrigin(rc, origin)) {
                return;
            }
        }

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

    /**
     * A page of another origin calls us from a browser. Quarkus' CORS filter would answer an empty 403 to
     * every such request, even a plain GET of public data. What a careful edge does instead:
     * <ul>
     * <li>a preflight is refused (403 problem+json): there is nothing to allow, and the browser then never
     * sends the real request;</li>
     * <li>an unsafe method the browser sent without preflight (a form-like POST) is refused too: it would
     * otherwise run, e.g. an anonymous inquiry posted from the browsers of another site's visitors, each
     * with its own address and so its own rate limit;</li>
     * <li>a safe method (GET, HEAD) is answered as for any client, without Access-Control-Allow-Origin: the
     * browser withholds the answer from the foreign page, and anything it could read is readable without a
     * browser anyway, so a refusal would protect nothing.</li>
     * </ul>
     *
     * @return whether to go on with the request
     */
    private static boolean foreignOrigin(RoutingContext rc, String origin) {
        HttpServerRequest request = rc.request();
        boolean preflight = request.method() == HttpMethod.OPTIONS && request.getHeader("Access-Control-Request-Method") != null;
        if (preflight || !(request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD)) {
            String shown = origin.length() > 100 ? origin.substring(0, 100) + "..." : origin;
            Problems.send(rc.response(), ProblemType.FORBIDDEN.problem("the origin " + shown
                    + " may not call this API from a browser" + (preflight ? " (CORS preflight refused)" : "")), request.path(), false);
            return false;
        }
        // hidden from Quarkus' CORS filter, which would refuse it, and from the services
        request.headers().remove("Origin");
        rc.response().headers().add("Vary", "Origin");
        return true;
    }

    private boolean allowedOrigin(String origin, HttpServerRequest request) {
        List<String> allowed = corsOrigins.orElse(List.of());
        if (allowed.contains("*") || allowed.contains(origin)) {
            return true;
        }
        // same origin: not a cross-origin call at all
        return request.authority() != null && origin.equalsIgnoreCase(request.scheme() + "://" + request.authority());
    }

    /** The headers every answer carries, also those of the HTTP layer (see EdgeConnections). */
    static void secure(MultiMap h, GatewayConfig.Gateway g, String requestId) {
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
    }

    private static String upstreamNote(RoutingContext rc) {
        Object upstream = rc.get(UPSTREAM_KEY);
        return upstream == null ? "" : "via " + upstream + " ";
    }
}
