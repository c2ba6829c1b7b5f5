package jp.telework.desk.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import jp.telework.desk.gateway.config.GatewayConfig;
import jp.telework.desk.gateway.routing.Service;

/**
 * The two waits of an upstream call, against a real HTTP server on loopback: the wait for one of the
 * pooled connections (a burst queued in the gateway) and the upstream's own answer time.
 */
class UpstreamClientTest {
    private Vertx vertx;
    private HttpServer server;
    private volatile long delayMillis;
    private UpstreamClient client;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(req -> vertx.setTimer(delayMillis,
                t -> req.response().putHeader("Content-Type", "text/plain").end("ok")));
        server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private UpstreamClient client(int maxConnections, Duration responseTimeout, Duration queueTimeout) {
        client = new UpstreamClient(Service.SEMINARS, "http://127.0.0.1:" + server.actualPort(),
                settings(maxConnections, responseTimeout, queueTimeout), vertx);
        return client;
    }

    /** Sends {@code n} calls at once; each ends as an HTTP status or the failure's status. */
    private List<Integer> burst(int n) throws Exception {
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(client.exchange(HttpMethod.GET, "/api/v1/seminars", MultiMap.caseInsensitiveMultiMap(), HttpClientRequest::end)
                    .map(r -> r.statusCode())
                    .recover(e -> io.vertx.core.Future.succeededFuture(assertInstanceOf(UpstreamFailure.class, e).status()))
                    .toCompletionStage().toCompletableFuture());
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> c : calls) {
            statuses.add(c.get(30, TimeUnit.SECONDS));
        }
        return statuses;
    }

    @Test
    void waitingForAPooledConnectionDoesNotCountAgainstTheResponseTimeout() throws Exception {
        delayMillis = 300;
        client(1, Duration.ofMillis(800), Duration.ofSeconds(10));
        // one connection, six calls of 300 ms: the last waits ~1.5 s in the queue, longer than the response timeout
        assertEquals(List.of(200, 200, 200, 200, 200, 200), burst(6));
        assertEquals(CircuitBreaker.State.CLOSED, client.breaker().state());
    }

    @Test
    void aQueueWaitBeyondTheQueueTimeoutIs503AndNotHeldAgainstTheUpstream() throws Exception {
        delayMillis = 1000;
        client(1, Duration.ofSeconds(3), Duration.ofMillis(200));
        long started = System.nanoTime();
        List<Integer> statuses = burst(8);
        assertEquals(200, statuses.get(0));
        assertEquals(List.of(503, 503, 503, 503, 503, 503, 503), statuses.subList(1, 8));
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(3));
        // seven "busy" answers in a window of 20 with 5 minimum calls would have opened a counting breaker
        assertEquals(CircuitBreaker.State.CLOSED, client.breaker().state());
    }

    @Test
    void anUpstreamSlowerThanTheResponseTimeoutIs504AndCounts() throws Exception {
        delayMillis = 1500;
        client(8, Duration.ofMillis(300), Duration.ofSeconds(10));
        assertEquals(List.of(504, 504, 504, 504, 504, 504), burst(6));
        assertEquals(CircuitBreaker.State.OPEN, client.breaker().state());
    }

    private static GatewayConfig.UpstreamResilience settings(int maxConnections, Duration responseTimeout, Duration queueTimeout) {
        GatewayConfig.CircuitBreakerSettings breaker = new GatewayConfig.CircuitBreakerSettings() {
            public int window() {
                return 20;
            }

            public int minimumCalls() {
                return 5;
            }

            public double failureRatio() {
                return 0.5;
            }

            public Duration openFor() {
                return Duration.ofSeconds(30);
            }
        };
        return new GatewayConfig.UpstreamResilience() {
            public Duration connectTimeout() {
                return Duration.ofSeconds(1);
            }

            public Duration responseTimeout() {
                return responseTimeout;
            }

            public Duration queueTimeout() {
                return queueTimeout;
            }

            public Duration idleTimeout() {
                return Duration.ofSeconds(30);
            }

            public int maxConnections() {
                return maxConnections;
            }

            public int maxWaitQueue() {
                return 100;
            }

            public GatewayConfig.CircuitBreakerSettings circuitBreaker() {
                return breaker;
            }
        };
    }
}
