package jp.telework.desk.gateway.proxy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.micrometer.runtime.binder.vertx.HttpRequestMetric;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jp.telework.desk.gateway.config.GatewayConfig;
import jp.telework.desk.common.problem.BodyLimit;
import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.common.problem.ProblemType;
import jp.telework.desk.common.problem.Problems;
import jp.telework.desk.gateway.ratelimit.RateLimiter;
import jp.telework.desk.gateway.ratelimit.TokenBuckets;
import jp.telework.desk.gateway.routing.Access;
import jp.telework.desk.gateway.routing.Route;
import jp.telework.desk.gateway.routing.RouteTable;
import jp.telework.desk.gateway.upstream.UpstreamClient;
import jp.telework.desk.gateway.upstream.UpstreamFailure;
import jp.telework.desk.gateway.upstream.Upstreams;

/**
 * Everything under {@code /api/v1}: route lookup, token check (the token is validated by quarkus-oidc:
 * issuer, signature, expiry, audience), the route's access rule, the rate limit, and then either the
 * gateway's own endpoint (JAX-RS, next handler) or a streaming proxy call to the service.
 */
@ApplicationScoped
public class ProxyRoute {
    private static final Set<String> DOCUMENT_FORMATS = Set.of("json", "yaml");
    private static final Logger LOG = Logger.getLogger(ProxyRoute.class);
    /** Response headers only the gateway sets (see EdgeFilter and the rate limiter). */
    private static final Set<String> GATEWAY_OWNED = Set.of("x-request-id", "ratelimit-limit", "ratelimit-remaining",
            "ratelimit-reset", "ratelimit-policy", "strict-transport-security", "x-content-type-options", "x-frame-options",
            "referrer-policy");

    private static final BiConsumer<RoutingContext, Throwable> ANSWERED_BY_GATEWAY = (rc, failure) -> {
    };

    private final RouteTable table = RouteTable.standard();

    @Inject
    GatewayConfig config;

    @Inject
    Upstreams upstreams;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    MeterRegistry meters;

