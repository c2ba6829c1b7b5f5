package jp.telework.desk.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.telework.desk.gateway.routing.Service;

/**
 * A replica that dies with a request: the service received it and closed the connection without an
 * answer. The gateway sends it once more, on a new connection, only when that cannot do anything twice.
 */
@QuarkusTest
class RetryTest extends FreshGateway {
    private static final String BODY = "{\"slotId\":\"6f1c1f9e-8a7b-4c1e-9d3a-2b5e8f0a1c2d\",\"topics\":[\"RULES\"]}";

    @Inject
    MeterRegistry meters;

    private StandIns.StandIn consultations;

    @BeforeEach
    void clean() {
        consultations = StandIns.get(Service.CONSULTATIONS);
        healthyBreaker();
        consultations.clear();
    }

    /**
     * Lost connections count against the service's breaker (a retried request too: its first attempt
     * failed): after the test the breaker must be closed with a window of successes again, so neither the
     * next test here nor another test class meets it open.
     */
    @AfterEach
    void healthyBreaker() {
        StandIns.get(Service.CONSULTATIONS).dropConnections(0);
        await().atMost(15, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200))
                .until(() -> given().when().get("/api/v1/slots").statusCode() == 200);
        for (int i = 0; i < 20; i++) {
            given().when().get("/api/v1/slots").then().statusCode(200);
        }
    }

    @Test
    void aReadWhoseConnectionDiedIsAnsweredFromASecondAttempt() {
        double before = retries("answered");
        consultations.dropConnections(1);
        Response response = given().when().get("/api/v1/slots?prefecture=13");
        response.then().statusCode(200).body("path", equalTo("/api/v1/slots"));
        List<StandIns.Received> got = consultations.received();
        assertEquals(2, got.size(), "the first attempt and the retry");
        assertEquals(got.get(0).header("X-Request-Id"), got.get(1).header("X-Request-Id"), "one request, twice");
        assertEquals(response.header("X-Request-Id"), got.get(1).header("X-Request-Id"));
        assertEquals(before + 1, retries("answered"));
    }

    @Test
    void aWriteWithAnIdempotencyKeyIsSentAgainWithTheSameBodyAndKey() {
        consultations.dropConnections(1);
        given().auth().oauth2(Tokens.of("sme-a")).contentType("application/json").header("Idempotency-Key", "retry-key-1")
                .body(BODY).when().post("/api/v1/consultations")
                .then().statusCode(200).body("method", equalTo("POST"))
                .body("bodyLength", equalTo(BODY.length()))
                .body("headers.idempotency-key", equalTo("retry-key-1"));
        List<StandIns.Received> got = consultations.received();
        assertEquals(2, got.size());
        for (StandIns.Received r : got) {
            assertEquals(BODY.length(), r.bodyLength(), "the whole body each time");
            assertEquals("retry-key-1", r.header("Idempotency-Key"));
            assertEquals(Integer.toString(BODY.length()), r.header("Content-Length"));
        }
    }

    @Test
    void aWriteWithoutAKeyIsNeverSentTwice() {
        consultations.dropConnections(1);
        given().auth().oauth2(Tokens.of("sme-a")).contentType("application/json").body(BODY)
                .when().post("/api/v1/consultations")
                .then().statusCode(502).contentType("application/problem+json")
                .body("type", equalTo("urn:telework:problem:bad-gateway"));
        assertEquals(1, consultations.received().size(), "it may have been committed before the connection died");
    }

    @Test
    void aSecondLostConnectionIsNotRetriedAgain() {
        double before = retries("failed");
        consultations.dropConnections(5);
        given().when().get("/api/v1/slots").then().statusCode(502).contentType("application/problem+json");
        assertEquals(2, consultations.received().size(), "once more, not more");
        assertEquals(before + 1, retries("failed"));
    }

    @Test
    void aTimeoutIsNotRetried() {
        consultations.delay(Duration.ofMillis(ResilienceTest.TIMEOUT_MILLIS + 500));
        try {
            given().when().get("/api/v1/slots").then().statusCode(504);
            assertTrue(consultations.received().size() == 1, "the service may still be working on it");
        } finally {
            consultations.delay(Duration.ZERO);
        }
    }

    private double retries(String outcome) {
        var counter = meters.find("gateway.upstream.retries").tag("service", "consultations").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
