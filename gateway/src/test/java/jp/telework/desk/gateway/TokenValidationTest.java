package jp.telework.desk.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jp.telework.desk.infra.KeycloakTokens;
import jp.telework.desk.infra.test.Jwt;
import jp.telework.desk.infra.test.TestInfra;
import jp.telework.desk.gateway.routing.Service;

/** Tokens the gateway must refuse itself (401 problem+json, the service never called), and one it must keep accepting. */
@QuarkusTest
class TokenValidationTest {
    static final String PROTECTED = "/api/v1/consultations";
    static final String PUBLIC = "/api/v1/slots";

    @BeforeEach
    void upstreamsUp() {
        StandIns.ready();
    }

    @Test
    void forgedSignatureIs401() {
        assertRefused(Jwt.forgedSignature(Tokens.of("sme-a")));
    }

    @Test
    void algNoneIs401() {
        assertRefused(Jwt.algNone(Tokens.of("secretariat")));
    }

    @Test
    void tamperedClaimsAre401() {
        String token = Tokens.of("assoc-tokyo");
        String claims = Jwt.claims(token).toString().replace("\"prefecture\":\"13\"", "\"prefecture\":\"27\"");
        assertRefused(Jwt.withClaims(token, claims));
    }

    @Test
    void anotherIssuerIs401() {
        // the same Keycloak and realm keys, asked under another host name: a correctly signed token whose
        // issuer is not the one the gateway trusts
        String issuer = ConfigProvider.getConfig().getValue("telework.test.keycloak.issuer", String.class);
        String otherIssuer = issuer.replace("127.0.0.1", "localhost");
        String token = new KeycloakTokens(otherIssuer).password("secretariat");
        assertNotEquals(issuer, Jwt.claims(token).get("iss").asText());
        assertRefused(token);
    }

    @Test
    void anotherAudienceIs401() {
        // admin-cli is a built-in client of the realm without the telework-api audience mapper
        String token = TestInfra.tokens().password("admin-cli", "secretariat");
        assertFalse(Jwt.claims(token).path("aud").toString().contains("telework-api"), Jwt.claims(token).toString());
        assertRefused(token);
    }

    @Test
    void expiredTokenIs401() {
        String shortLived = TestInfra.tokens().password(KeycloakTokens.SHORT_LIVED_CLIENT, "sme-a");
        given().auth().oauth2(shortLived).when().get(PROTECTED).then().statusCode(200);
        await().atMost(15, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(300)).until(
                () -> given().auth().oauth2(shortLived).when().get(PROTECTED).statusCode() == 401);
        assertRefused(shortLived);
    }

    @Test
    void otherSchemesAndGarbageAre401() {
        for (String authorization : List.of("Basic c2VjcmV0YXJpYXQ6ZGVtbw==", "Bearer", "Bearer not.a.jwt", "Token abc")) {
            String requestId = "tok-" + UUID.randomUUID();
            given().header("Authorization", authorization).header("X-Request-Id", requestId)
                    .when().get(PROTECTED)
                    .then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer"));
            assertFalse(StandIns.get(Service.CONSULTATIONS).sawRequestId(requestId), authorization);
        }
    }

    /**
     * Keycloak frozen (SIGSTOP: its port accepts nothing any more): tokens signed with keys the gateway
     * already holds are still validated locally; broken ones are still refused, without hanging.
     */
    @Test
    void keycloakBrieflyUnreachableDoesNotBreakKnownKeys() throws Exception {
        String token = Tokens.of("secretariat");
        given().auth().oauth2(token).when().get(PROTECTED).then().statusCode(200); // the key is known now
        String issuer = ConfigProvider.getConfig().getValue("telework.test.keycloak.issuer", String.class);
        List<ProcessHandle> keycloak = keycloakProcesses(URI.create(issuer).getPort());
        assertFalse(keycloak.isEmpty(), "the test's Keycloak process was not found");
        signal("STOP", keycloak);
        try {
            assertFalse(reachable(issuer), "Keycloak should not answer while stopped");
            long started = System.nanoTime();
            given().auth().oauth2(token).when().get(PROTECTED).then().statusCode(200);
            given().auth().oauth2(Jwt.forgedSignature(token)).when().get(PROTECTED).then().statusCode(401)
                    .contentType("application/problem+json");
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(millis < 3000, "validation waited for Keycloak: " + millis + " ms");
        } finally {
            signal("CONT", keycloak);
        }
        await().atMost(30, TimeUnit.SECONDS).until(() -> reachable(issuer));
    }

    private static void assertRefused(String token) {
        for (String path : List.of(PROTECTED, PUBLIC)) {
            String requestId = "tok-" + UUID.randomUUID();
            given().auth().oauth2(token).header("X-Request-Id", requestId)
                    .when().get(path)
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                    .body("status", equalTo(401))
                    .body("type", equalTo("urn:telework:problem:unauthorized"));
            assertFalse(StandIns.get(Service.CONSULTATIONS).sawRequestId(requestId), "the service was called for " + path);
        }
    }

    /**
     * The Keycloak behind the issuer (the process started with the issuer's port, and its children):
     * the build's shared Keycloak, started by the test-infra keeper, or one this test JVM started.
     */
    private static List<ProcessHandle> keycloakProcesses(int port) {
        List<ProcessHandle> found = new ArrayList<>();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("--http-port=" + port)).orElse(false))
                .forEach(p -> {
                    found.add(p);
                    p.descendants().forEach(found::add);
                });
        return found;
    }

    private static void signal(String signal, List<ProcessHandle> processes) throws IOException, InterruptedException {
        for (ProcessHandle p : processes) {
            new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static boolean reachable(String issuer) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(issuer)).timeout(Duration.ofSeconds(1)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
