package jp.telework.desk.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;


import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jp.telework.desk.gateway.routing.Service;
import java.util.HexFormat;
import java.security.MessageDigest;
import java.io.OutputStream;

/** What the gateway does to requests and responses on the way through. */
@QuarkusTest
class ProxyBehaviourTest extends FreshGateway {
    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TestHTTPResource("/")
    URL gateway;


    @Test
    void aRequestIdIsGeneratedAndReachesTheService() {
        Response r = given().when().get("/api/v1/contact-points?region=KANTO");
        r.then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
        String id = r.header("X-Request-Id");
        var seen = StandIns.get(Service.CONTACT_POINTS).byRequestId(id);
        assertTrue(seen.isPresent(), "the service did not get the request id " + id);
        assertEquals("/api/v1/contact-points?region=KANTO", seen.get().uri());
    }

    @Test
    void aSaneClientRequestIdIsKeptAnInsaneOneReplaced() {
        String mine = "portal-" + UUID.randomUUID();
        given().header("X-Request-Id", mine).when().get("/api/v1/seminars").then().statusCode(200).header("X-Request-Id", mine);
        assertTrue(StandIns.get(Service.SEMINARS).sawRequestId(mine));

        for (String insane : List.of("x".repeat(300), "two words", "<script>", "line\tbreak")) {
            given().header("X-Request-Id", insane).when().get("/api/v1/seminars")
                    .then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
        }
        // errors carry it too
        given().header("X-Request-Id", mine).when().get("/api/v1/nothing").then().statusCode(404).header("X-Request-Id", mine);
    }

