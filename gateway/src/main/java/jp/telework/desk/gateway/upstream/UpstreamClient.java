package jp.telework.desk.gateway.upstream;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.MultiMap;
import jp.telework.desk.gateway.config.GatewayConfig;
import jp.telework.desk.gateway.routing.Service;

/**
 * One upstream service: a pooled, keep-alive Vert.x HTTP client, its timeouts and its circuit breaker.
 * Every call goes through {@link #exchange}, which reports each call's outcome to the breaker exactly once.
 */
public final class UpstreamClient {
    private final Service service;
    private final Vertx vertx;
    private final HttpClient client;
    /** Never pooled: a retry goes out on a connection of its own (see {@link #retry}). */
    private final HttpClient freshConnections;
    private final CircuitBreaker breaker;
    private final String host;
    private final int port;
    private final boolean ssl;
    private final long responseTimeoutMillis;
    private final long idleTimeoutMillis;
    private final long queueTimeoutMillis;

    public UpstreamClient(Service service, String baseUrl, GatewayConfig.UpstreamResilience settings, Vertx vertx) {
        this.service = service;
        this.vertx = vertx;
        URI uri = URI.create(baseUrl);
        if (uri.getHost() == null || uri.getScheme() == null) {
            throw new IllegalArgumentException("upstream " + service.slug() + ": not an absolute URL: " + baseUrl);
        }
        this.host = uri.getHost();
        this.ssl = "https".equalsIgnoreCase(uri.getScheme());
        this.port = uri.getPort() > 0 ? uri.getPort() : (ssl ? 443 : 80);
        this.responseTimeoutMillis = settings.responseTimeout().toMillis();
        this.idleTimeoutMillis = settings.idleTimeout().toMillis();
        this.queueTimeoutMillis = settings.queueTimeout().toMillis();
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setKeepAliveTimeout(30)
                .setSsl(ssl)
                .setDecompressionSupported(false) // bodies pass through as the service encoded them
                .setName("upstream-" + service.slug());
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(settings.maxConnections())
                .setMaxWaitQueueSize(settings.maxWaitQueue());
        this.client = vertx.createHttpClient(options, pool);
        this.freshConnections = vertx.createHttpClient(new HttpClientOptions(options).setKeepAlive(false)
                .setName("upstream-" + service.slug() + "-retry"), new PoolOptions(pool));
        GatewayConfig.CircuitBreakerSettings cb = settings.circuitBreaker();
        this.breaker = new CircuitBreaker(cb.window(), cb.minimumCalls(), cb.failureRatio(), cb.openFor(), System::nanoTime);
    }

