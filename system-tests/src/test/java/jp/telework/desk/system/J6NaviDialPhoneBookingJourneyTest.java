package jp.telework.desk.system;

import static jp.telework.desk.system.Api.anonymous;
import static jp.telework.desk.system.Api.as;
import static jp.telework.desk.system.Api.eventually;
import static jp.telework.desk.system.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Journey 6, all through the gateway: a caller from Shimane (32) rings Navi Dial, is routed to Okayama (33), and
 * the Okayama association books the consultation on the phone for the caller's organization (org-sme-c), which
 * then sees it with its own token. The secretariat's routing figures count the call, and a second call for a mode
 * nobody offers (PHONE is planned nowhere in this suite) as unmet demand.
 */
@SuiteClock.SystemTest
@Order(5)
class J6NaviDialPhoneBookingJourneyTest {

    private static JsonPath routing() {
        return as("secretariat").get("/api/v1/contact-points/statistics/routing").then().statusCode(200).extract().jsonPath();
    }

    private static long nested(JsonPath figures, String map, String prefecture, String key) {
        Map<String, Map<String, Number>> m = figures.getMap(map);
        Map<String, Number> inner = m == null ? null : m.get(prefecture);
        return inner == null || inner.get(key) == null ? 0 : inner.get(key).longValue();
    }

    @Test
    void okayamaBooksAShimaneCallerByPhoneAndTheCallIsCounted() {
        Fixtures.replacePlan("secretariat", "33", Bodies.weekdayPlan("IN_PERSON", "09:00", "17:00", 1)).then().statusCode(200);
        Fixtures.markPlanned("33");
        JsonPath before = routing();

        // the operator's screen asks where the Shimane caller should go
        Response route = anonymous().queryParam("prefecture", "32").queryParam("mode", "IN_PERSON").get("/api/v1/contact-points/route");
        route.then().statusCode(200);
        assertEquals("33", route.path("contactPoint.code"), route::asString);
        String slotId = route.path("contactPoint.firstFreeSlot.slotId");
        eventually().untilAsserted(() -> assertEquals(200, anonymous().get("/api/v1/slots/{id}", slotId).statusCode()));

        // Okayama takes the reservation on the phone for the caller's organization
        Map<String, Object> body = Bodies.booking(slotId, "sme-c");
        body.put("organizationId", "org-sme-c");
        Response booked = json(as("assoc-okayama").header("Idempotency-Key", UUID.randomUUID().toString()), body)
                .post("/api/v1/consultations");
        booked.then().statusCode(201);
        assertEquals("NAVI_DIAL", booked.path("channel"), booked::asString);
        assertEquals("org-sme-c", booked.path("organizationId"));
        String id = booked.path("id");
        // Osaka may not book Okayama's places
        json(as("assoc-osaka"), Bodies.booking(slotId, "sme-c")).post("/api/v1/consultations").then().statusCode(403)
                .contentType(Api.PROBLEM);

        // the caller's organization sees it with its own token; nobody else's organization does
        Response seen = as("sme-c").get("/api/v1/consultations/{id}", id);
        seen.then().statusCode(200);
        assertEquals("33", seen.path("slot.contactPointCode"));
        assertEquals("NAVI_DIAL", seen.path("channel"));
        as("sme-a").get("/api/v1/consultations/{id}", id).then().statusCode(404);
        List<String> mine = as("sme-c").queryParam("channel", "NAVI_DIAL").queryParam("size", 100).get("/api/v1/consultations")
                .then().statusCode(200).extract().path("items.id");
        assertTrue(mine.contains(id), "in sme-c's list: " + mine);
        Fixtures.awaitBooked("33", slotId, 1);

        // a second caller wants a phone consultation, which no association offers: unmet demand
        anonymous().queryParam("prefecture", "32").queryParam("mode", "PHONE").get("/api/v1/contact-points/route")
                .then().statusCode(404).contentType(Api.PROBLEM);

        JsonPath after = routing();
        assertEquals(2, after.getLong("calls") - before.getLong("calls"));
        assertEquals(1, nested(after, "servedByPrefectureAndReason", "32", "NEAREST_TO_HOME")
                - nested(before, "servedByPrefectureAndReason", "32", "NEAREST_TO_HOME"));
        assertEquals(1, nested(after, "unmetByPrefectureAndMode", "32", "PHONE") - nested(before, "unmetByPrefectureAndMode", "32", "PHONE"));
        Map<String, Number> byChannel = as("secretariat").get("/api/v1/consultations/statistics").then().statusCode(200)
                .extract().jsonPath().getMap("byChannel");
        assertFalse(byChannel == null || byChannel.get("NAVI_DIAL") == null || byChannel.get("NAVI_DIAL").longValue() < 1,
                "phone bookings are counted: " + byChannel);
    }
}
