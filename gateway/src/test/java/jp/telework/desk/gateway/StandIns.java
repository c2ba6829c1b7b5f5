package jp.telework.desk.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.ConfigProvider;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jp.telework.desk.gateway.routing.Service;

/**
 * Faithful stand-ins of the three services for the gateway's tests: they serve the gateway's paths,
 * answer every call with an echo of what reached them (method, path, query, headers, body length and
 * hash), serve an OpenAPI document at /q/openapi and statistics shaped like the real services'. They
 * can be stopped, restarted on the same port and slowed down.
 */
public final class StandIns {
    private static final Vertx VERTX = Vertx.vertx();
    private static final Map<Service, StandIn> RUNNING = new EnumMap<>(Service.class);

    private StandIns() {
    }

    public static synchronized StandIn get(Service service) {
        return RUNNING.computeIfAbsent(service, s -> {
            String url = ConfigProvider.getConfig().getValue("telework.upstreams." + s.slug(), String.class);
            StandIn standIn = new StandIn(s, URI.create(url).getPort());
            standIn.start();
            return standIn;
        });
    }

    /** Starts all three (idempotent) and makes sure each is up and fast. */
    public static void ready() {
        for (Service s : Service.values()) {
            StandIn standIn = get(s);
            standIn.delay(Duration.ZERO);
            standIn.dropConnections(0);
            standIn.start();
        }
    }

    static synchronized void stopAll() {
        RUNNING.values().forEach(StandIn::stop);
        RUNNING.clear();
    }

