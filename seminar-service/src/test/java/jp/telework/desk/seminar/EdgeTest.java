package jp.telework.desk.seminar;

import static jp.telework.desk.seminar.Fixtures.as;
import static jp.telework.desk.seminar.Fixtures.json;
import static jp.telework.desk.seminar.Fixtures.published;
import static jp.telework.desk.seminar.Fixtures.registration;
import static jp.telework.desk.seminar.Fixtures.seminar;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jp.telework.desk.infra.test.Wire;

/**
 * The hardened edge: links never name this service's own address (Location is a path, the calendar feed
 * uses the configured public base URL, %test: https://api.test.telework.example.jp), one Idempotency-Key
 * form, strict date-times.
 */
@QuarkusTest
class EdgeTest {
    private static final String PUBLIC_BASE = "https://api.test.telework.example.jp";

    @Test
    void locationsArePathsAndTheFeedLinksToThePublicAddress() {
        Map<String, Object> body = seminar();
        body.put("campaignTag", Fixtures.unique("EDGE"));
        Response created = as("secretariat").header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "http")
                .header("Forwarded", "host=evil.example").contentType("application/json").body(json(body)).post("/api/v1/seminars");
        created.then().statusCode(201);
        String id = created.path("id");
        assertEquals("/api/v1/seminars/" + id, created.header("Location"));
        as("secretariat").header("If-Match", "*").post("/api/v1/seminars/" + id + "/publish").then().statusCode(200);

        Response registered = as("sme-a").header("X-Forwarded-Host", "evil.example").contentType("application/json")
                .body(json(registration(1, null))).post("/api/v1/seminars/" + id + "/registrations");
        registered.then().statusCode(201);
        assertEquals("/api/v1/seminars/" + id + "/registrations/" + registered.path("id"), registered.header("Location"));

        Response ics = as(null).header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "http")
                .queryParam("region", "KANTO").get("/api/v1/seminars/calendar.ics");
        ics.then().statusCode(200);
        String feed = new String(ics.asByteArray(), StandardCharsets.UTF_8).replace("\r\n ", "");
        assertTrue(feed.contains("\r\nURL:" + PUBLIC_BASE + "/api/v1/seminars/" + id + "\r\n"), feed);
        for (String line : feed.split("\r\n")) {
            if (line.startsWith("URL:")) {
                assertTrue(line.startsWith("URL:" + PUBLIC_BASE + "/api/v1/seminars/"), line);
            }
        }
        assertFalse(feed.contains("127.0.0.1") || feed.contains("evil.example"), feed);
    }

    @Test
    void anEmptyOrMalformedIdempotencyKeyRegistersNobody() throws Exception {
        String id = published(seminar());
        String sme = Fixtures.token("sme-b");
        // written by hand: HTTP clients tend to drop a header with an empty value
        for (String key : new String[] { "", "   ", "k".repeat(201), "two words" }) {
            String answer = Wire.post(RestAssured.port, "/api/v1/seminars/" + id + "/registrations", sme, "Idempotency-Key: " + key,
                    json(registration(1, null)));
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.contains("\"field\":\"Idempotency-Key\""), answer);
        }
        as("secretariat").get("/api/v1/seminars/" + id + "/registrations").then().statusCode(200).header("X-Total-Count", "0");
        as("sme-b").header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(json(registration(1, null))).post("/api/v1/seminars/" + id + "/registrations").then().statusCode(201);
    }

    @Test
    void dateTimesCarryAnOffsetAndStayInTheWindow() {
        for (Object bad : new Object[] { 1_790_000_000L, "2026-12-01T14:00:00", "2026-12-01", "+999999999-12-31T14:00:00+09:00",
                "9999-12-01T14:00:00+09:00" }) {
            Map<String, Object> body = seminar();
            body.put("startsAt", bad);
            as("secretariat").contentType("application/json").body(json(body)).post("/api/v1/seminars")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("startsAt"));
        }
        as(null).queryParam("from", "2026-12-01T00:00:00Z").get("/api/v1/seminars")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
    }
}
