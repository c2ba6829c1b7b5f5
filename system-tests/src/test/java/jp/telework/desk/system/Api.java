package jp.telework.desk.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Requests through the gateway, as anonymous caller or with a real Keycloak token, and what every answer must look like. */
final class Api {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final String PROBLEM = "application/problem+json";

    /** Traces of internals that must never reach a client: stack frames, class names, SQL, drivers, addresses. */
    private static final Pattern LEAK = Pattern.compile(
            "(?i)(\\bat [a-z0-9_.$]+\\([A-Za-z0-9_]+\\.java:\\d+\\)|java\\.lang\\.|java\\.sql\\.|org\\.hibernate|org\\.postgresql|"
                    + "io\\.vertx|io\\.quarkus|io\\.smallrye|com\\.fasterxml|jakarta\\.|PSQLException|SQLState|jdbc:|"
                    + "\\bselect\\s.+\\sfrom\\s|127\\.0\\.0\\.1|localhost:)");

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static final RestAssuredConfig CONFIG = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset("UTF-8")
                    .appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private Api() {
    }

    static RequestSpecification anonymous() {
        return given().config(CONFIG).baseUri(SystemStack.gateway()).accept(ContentType.JSON);
    }

    /** A demo user ({@code sme-a}, {@code assoc-tokyo}, {@code secretariat}, ...) or {@code dashboard}. */
    static RequestSpecification as(String user) {
        return withToken(SystemStack.token(user));
    }

    static RequestSpecification withToken(String token) {
        return anonymous().header("Authorization", "Bearer " + token);
    }

    static RequestSpecification json(RequestSpecification spec, Object body) {
        return spec.contentType(ContentType.JSON).body(body);
    }

    static LocalDate today() {
        return LocalDate.now(TOKYO);
    }

    /** Bounded polling for something the system does asynchronously (events between services). */
    static org.awaitility.core.ConditionFactory eventually() {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(400))
                .pollDelay(Duration.ZERO).ignoreExceptions();
    }

    /** An RFC 9457 answer with this status, with a problem type of ours and nothing internal in it. */
    static void assertProblem(Response r, int status) {
        assertEquals(status, r.statusCode(), () -> "status; body: " + r.asString());
        assertProblemShape(r);
    }

    /** A 4xx problem+json (never a 5xx) with nothing internal in it. */
    static void assertClientProblem(Response r, String what) {
        int s = r.statusCode();
        assertTrue(s >= 400 && s < 500, () -> what + ": expected a 4xx, got " + s + ": " + abbreviate(r.asString()));
        assertProblemShape(r, what);
    }

    static void assertProblemShape(Response r) {
        assertProblemShape(r, "answer");
    }

    static void assertProblemShape(Response r, String what) {
        String body = r.asString();
        String contentType = r.contentType();
        assertAll(what,
                () -> assertNotNull(contentType, "Content-Type"),
                () -> assertTrue(contentType != null && contentType.startsWith(PROBLEM),
                        () -> what + ": Content-Type " + contentType + " (status " + r.statusCode() + "): " + abbreviate(body)),
                () -> assertEquals(r.statusCode(), (Integer) r.path("status"), () -> what + ": status member: " + abbreviate(body)),
                () -> assertTrue(String.valueOf((Object) r.path("type")).startsWith("urn:telework:problem:"),
                        () -> what + ": type: " + abbreviate(body)),
                () -> assertNotNull(r.path("title"), () -> what + ": title"),
                () -> assertFalse(LEAK.matcher(body).find(), () -> what + ": internals leaked: " + abbreviate(body)));
    }

    static String abbreviate(String s) {
        return s == null ? "null" : s.length() <= 600 ? s : s.substring(0, 600) + "... (" + s.length() + " chars)";
    }
}
