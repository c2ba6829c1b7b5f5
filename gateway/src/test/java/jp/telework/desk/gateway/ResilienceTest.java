package jp.telework.desk.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.telework.desk.gateway.routing.Service;
import jp.telework.desk.gateway.upstream.CircuitBreaker;
import jp.telework.desk.gateway.upstream.Upstreams;

/** One service down or slow: its routes fail fast with problem+json, everything else keeps working. */
@QuarkusTest
class ResilienceTest extends FreshGateway {
    /** %test response timeout of every upstream. */
    static final long TIMEOUT_MILLIS = 1000;

    @Inject
    Upstreams upstreams;

    @TestHTTPResource("/")
    URL gateway;

    @AfterEach
    void recover() {
        StandIns.ready();
        // whatever the breakers learnt, the gateway must come back by itself
        for (String path : new String[] { "/api/v1/slots", "/api/v1/seminars", "/api/v1/contact-points" }) {
            await().atMost(15, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(250))
                    .until(() -> given().when().get(path).statusCode() == 200);
        }
    }

    @Test
    void aStoppedServiceAnswers503FastWhileTheOthersAnswer200() {
        StandIns.get(Service.CONSULTATIONS).stop();

        long started = System.nanoTime();
        Response down = given().when().get("/api/v1/slots?prefecture=13");
        long millis = (System.nanoTime() - started) / 1_000_000;
        down.then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:telework:problem:upstream-unavailable"))
                .body("status", equalTo(503))
                .body("instance", equalTo("/api/v1/slots"));
        assertTrue(millis < TIMEOUT_MILLIS, "503 took " + millis + " ms");
        assertTrue(!down.asString().contains("127.0.0.1"), "internal address leaked: " + down.asString());
        given().auth().oauth2(Tokens.of("sme-a")).contentType("application/json").body("{}")
                .when().post("/api/v1/consultations").then().statusCode(503).contentType("application/problem+json");

        given().when().get("/api/v1/contact-points").then().statusCode(200);
        given().when().get("/api/v1/seminars").then().statusCode(200);

        // the overview answers with what it has, naming what is missing
        given().auth().oauth2(Tokens.of("secretariat")).when().get("/api/v1/dashboard/overview")
                .then().statusCode(200)
                .body("complete", equalTo(false))
                .body("missing", contains("consultations"))
                .body("sources.consultations.status", equalTo("UNAVAILABLE"))
                .body("sources.consultations.httpStatus", equalTo(503))
                .body("sources.contactPoints.status", equalTo("OK"))
                .body("consultations", nullValue())
                .body("contactPoints.totals.booked", equalTo(60))
                .body("seminars.totals.fillRate", equalTo(0.8125f));
        given().auth().oauth2(Tokens.of(Tokens.DASHBOARD)).accept("text/csv").when().get("/api/v1/dashboard/overview")
                .then().statusCode(200).header("X-Overview-Missing", "consultations");

        // after repeated failures (at most a window of 20 calls, whatever came before) the breaker opens
        CircuitBreaker breaker = upstreams.get(Service.CONSULTATIONS).breaker();
        int calls = 0;
        while (breaker.state() != CircuitBreaker.State.OPEN && calls < 20) {
            given().when().get("/api/v1/slots").then().statusCode(503);
            calls++;
        }
        assertEquals(CircuitBreaker.State.OPEN, breaker.state(), "after " + calls + " more failures");
        // refused at once, without trying, with Retry-After
        given().when().get("/api/v1/slots").then().statusCode(503).header("Retry-After", notNullValue())
                .contentType("application/problem+json").body("detail", containsString("stopped calling"));
        given().when().get(management("health/ready")).then().statusCode(200)
                .body("checks.find { it.name == 'upstreams' }.data.consultations", equalTo("OPEN"));

        // the service comes back: after the open period one probe goes through and closes the breaker
        StandIns.get(Service.CONSULTATIONS).start();
        await().atMost(10, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200))
                .until(() -> given().when().get("/api/v1/slots").statusCode() == 200);
    }

    @Test
    void aSlowServiceAnswers504WithinTheTimeout() {
        StandIns.get(Service.SEMINARS).delay(Duration.ofSeconds(4));

        long started = System.nanoTime();
        given().when().get("/api/v1/seminars").then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:telework:problem:upstream-timeout"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis >= TIMEOUT_MILLIS - 100 && millis < TIMEOUT_MILLIS + 1500, "504 after " + millis + " ms");

        given().when().get("/api/v1/contact-points").then().statusCode(200);
        given().when().get("/api/v1/slots").then().statusCode(200);

        // the three statistics calls run in parallel: one slow service costs one timeout, not three
        started = System.nanoTime();
        given().auth().oauth2(Tokens.of("secretariat")).when().get("/api/v1/dashboard/overview")
                .then().statusCode(200)
                .body("complete", equalTo(false))
                .body("missing", contains("seminars"))
                .body("sources.seminars.status", equalTo("TIMEOUT"))
                .body("sources.seminars.httpStatus", equalTo(504))
                .body("consultations.totalBookings", equalTo(65));
        millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < TIMEOUT_MILLIS + 1500, "overview took " + millis + " ms");
    }

    @Test
    void clientsThatHangUpBeforeTheAnswerDoNotOpenTheBreaker() throws Exception {
        // a healthy but unhurried service, and clients that give up first (as wrk does at the end of a run)
        StandIns.get(Service.SEMINARS).delay(Duration.ofMillis(600));
        CircuitBreaker breaker = upstreams.get(Service.SEMINARS).breaker();
        for (int i = 0; i < 12; i++) {
            try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("GET /api/v1/seminars HTTP/1.1\r\nHost: " + gateway.getHost() + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(100);
            } // closed while the gateway still waits for the service
        }
        // every abandoned call has settled (the stand-in answered or the timeout ran out) without a failure
        Thread.sleep(TIMEOUT_MILLIS + 500);
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        StandIns.get(Service.SEMINARS).delay(Duration.ZERO);
        given().when().get("/api/v1/seminars").then().statusCode(200);
    }

    @Test
    void allServicesDownMakesTheOverview503() {
        for (Service s : Service.values()) {
            StandIns.get(s).stop();
        }
        given().auth().oauth2(Tokens.of("secretariat")).when().get("/api/v1/dashboard/overview")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", notNullValue());
    }
}