    @Test
    void hopByHopHeadersAreStrippedBothWaysAndForwardingHeadersSet() throws Exception {
        String id = "hop-" + UUID.randomUUID();
        Vertx vertx = Vertx.vertx();
        try {
            HttpClient client = vertx.createHttpClient();
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
                    .setPort(gateway.getPort()).setURI("/api/v1/contact-points/13")
                    .putHeader("X-Request-Id", id)
                    .putHeader("Connection", "keep-alive, X-Client-Hop")
                    .putHeader("X-Client-Hop", "for-the-gateway-only")
                    .putHeader("Keep-Alive", "timeout=5")
                    .putHeader("Proxy-Authorization", "Basic c2VjcmV0")
                    .putHeader("TE", "trailers")
                    .putHeader("X-Forwarded-For", "203.0.113.9")
                    .putHeader("X-Forwarded-Host", "evil.example")
                    .putHeader("Forwarded", "for=203.0.113.9")
                    .putHeader("X-End-To-End", "kept");
            HttpClientResponse[] holder = new HttpClientResponse[1];
            Buffer body = client.request(options).compose(req -> req.send()).compose(resp -> {
                holder[0] = resp;
                return resp.body();
            }).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            HttpClientResponse response = holder[0];
            assertEquals(200, response.statusCode(), body.toString());

            // towards the service
            StandIns.Received seen = StandIns.get(Service.CONTACT_POINTS).byRequestId(id).orElseThrow();
            for (String hop : List.of("x-client-hop", "keep-alive", "proxy-authorization", "te", "forwarded")) {
                assertNull(seen.header(hop), hop + " reached the service: " + seen.headers());
            }
            String connection = seen.header("connection");
            assertTrue(connection == null || !connection.toLowerCase().contains("x-client-hop"), "Connection: " + connection);
            assertEquals("kept", seen.header("x-end-to-end"));
            assertEquals("127.0.0.1", seen.header("x-forwarded-for"), "client-supplied X-Forwarded-For must not be trusted");
            assertEquals("http", seen.header("x-forwarded-proto"));
            assertEquals("127.0.0.1:" + gateway.getPort(), seen.header("x-forwarded-host"));
            assertEquals("127.0.0.1:" + StandInPortsView.port(Service.CONTACT_POINTS), seen.header("host"));

            // back to the client
            assertNull(response.getHeader("X-Upstream-Hop"), "a header the service's Connection named leaked");
            assertNull(response.getHeader("Keep-Alive"));
            assertNull(response.getHeader("Proxy-Authenticate"));
            String back = response.getHeader("Connection");
            assertTrue(back == null || !back.contains("X-Upstream-Hop"), "Connection: " + back);
            assertNull(response.getHeader("Access-Control-Allow-Origin"), "CORS is the gateway's, not the service's");
            assertEquals("42", response.getHeader("X-Total-Count"), "end-to-end headers pass");
            assertEquals("DENY", response.getHeader("X-Frame-Options"), "the gateway's security headers win");
            assertEquals(id, response.getHeader("X-Request-Id"));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void securityHeadersOnEveryResponse() {
        for (Response r : List.of(
                given().when().get("/api/v1/contact-points"), // proxied
                given().when().get("/api/v1/consultations"), // 401 from the gateway
                given().when().get("/api/v1/nothing"), // 404 from the gateway
                given().when().get("/q/openapi"), // the gateway's own
                given().auth().oauth2(Tokens.of("secretariat")).when().get("/api/v1/dashboard/overview"))) {
            r.then().header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Content-Security-Policy", notNullValue())
                    .header("Referrer-Policy", "no-referrer")
                    .header("Strict-Transport-Security", notNullValue())
                    .header("X-Request-Id", notNullValue());
        }
    }

    @Test
    void corsForPortalOriginsOnly() {
        given().header("Origin", "http://127.0.0.1:3000").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .when().options("/api/v1/consultations")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://127.0.0.1:3000")
                .header("X-Content-Type-Options", "nosniff");
        given().header("Origin", "http://127.0.0.1:3000").when().get("/api/v1/seminars")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "http://127.0.0.1:3000")
                .header("Access-Control-Expose-Headers", org.hamcrest.Matchers.containsString("X-Total-Count"));
        given().header("Origin", "http://attacker.example").header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/consultations")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void bodiesAreStreamedThroughIntactUpToTheLimit() throws Exception {
        byte[] body = new byte[60 * 1024];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('a' + i % 26);
        }
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        String token = Tokens.of("sme-a");
        // with a Content-Length
        given().auth().oauth2(token).contentType("application/json").body(body)
                .when().post("/api/v1/consultations")
                .then().statusCode(200).body("bodyLength", equalTo(body.length)).body("bodySha256", equalTo(sha))
                .body("method", equalTo("POST"));
        // chunked
        HttpURLConnection c = chunkedPost("/api/v1/consultations", token, body);
        assertEquals(200, c.getResponseCode());
        String answer = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(answer.contains(sha), answer);
    }

    @Test
    void expectContinueIsAnsweredByTheGateway() throws Exception {
        String id = "continue-" + UUID.randomUUID();
        Vertx vertx = Vertx.vertx();
        try {
            HttpClient client = vertx.createHttpClient();
            String body = "{\"note\":\"sent after 100 Continue\"}";
            String answer = client.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
                    .setPort(gateway.getPort()).setURI("/api/v1/consultations")
                    .putHeader("Authorization", "Bearer " + Tokens.of("sme-a"))
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Content-Length", Integer.toString(body.length()))
                    .putHeader("Expect", "100-continue")
                    .putHeader("X-Request-Id", id))
                    .compose(req -> {
                        req.continueHandler(v -> req.end(body));
                        return req.sendHead().compose(v -> req.response());
                    })
                    .compose(resp -> resp.body().map(b -> resp.statusCode() + " " + b))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertTrue(answer.startsWith("200 "), answer);
            StandIns.Received seen = StandIns.get(Service.CONSULTATIONS).byRequestId(id).orElseThrow();
            assertEquals(body.length(), seen.bodyLength());
            assertNull(seen.header("Expect"));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void upstreamCallsAreMeasured() {
        given().when().get("/api/v1/seminars").then().statusCode(200);
        given().when().get(management("metrics")).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("gateway_upstream_requests_seconds_count{outcome=\"200\",route=\"seminars-public\",service=\"seminars\"}"));
    }

