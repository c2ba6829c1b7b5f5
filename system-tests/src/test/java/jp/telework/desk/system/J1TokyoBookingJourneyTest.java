package jp.telework.desk.system;

import static jp.telework.desk.system.Api.anonymous;
import static jp.telework.desk.system.Api.as;
import static jp.telework.desk.system.Api.assertProblem;
import static jp.telework.desk.system.Api.eventually;
import static jp.telework.desk.system.Api.json;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

/**
 * Journey 1: the Tokyo association publishes a weekly plan; an SME in Tokyo finds a free in-person
 * slot, books it with an idempotency key, retries, and has one booking; the association sees it;
 * utilization in contact-point-service and the secretariat's overview reflect it.
 */
@SuiteClock.SystemTest
@Order(1)
class J1TokyoBookingJourneyTest {

    @Test
    void tokyoSmeBooksAnInPersonSlotOnceAndEveryoneSeesIt() {
        // the association publishes its weekly plan (If-Match with the plan's ETag)
        Response current = Fixtures.plan("13");
        current.then().statusCode(200);
        String etag = current.header("ETag");
        assertNotNull(etag, "the plan carries an ETag");
        Response published = json(as("assoc-tokyo").header("If-Match", etag), Bodies.weekdayPlan(2, 3))
                .put("/api/v1/contact-points/13/availability/plan");
        assertEquals(200, published.statusCode(), published::asString);
        assertNotEquals(etag, published.header("ETag"), "a new plan version");
        Fixtures.markPlanned("13");
        // a second write with the old ETag is refused: the plan is a shared, versioned resource
        assertProblem(json(as("assoc-tokyo").header("If-Match", etag), Bodies.weekdayPlan(2, 3))
                .put("/api/v1/contact-points/13/availability/plan"), 412);

        // the SME looks for a free in-person slot in Tokyo (slots reached consultation-service as events)
        LocalDate day = Fixtures.claimDay("13", "IN_PERSON");
        List<Map<String, Object>> slots = Fixtures.slotsOn("13", "IN_PERSON", day, 2);
        Map<String, Object> slot = slots.get(0);
        String slotId = Fixtures.slotId(slot);
        assertEquals("13", slot.get("contactPointCode"));
        assertEquals(2, ((Number) slot.get("remainingCapacity")).intValue());
        assertTrue(((String) slot.get("startsAt")).endsWith("+09:00"), "times in +09:00");

        // books with an idempotency key, and retries the same request (e.g. after a timeout)
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Bodies.booking(slotId, "sme-a");
        Response first = json(as("sme-a").header("Idempotency-Key", key), body).post("/api/v1/consultations");
        assertEquals(201, first.statusCode(), first::asString);
        String bookingId = first.path("id");
        assertEquals("BOOKED", first.path("status"));
        assertTrue(first.header("Location").endsWith("/api/v1/consultations/" + bookingId), first.header("Location"));
        Response retry = json(as("sme-a").header("Idempotency-Key", key), body).post("/api/v1/consultations");
        assertEquals(201, retry.statusCode(), retry::asString);
        assertEquals(bookingId, retry.path("id"), "the retry answers the first booking");
        assertEquals(first.header("Location"), retry.header("Location"));
        // the same key with another body is refused
        Map<String, Object> other = Bodies.booking(Fixtures.slotId(slots.get(1)), "sme-a");
        assertProblem(json(as("sme-a").header("Idempotency-Key", key), other).post("/api/v1/consultations"), 422);

        // the SME has exactly one booking in that slot
        Response mine = as("sme-a").queryParam("from", day.toString()).queryParam("to", day.toString())
                .get("/api/v1/consultations");
        mine.then().statusCode(200);
        List<String> inSlot = mine.jsonPath().getList("items.findAll { it.slot.slotId == '" + slotId + "' }.id");
        assertEquals(List.of(bookingId), inSlot);
        assertEquals(1, Fixtures.remainingAtConsultations(slotId), "one of two places taken");

        // the Tokyo association sees it, with the requester's contact details; Osaka's does not
        Response seen = as("assoc-tokyo").get("/api/v1/consultations/{id}", bookingId);
        seen.then().statusCode(200);
        assertEquals("sme-a@example.co.jp", seen.path("requester.email"));
        List<String> tokyoList = as("assoc-tokyo").queryParam("from", day.toString()).queryParam("to", day.toString())
                .get("/api/v1/consultations").then().statusCode(200).extract().path("items.id");
        assertTrue(tokyoList.contains(bookingId), "in the association's list");
        assertProblem(as("assoc-osaka").get("/api/v1/consultations/{id}", bookingId), 404);

        // contact-point-service counts it from consultation.booked.v1 (utilization)
        Fixtures.awaitBooked("13", slotId, 1);
        eventually().untilAsserted(() -> {
            Response stats = as("secretariat").queryParam("from", day.toString()).queryParam("to", day.toString())
                    .get("/api/v1/contact-points/statistics");
            stats.then().statusCode(200);
            Map<String, Object> tokyo = stats.jsonPath().getMap("byPrefecture.find { it.prefecture == '13' }");
            assertEquals(1, ((Number) tokyo.get("booked")).intValue(), "booked on that day in Tokyo");
            assertEquals(10, ((Number) tokyo.get("capacity")).intValue(), "2 in-person slots x 2 + 2 online slots x 3");
        });

        // the secretariat's overview (composed by the gateway) shows the same
        eventually().untilAsserted(() -> {
            Response overview = as("secretariat").queryParam("from", day.toString()).queryParam("to", day.toString())
                    .get("/api/v1/dashboard/overview");
            overview.then().statusCode(200);
            assertEquals(Boolean.TRUE, overview.path("complete"), overview::asString);
            assertEquals(1, ((Number) overview.path("consultations.byPrefecture.'13'")).intValue());
            assertEquals(1, ((Number) overview.path("contactPoints.byPrefecture.find { it.prefecture == '13' }.booked")).intValue());
            Map<String, Object> row = overview.jsonPath().getMap("byPrefecture.find { it.prefecture == '13' }");
            assertEquals(1, ((Number) row.get("consultations.byPrefecture")).intValue(), () -> "overview row 13: " + row);
            assertEquals(1, ((Number) row.get("contactPoints.byPrefecture.booked")).intValue(), () -> "overview row 13: " + row);
        });
        // and the dashboard client (statistics only) too
        as("dashboard").queryParam("from", day.toString()).queryParam("to", day.toString())
                .get("/api/v1/dashboard/overview").then().statusCode(200);
        assertProblem(as("dashboard").get("/api/v1/consultations/{id}", bookingId), 403);

        // anonymous callers never see bookings
        assertProblem(anonymous().get("/api/v1/consultations/{id}", bookingId), 401);

        // but anyone may read slots, one by one too (contact-point-service documents GET /{code}/slots/{id} as public)
        anonymous().get("/api/v1/slots/{id}", slotId).then().statusCode(200);
        anonymous().queryParam("from", day.toString()).queryParam("to", day.toString())
                .get("/api/v1/contact-points/13/slots").then().statusCode(200);
        Response oneSlot = anonymous().get("/api/v1/contact-points/13/slots/{id}", slotId);
        // as is the holiday calendar the slots follow
        Response holidays = anonymous().queryParam("year", day.getYear()).get("/api/v1/contact-points/holidays");
        assertAll("public reads through the gateway",
                () -> assertEquals(200, oneSlot.statusCode(),
                        () -> "anonymous GET /api/v1/contact-points/13/slots/{id}: " + oneSlot.asString()),
                () -> assertEquals(200, holidays.statusCode(),
                        () -> "anonymous GET /api/v1/contact-points/holidays: " + holidays.asString()));
        assertEquals(1, ((Number) oneSlot.path("booked")).intValue());
    }
}