    void register(@Observes Router router) {
        // after Quarkus' authentication filters, before the JAX-RS endpoints
        router.routeWithRegex("/api/v1/.*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::handle);
    }

    void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String path = rc.normalizedPath();
        // the metrics' uri tag: a template, never the ids in the path
        HttpRequestMetric metric = HttpRequestMetric.getRequestMetric(rc);
        if (metric != null) {
            metric.setTemplatePath(RouteTable.template(path));
        }
        if (!path.equals(request.path()) || path.contains("%2F") || path.contains("%5C") || path.contains("%00")
                || path.contains("\\")) {
            fail(rc, new ProblemException(400, "path-not-allowed", "Invalid request",
                    "the path must be in normal form, without dot segments or encoded separators"));
            return;
        }
        Route route = table.match(request.method().name(), path).orElse(null);
        if (route == null) {
            Set<String> allowed = table.allowedMethods(path);
            fail(rc, allowed.isEmpty() ? ProblemType.NOT_FOUND.problem("no resource at " + path)
                    : ProblemType.METHOD_NOT_ALLOWED.problem(request.method().name() + " is not allowed on " + path)
                            .withHeader("Allow", String.join(", ", allowed)));
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            fail(rc, unauthorized("only bearer tokens are accepted", false));
            return;
        }
        Uni<SecurityIdentity> deferred = rc.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        if (authorization == null || deferred == null) {
            authorized(rc, route, null);
            return;
        }
        // we answer a failed authentication ourselves (below); without this Quarkus' default handler would
        // race us with its own 401
        rc.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, ANSWERED_BY_GATEWAY);
        Context context = Vertx.currentContext();
        deferred.subscribe().with(
                identity -> context.runOnContext(v -> authorized(rc, route, identity)),
                failure -> context.runOnContext(v -> fail(rc, unauthorized("the bearer token is not valid", true))));
    }

    private void authorized(RoutingContext rc, Route route, SecurityIdentity identity) {
        boolean anonymous = identity == null || identity.isAnonymous();
        if (anonymous && rc.request().getHeader("Authorization") != null) {
            // a token was sent but gave no identity: never fall back to anonymous access
            fail(rc, unauthorized("the bearer token is not valid", true));
            return;
        }
        Access.Decision access = route.access().decide(anonymous, role -> identity.hasRole(role));
        if (access == Access.Decision.UNAUTHENTICATED) {
            fail(rc, unauthorized("a valid bearer token is required", false));
            return;
        }
        if (access == Access.Decision.FORBIDDEN) {
            fail(rc, ProblemException.forbidden("this route is for " + String.join(" or ", route.access().roles().stream().sorted().toList()) + " only"));
            return;
        }
        String client = anonymous ? "ip:" + clientAddress(rc) : "sub:" + subject(identity);
        TokenBuckets.Decision decision = rateLimiter.take(route.rateGroup(), client);
        if (decision != null) {
            HttpServerResponse response = rc.response();
            response.putHeader("RateLimit-Limit", Integer.toString(decision.limit()));
            response.putHeader("RateLimit-Remaining", Integer.toString(decision.remaining()));
            response.putHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
            response.putHeader("RateLimit-Policy", decision.limit() + ";w=" + decision.windowSeconds());
            if (!decision.allowed()) {
                fail(rc, ProblemType.RATE_LIMITED.problem("limit of " + decision.limit() + " requests per "
                        + decision.windowSeconds() + " s for " + route.rateGroup().key() + " reached; retry in "
                        + decision.retryAfterSeconds() + " s")
                        .withHeader("Retry-After", Long.toString(decision.retryAfterSeconds())));
                return;
            }
        }
        if (route.local()) {
            rc.next();
            return;
        }
        proxy(rc, route);
    }

    /**
     * A service's OpenAPI document is fetched with {@code format=json|yaml} or nothing: the gateway decides
     * that itself, so a bad value is a 400 naming it rather than whatever the service's endpoint makes of
     * it, and nothing else of the client's query reaches the service's management endpoint.
     */
    private static String documentQuery(RoutingContext rc) {
        List<String> format;
        try {
            format = rc.queryParam("format");
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("format", "the query string is not decodable");
        }
        if (format == null || format.isEmpty()) {
            return null;
        }
        if (format.size() > 1 || !DOCUMENT_FORMATS.contains(format.get(0))) {
            throw ProblemException.badRequest("format", "must be json or yaml, once");
        }
        return "format=" + format.get(0);
    }

    private void proxy(RoutingContext rc, Route route) {
        HttpServerRequest request = rc.request();
        UpstreamClient upstream = upstreams.get(route.service());
        rc.put(EdgeFilter.UPSTREAM_KEY, route.service().slug());
        boolean trust = config.gateway().trustForwardedHeaders();
        Headers.ForwardedFor forwarded = Headers.ForwardedFor.of(peer(request), request.headers(), request.scheme(),
                request.authority() != null ? request.authority().toString() : request.getHeader("Host"), trust);
        String requestId = rc.get(EdgeFilter.REQUEST_ID_KEY);
        var headers = Headers.toUpstream(request.headers(), forwarded, requestId, trust);
        String query;
        try {
            query = route.upstreamPath() != null ? documentQuery(rc) : request.query();
        } catch (ProblemException e) {
            fail(rc, e);
            return;
        }
        String uri = route.targetPath(rc.normalizedPath()) + (query == null || query.isEmpty() ? "" : "?" + query);
        boolean hasBody = hasBody(request);
        long maxBody = config.gateway().maxBodySize().asLongValue();
        AtomicReference<HttpClientRequest> upstreamRequest = new AtomicReference<>();
        rc.addEndHandler(end -> {
            // the client went away before its answer was complete, or its body broke: stop the upstream call too
            HttpClientRequest r = upstreamRequest.get();
            if ((end.failed() || rc.get(EdgeFilter.BROKEN_BODY_KEY) != null) && r != null) {
                UpstreamClient.abandon(r);
            }
        });
        if (hasBody && "100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            // the client waited for our go-ahead: token, route and rate limit are fine, send the body
            rc.response().writeContinue();
        }
        Timer.Sample sample = Timer.start(meters);
        Future<HttpClientResponse> answer;
        if (!Retries.safe(request.method(), request.headers())) {
            answer = upstream.exchange(request.method(), uri, headers, out -> {
                upstreamRequest.set(out);
                return hasBody ? pump(request, out, maxBody) : out.end();
            });
        } else if (!hasBody) {
            answer = withRetry(rc, route, upstream, uri, headers, upstreamRequest, HttpClientRequest::end);
        } else {
            // a request sent twice needs its body twice: read it whole first (it is bounded by max-body-size)
            answer = Retries.readBody(request, maxBody).compose(body -> {
                headers.set("Content-Length", Integer.toString(body.length()));
                return withRetry(rc, route, upstream, uri, headers, upstreamRequest, out -> out.end(body));
            });
        }
        answer.onComplete(ar -> {
            String outcome;
            if (ar.succeeded()) {
                outcome = Integer.toString(ar.result().statusCode());
                relay(rc, ar.result());
            } else if (ar.cause() instanceof BodyTooLarge tooLarge) {
                outcome = "413";
                Problems.send(rc.response(), BodyLimit.tooLarge(-1, tooLarge.max), rc.request().path(), true);
            } else {
                UpstreamFailure failure = UpstreamFailure.classify(route.service(), ar.cause());
                outcome = failure.kind().name().toLowerCase();
                LOG.warnf("%s %s %s: %s (%s)", requestId, request.method(), request.path(), failure.getMessage(), failure.kind());
                // an unread request body must not stay on a kept-alive connection
                Problems.send(rc.response(), failure.toProblem(), request.path(), hasBody && !request.isEnded());
            }
            sample.stop(meters.timer("gateway.upstream.requests", "service", route.service().slug(), "route", route.name(),
                    "outcome", outcome));
        });
    }

    /**
     * One attempt, and a second one on a new connection when the first lost its connection before any
     * answer and the client is still there (the caller checked that the request is safe to repeat).
     */
    private Future<HttpClientResponse> withRetry(RoutingContext rc, Route route, UpstreamClient upstream, String uri,
            io.vertx.core.MultiMap headers, AtomicReference<HttpClientRequest> upstreamRequest,
            java.util.function.Function<HttpClientRequest, Future<Void>> body) {
        HttpMethod method = rc.request().method();
        java.util.function.Function<HttpClientRequest, Future<Void>> writer = out -> {
            upstreamRequest.set(out);
            return body.apply(out);
        };
        return upstream.exchange(method, uri, headers, writer).recover(first -> {
            if (!(first instanceof UpstreamFailure lost) || !lost.connectionLost() || rc.response().closed()) {
                return Future.failedFuture(first);
            }
            LOG.debugf("%s %s %s: %s; trying once more on a new connection", rc.get(EdgeFilter.REQUEST_ID_KEY), method,
                    rc.request().path(), lost.getMessage());
            return upstream.retry(method, uri, headers, writer).andThen(second -> meters.counter("gateway.upstream.retries",
                    "service", route.service().slug(), "outcome", second.succeeded() ? "answered" : "failed").increment());
        });
    }

    /** Streams the client's body upstream with back-pressure, counting bytes against the limit. */
    private static Future<Void> pump(HttpServerRequest in, HttpClientRequest out, long maxBody) {
        Promise<Void> done = Promise.promise();
        if (!out.headers().contains("Content-Length")) {
            out.setChunked(true);
        }
        long[] seen = { 0 };
        in.handler(chunk -> {
            if (done.future().isComplete()) {
                return;
            }
            seen[0] += chunk.length();
            if (seen[0] > maxBody) {
                done.tryFail(new BodyTooLarge(maxBody));
                return;
            }
            out.write(chunk);
            if (out.writeQueueFull()) {
                in.pause();
                out.drainHandler(v -> in.resume());
            }
        });
        in.exceptionHandler(done::tryFail);
        in.endHandler(v -> {
            if (!done.future().isComplete()) {
                out.end().onComplete(ar -> done.tryComplete());
            }
        });
        in.resume();
        return done.future();
    }

    /** Sends the service's answer back: status, end-to-end headers, the body streamed as it comes. */
    private static void relay(RoutingContext rc, HttpClientResponse in) {
        HttpServerResponse out = rc.response();
        if (out.ended() || out.closed()) {
            in.request().reset();
            return;
        }
        out.setStatusCode(in.statusCode());
        if (in.statusMessage() != null && !in.statusMessage().isEmpty()) {
            out.setStatusMessage(in.statusMessage());
        }
        Headers.fromUpstream(in.headers(), out.headers(), GATEWAY_OWNED);
        int status = in.statusCode();
        boolean bodyless = rc.request().method() == HttpMethod.HEAD || status == 204 || status == 304 || status < 200;
        if (!bodyless && !in.headers().contains("Content-Length")) {
            out.setChunked(true);
        }
        in.pipe().endOnFailure(false).to(out).onFailure(e -> {
            // a truncated body must not look complete: break the connection instead
            LOG.debugf("response stream from upstream broke: %s", e.toString());
            if (!out.ended()) {
                out.reset();
            }
        });
    }

    private static boolean hasBody(HttpServerRequest request) {
        String te = request.getHeader("Transfer-Encoding");
        if (te != null && !te.isBlank()) {
            return true;
        }
        String length = request.getHeader("Content-Length");
        return length != null && !length.trim().equals("0");
    }

    private static String subject(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    private String clientAddress(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        return Headers.ForwardedFor.of(peer(request), request.headers(), request.scheme(), null,
                config.gateway().trustForwardedHeaders()).clientAddress();
    }

    private static String peer(HttpServerRequest request) {
        return request.remoteAddress() != null ? request.remoteAddress().hostAddress() : "unknown";
    }

    private static ProblemException unauthorized(String detail, boolean invalidToken) {
        // RFC 6750 §3: name the error only when a token was presented
        String challenge = "Bearer realm=\"telework\"" + (invalidToken ? ", error=\"invalid_token\"" : "");
        return ProblemType.UNAUTHORIZED.problem(detail).withHeader("WWW-Authenticate", challenge);
    }

    private static void fail(RoutingContext rc, ProblemException e) {
        Problems.send(rc.response(), e, rc.request().path(), false);
    }
}