    @Test
    void tooLargeBodiesAre413ProblemJson() throws Exception {
        byte[] body = new byte[65 * 1024 + 1];
        String token = Tokens.of("sme-a");
        String id = "big-" + UUID.randomUUID();
        given().auth().oauth2(token).header("X-Request-Id", id).contentType("application/json").body(body)
                .when().post("/api/v1/consultations")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:telework:problem:payload-too-large"));
        assertFalse(StandIns.get(Service.CONSULTATIONS).sawRequestId(id));
        // chunked, so the size is only known while streaming
        HttpURLConnection c = chunkedPost("/api/v1/consultations", token, body);
        assertEquals(413, c.getResponseCode());
        assertTrue(c.getContentType().startsWith("application/problem+json"), c.getContentType());
        try (InputStream err = c.getErrorStream()) {
            assertTrue(new String(err.readAllBytes(), StandardCharsets.UTF_8).contains("payload-too-large"));
        }
    }

    @Test
    void statusHeadersAndChunkedAnswersPassThrough() {
        given().when().get("/api/v1/seminars?status=418").then().statusCode(418).body("service", equalTo("seminars"));
        given().when().get("/api/v1/seminars?transfer=chunked").then().statusCode(200).body("service", equalTo("seminars"))
                .header("X-Total-Count", "42");
        given().when().head("/api/v1/seminars").then().statusCode(200);
    }

    @Test
    void pathsMustBeInNormalForm() throws Exception {
        String id = "path-" + UUID.randomUUID();
        for (String sneaky : List.of("/api/v1/slots/../consultations", "/api/v1/slots/%2e%2e/consultations",
                "/api/v1/slots/x%2Fy", "/api/v1/slots/x%5Cy")) {
            // sent as is (no client-side normalization)
            HttpURLConnection c = (HttpURLConnection) new URL("http", "127.0.0.1", gateway.getPort(), sneaky).openConnection();
            c.setRequestProperty("X-Request-Id", id);
            assertEquals(400, c.getResponseCode(), sneaky);
            assertTrue(c.getContentType().startsWith("application/problem+json"), sneaky + " -> " + c.getContentType());
        }
        assertFalse(StandIns.get(Service.CONSULTATIONS).sawRequestId(id));
    }

    @Test
    void theGatewaysOwnUnknownPathsAreProblemJsonToo() {
        given().when().get("/no-such-page").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/no-such-service/x").then().statusCode(404).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("urn:telework:problem:not-found"));
        // a known route with a method it does not take: 405 naming the methods it does (RFC 9110 §15.5.6)
        given().auth().oauth2(Tokens.of("secretariat")).when().post("/api/v1/dashboard/overview")
                .then().statusCode(405).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("urn:telework:problem:method-not-allowed"))
                .header("Allow", org.hamcrest.Matchers.equalTo("GET, HEAD"));
        given().when().delete("/api/v1/openapi/seminars").then().statusCode(405).header("Allow", org.hamcrest.Matchers.equalTo("GET, HEAD"));
    }

    private HttpURLConnection chunkedPost(String path, String token, byte[] body) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + gateway.getPort() + path).toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setChunkedStreamingMode(4096);
        c.setRequestProperty("Authorization", "Bearer " + token);
        c.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = c.getOutputStream()) {
            out.write(body);
        } catch (java.io.IOException e) {
            // the gateway may close the connection once it has refused the body
        }
        assertNotNull(c.getHeaderField("X-Request-Id"));
        return c;
    }

    /** The stand-ins' ports, as configured. */
    static final class StandInPortsView {
        static int port(Service s) {
            return URI.create(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getValue("telework.upstreams." + s.slug(), String.class)).getPort();
        }
    }
}