    /** What one request looked like when it reached a stand-in. */
    public record Received(String method, String uri, Map<String, List<String>> headers, long bodyLength) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null ? null : values.get(0);
        }
    }

    public static final class StandIn {
        private final Service service;
        private final int port;
        private final ConcurrentLinkedDeque<Received> received = new ConcurrentLinkedDeque<>();
        private volatile long delayMillis;
        private final java.util.concurrent.atomic.AtomicInteger dropping = new java.util.concurrent.atomic.AtomicInteger();
        private HttpServer server;

        StandIn(Service service, int port) {
            this.service = service;
            this.port = port;
        }

        public synchronized void start() {
            if (server != null) {
                return;
            }
            HttpServer s = VERTX.createHttpServer().requestHandler(this::handle);
            try {
                s.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("stand-in " + service + " cannot listen on " + port, e);
            }
            server = s;
        }

        /** Stops listening: connections are refused, as when the service is down. */
        public synchronized void stop() {
            if (server == null) {
                return;
            }
            try {
                server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("stand-in " + service + " did not stop", e);
            }
            server = null;
        }

        public void delay(Duration delay) {
            this.delayMillis = delay.toMillis();
        }

        /**
         * The next {@code requests} requests are received whole and then their connection is closed without
         * an answer, as when the replica that took them dies.
         */
        public void dropConnections(int requests) {
            dropping.set(requests);
        }

        public void clear() {
            received.clear();
            dropping.set(0);
        }

        public List<Received> received() {
            return List.copyOf(received);
        }

        /** The request that carried this X-Request-Id, if it arrived. */
        public Optional<Received> byRequestId(String requestId) {
            return received.stream().filter(r -> requestId.equals(r.header("X-Request-Id"))).findFirst();
        }

        public boolean sawRequestId(String requestId) {
            return byRequestId(requestId).isPresent();
        }

        private void handle(HttpServerRequest request) {
            MessageDigest sha;
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            long[] length = { 0 };
            request.handler(chunk -> {
                length[0] += chunk.length();
                sha.update(chunk.getBytes());
            });
            request.endHandler(v -> {
                Map<String, List<String>> headers = new java.util.TreeMap<>();
                request.headers().forEach(h -> headers.computeIfAbsent(h.getKey().toLowerCase(), k -> new java.util.ArrayList<>())
                        .add(h.getValue()));
                received.add(new Received(request.method().name(), request.uri(), headers, length[0]));
                if (dropping.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    request.connection().close();
                    return;
                }
                String hash = HexFormat.of().formatHex(sha.digest());
                if (delayMillis > 0) {
                    VERTX.setTimer(delayMillis, t -> answer(request, headers, length[0], hash));
                } else {
                    answer(request, headers, length[0], hash);
                }
            });
        }

        private void answer(HttpServerRequest request, Map<String, List<String>> headers, long length, String hash) {
            var response = request.response();
            if (response.closed()) {
                return;
            }
            String path = request.path();
            if (path.equals("/q/openapi")) {
                response.putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("openapi", "3.1.0")
                                .put("info", new JsonObject().put("title", service.slug() + " stand-in").put("version", "1"))
                                .put("paths", new JsonObject()).encode());
                return;
            }
            if (path.equals("/api/v1/" + service.slug() + "/statistics")) {
                response.putHeader("Content-Type", "application/json").end(statistics().encode());
                return;
            }
            JsonObject hdrs = new JsonObject();
            headers.forEach((k, v) -> hdrs.put(k, String.join(",", v)));
            JsonObject echo = new JsonObject()
                    .put("service", service.slug())
                    .put("method", request.method().name())
                    .put("path", path)
                    .put("query", request.query())
                    .put("headers", hdrs)
                    .put("bodyLength", length)
                    .put("bodySha256", hash);
            Buffer body = Buffer.buffer(echo.encode(), StandardCharsets.UTF_8.name());
            // end-to-end and hop-by-hop headers, so the gateway's filtering shows
            response.putHeader("Content-Type", "application/json")
                    .putHeader("X-Total-Count", "42")
                    .putHeader("Keep-Alive", "timeout=5")
                    .putHeader("Connection", "X-Upstream-Hop")
                    .putHeader("X-Upstream-Hop", "only-for-the-next-hop")
                    .putHeader("Proxy-Authenticate", "Basic realm=\"inner\"")
                    .putHeader("Access-Control-Allow-Origin", "*")
                    .putHeader("X-Frame-Options", "SAMEORIGIN");
            if (request.getParam("status") != null) {
                response.setStatusCode(Integer.parseInt(request.getParam("status")));
            }
            if ("chunked".equals(request.getParam("transfer"))) {
                response.setChunked(true).write(body.getBuffer(0, body.length() / 2));
                response.end(body.getBuffer(body.length() / 2, body.length()));
            } else {
                response.end(body);
            }
        }

        /** Shaped like each real service's statistics (see their StatisticsView records). */
        private JsonObject statistics() {
            return switch (service) {
                case CONTACT_POINTS -> new JsonObject()
                        .put("totals", new JsonObject().put("slotsOffered", 120).put("capacity", 240).put("booked", 60).put("utilization", 0.25))
                        .put("byCode", new JsonObject()
                                .put("13", new JsonObject().put("slotsOffered", 40).put("capacity", 80).put("booked", 40).put("utilization", 0.5))
                                .put("27", new JsonObject().put("slotsOffered", 20).put("capacity", 40).put("booked", 10).put("utilization", 0.25)))
                        .put("byRegion", new JsonObject().put("KANTO", new JsonObject().put("booked", 40)));
                case CONSULTATIONS -> new JsonObject()
                        .put("totalBookings", 65)
                        .put("byPrefecture", new JsonObject().put("13", 40).put("27", 25))
                        .put("byTopic", new JsonObject().put("SECURITY", 30).put("ICT_ENVIRONMENT", 50))
                        .put("cancellationRate", 0.125)
                        .put("inquiries", new JsonObject().put("submitted", 42).put("backlog", 5));
                case SEMINARS -> new JsonObject()
                        .put("totals", new JsonObject().put("seminars", 12).put("capacity", 480).put("confirmedSeats", 390)
                                .put("fillRate", 0.8125).put("waitlisted", 14))
                        .put("byRegionMonth", new JsonArray().add(new JsonObject().put("region", "KANTO").put("month", "2026-11")))
                        .put("byPrefecture", new JsonArray()
                                .add(new JsonObject().put("prefecture", "13").put("fillRate", 0.9).put("waitlisted", 10))
                                .add(new JsonObject().put("prefecture", "40").put("fillRate", 0.5).put("waitlisted", 0)));
            };
        }
    }
}
