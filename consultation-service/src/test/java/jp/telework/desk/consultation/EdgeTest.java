package jp.telework.desk.consultation;

import static io.restassured.RestAssured.given;
import static jp.telework.desk.consultation.Fixtures.announce;
import static jp.telework.desk.consultation.Fixtures.as;
import static jp.telework.desk.consultation.Fixtures.bookingBody;
import static jp.telework.desk.consultation.Fixtures.inquiryBody;
import static jp.telework.desk.consultation.Fixtures.slot;
import static jp.telework.desk.consultation.Fixtures.token;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jp.telework.desk.events.SlotV1;
import jp.telework.desk.infra.test.Wire;

/** The hardened edge: the one Idempotency-Key form, strict dates, links that never name this service's address. Okayama (33) is this test's. */
@QuarkusTest
class EdgeTest {

    @Test
    void anEmptyOrMalformedIdempotencyKeyBooksNothing() throws Exception {
        SlotV1 s = announce(slot("33", 9, 2));
        Fixtures.awaitSlot(s.slotId(), j -> j.getInt("remainingCapacity") == 2);
        String smeA = token("sme-a");
        // written by hand: HTTP clients tend to drop a header with an empty value
        for (String key : new String[] { "", "   ", "k".repeat(201), "two words" }) {
            String answer = Wire.post(RestAssured.port, "/api/v1/consultations", smeA, "Idempotency-Key: " + key, bookingBody(s.slotId()));
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.contains("\"field\":\"Idempotency-Key\""), answer);
            String inquiry = Wire.post(RestAssured.port, "/api/v1/inquiries", smeA, "Idempotency-Key: " + key, inquiryBody("33", null));
            assertTrue(inquiry.startsWith("HTTP/1.1 400"), inquiry);
        }
        given().get("/api/v1/slots/" + s.slotId()).then().statusCode(200).body("remainingCapacity", equalTo(2));
        as("sme-a").queryParam("prefecture", "33").get("/api/v1/inquiries").then().statusCode(200).header("X-Total-Count", "0");
    }

    @Test
    void locationIsAPathWhateverHostTheRequestClaims() {
        SlotV1 s = announce(slot("33", 12, 2));
        Fixtures.awaitSlot(s.slotId(), j -> j.getInt("remainingCapacity") == 2);
        Response created = as("sme-b").header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https")
                .header("Forwarded", "host=evil.example;proto=https").header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json").body(bookingBody(s.slotId()))
                .when().post("/api/v1/consultations");
        created.then().statusCode(201);
        assertEquals("/api/v1/consultations/" + created.path("id"), created.header("Location"));
    }

    @Test
    void queryDatesAreYearMonthDayWithinTheWindow() {
        for (String from : new String[] { "2026-12-01T15:00:00Z", "+999999999-12-31", "1999-12-31", "2026-02-30" }) {
            given().queryParam("from", from).get("/api/v1/slots")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        }
        as(Fixtures.DASHBOARD).queryParam("to", "2101-01-01").get("/api/v1/consultations/statistics")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
    }
}