    public Service service() {
        return service;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    /**
     * Sends one request. The returned future completes with the response once its headers arrived
     * (within the response timeout), or fails with an {@link UpstreamFailure}, or with whatever the
     * body writer failed with (e.g. the client's body was too large; not counted against the upstream).
     *
     * @param body writes and ends the request body
     */
    public Future<HttpClientResponse> exchange(HttpMethod method, String uri, MultiMap headers,
            Function<HttpClientRequest, Future<Void>> body) {
        return exchange(client, method, uri, headers, body);
    }

    /**
     * Sends a request again after its first attempt {@linkplain UpstreamFailure#connectionLost() lost its
     * connection}, on a new connection (never a pooled one, which may lead to the same dead replica; behind a
     * Kubernetes Service a new connection is balanced afresh). Only the caller knows whether a second
     * attempt is safe.
     */
    public Future<HttpClientResponse> retry(HttpMethod method, String uri, MultiMap headers,
            Function<HttpClientRequest, Future<Void>> body) {
        return exchange(freshConnections, method, uri, headers, body);
    }

    private Future<HttpClientResponse> exchange(HttpClient via, HttpMethod method, String uri, MultiMap headers,
            Function<HttpClientRequest, Future<Void>> body) {
        if (!breaker.tryAcquire()) {
            return Future.failedFuture(UpstreamFailure.circuitOpen(service, breaker.retryAfter()));
        }
        Promise<HttpClientResponse> result = Promise.promise();
        AtomicBoolean settled = new AtomicBoolean();
        // the connect timeout of a request is the wait for a pooled connection (queue included)
        RequestOptions options = new RequestOptions().setMethod(method).setHost(host).setPort(port).setSsl(ssl)
                .setURI(uri).setHeaders(headers).setIdleTimeout(idleTimeoutMillis).setConnectTimeout(queueTimeoutMillis);
        via.request(options).onComplete(ar -> {
            if (ar.failed()) {
                if (ar.cause() instanceof TimeoutException || ar.cause() instanceof ConnectionPoolTooBusyException) {
                    // the gateway's own backlog: the upstream answered all it was given, so not held against it
                    if (result.tryFail(UpstreamFailure.busy(service))) {
                        settle(settled, Outcome.IGNORED);
                    }
                } else if (result.tryFail(UpstreamFailure.classify(service, ar.cause()))) {
                    settle(settled, Outcome.FAILURE);
                }
                return;
            }
            HttpClientRequest request = ar.result();
            // failures surface through the response future; no second report (and no error log) here
            request.exceptionHandler(e -> {
            });
            // the response timeout runs from here: the upstream has the request
            long timer = vertx.setTimer(responseTimeoutMillis, t -> {
                if (result.tryFail(UpstreamFailure.timeout(service))) {
                    settle(settled, Outcome.FAILURE);
                    request.reset();
                }
            });
            request.response().onComplete(rar -> {
                vertx.cancelTimer(timer);
                if (rar.failed()) {
                    if (result.tryFail(UpstreamFailure.classify(service, rar.cause()))) {
                        settle(settled, abandoned(rar.cause()) ? Outcome.IGNORED : Outcome.FAILURE);
                    }
                    return;
                }
                HttpClientResponse response = rar.result();
                if (result.tryComplete(response)) {
                    int status = response.statusCode();
                    settle(settled, status == 502 || status == 503 || status == 504 ? Outcome.FAILURE : Outcome.SUCCESS);
                } else {
                    response.request().reset();
                }
            });
            body.apply(request).onFailure(err -> {
                // the client side gave up (body too large, connection lost): says nothing about the upstream
                vertx.cancelTimer(timer);
                if (result.tryFail(err)) {
                    settle(settled, Outcome.IGNORED);
                }
                request.reset();
            });
        });
        return result.future();
    }

    /**
     * Stops a call because the client went away. Not held against the upstream: a load generator
     * closing its connections at the end of a run would otherwise open the breaker for everyone.
     */
    public static void abandon(HttpClientRequest request) {
        request.reset(0, ClientGone.INSTANCE);
    }

    private static boolean abandoned(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t == ClientGone.INSTANCE) {
                return true;
            }
        }
        return false;
    }

    private static final class ClientGone extends RuntimeException {
        static final ClientGone INSTANCE = new ClientGone();

        private ClientGone() {
            super("the client went away", null, false, false);
        }
    }

    /** GET a small document (e.g. statistics) and read it whole, refusing more than {@code maxBytes}. */
    public Future<Fetched> fetch(String uri, MultiMap headers, long maxBytes) {
        return exchange(HttpMethod.GET, uri, headers, HttpClientRequest::end).compose(response -> {
            Promise<Fetched> done = Promise.promise();
            Buffer buffer = Buffer.buffer();
            response.exceptionHandler(e -> done.tryFail(UpstreamFailure.classify(service, e)));
            response.handler(chunk -> {
                if (buffer.length() + chunk.length() > maxBytes) {
                    if (done.tryFail(new UpstreamFailure(UpstreamFailure.Kind.BAD_GATEWAY, service,
                            "the " + service.slug() + " service answered more than " + maxBytes + " bytes", null))) {
                        response.request().reset();
                    }
                } else {
                    buffer.appendBuffer(chunk);
                }
            });
            response.endHandler(v -> done.tryComplete(new Fetched(response.statusCode(), response.getHeader("Content-Type"), buffer)));
            return done.future();
        });
    }

    public record Fetched(int status, String contentType, Buffer body) {
    }

    public void close() {
        client.close();
        freshConnections.close();
    }

    private enum Outcome {
        SUCCESS, FAILURE, IGNORED
    }

    private void settle(AtomicBoolean settled, Outcome outcome) {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        switch (outcome) {
            case SUCCESS -> breaker.onSuccess();
            case FAILURE -> breaker.onFailure();
            case IGNORED -> breaker.onIgnored();
        }
    }

    public Duration responseTimeout() {
        return Duration.ofMillis(responseTimeoutMillis);
    }
}
