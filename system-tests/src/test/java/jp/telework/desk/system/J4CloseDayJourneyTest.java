package jp.telework.desk.system;

import static jp.telework.desk.system.Api.as;
import static jp.telework.desk.system.Api.eventually;
import static jp.telework.desk.system.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import jp.telework.desk.events.Topics;
import jp.telework.desk.infra.test.TopicProbe;

/**
 * Journey 4: the Tokyo association closes a day that has bookings; those bookings become
 * NEEDS_RESCHEDULE (and an event says so); one SME reschedules to another day, the other cancels.
 */
@SuiteClock.SystemTest
@Order(4)
class J4CloseDayJourneyTest {

    @Test
    void closingABookedDayFlagsTheBookingsAndTheSmeReschedules() {
        Fixtures.ensureTokyoPlan();
        LocalDate day = Fixtures.claimDay("13", "IN_PERSON");
        LocalDate otherDay = Fixtures.claimDay("13", "IN_PERSON");
        List<Map<String, Object>> slots = Fixtures.slotsOn("13", "IN_PERSON", day, 2);
        String morning = Fixtures.slotId(slots.get(0));
        String late = Fixtures.slotId(slots.get(1));
        String a = Fixtures.book("sme-a", morning);
        String b = Fixtures.book("sme-b", late);
        Fixtures.awaitBooked("13", morning, 1);
        Fixtures.awaitBooked("13", late, 1);

        try (TopicProbe probe = new TopicProbe(SystemStack.kafka(), Topics.CONSULTATIONS)) {
            // the association closes the whole day
            Map<String, Object> closed = Map.of("date", day.toString(), "kind", "CLOSED", "reason", "Office inspection");
            Response exception = json(as("assoc-tokyo").header("Idempotency-Key", UUID.randomUUID().toString()), closed)
                    .post("/api/v1/contact-points/13/availability/exceptions");
            assertEquals(201, exception.statusCode(), exception::asString);
            List<String> affected = exception.jsonPath().getList("materialization.affectedSlots.slotId");
            assertTrue(affected != null && affected.containsAll(List.of(morning, late)), () -> "affected slots: " + exception.asString());

            // both bookings are flagged, not dropped, and an event says so for each
            eventually().untilAsserted(() -> {
                assertEquals("NEEDS_RESCHEDULE", Fixtures.bookingStatus("sme-a", a));
                assertEquals("NEEDS_RESCHEDULE", Fixtures.bookingStatus("sme-b", b));
            });
            for (String id : List.of(a, b)) {
                probe.await(e -> "consultation.needs-reschedule.v1".equals(e.type()) && id.equals(e.key()), Duration.ofSeconds(60));
            }
            assertTrue(probe.drain(Duration.ZERO).stream().filter(e -> a.equals(e.key()) || b.equals(e.key()))
                    .noneMatch(e -> e.data().contains("example.co.jp") || e.data().contains("山田")), "no personal data in events");
        }
        // the day offers nothing any more
        eventually().untilAsserted(() -> assertEquals(0, Fixtures.freeSlots("13", "IN_PERSON", day, day).size()));
        List<String> flagged = as("sme-a").queryParam("status", "NEEDS_RESCHEDULE").get("/api/v1/consultations")
                .then().statusCode(200).extract().path("items.id");
        assertEquals(List.of(a), flagged, "sme-a sees its flagged booking");

        // sme-a moves to another day
        String target = Fixtures.slotId(Fixtures.slotsOn("13", "IN_PERSON", otherDay, 2).get(0));
        Response moved = json(as("sme-a"), Map.of("slotId", target)).post("/api/v1/consultations/{id}/reschedule", a);
        assertEquals(200, moved.statusCode(), moved::asString);
        assertEquals("BOOKED", moved.path("status"));
        assertEquals(target, moved.path("slot.slotId"));
        assertNotEquals(morning, moved.path("slot.slotId"));
        // sme-b gives up
        Fixtures.cancel("sme-b", b);
        assertEquals("CANCELLED", Fixtures.bookingStatus("sme-b", b));

        // contact-point-service follows: the seat moved to the new slot, the closed slots hold nothing
        Fixtures.awaitBooked("13", target, 1);
        Fixtures.awaitBooked("13", morning, 0);
        Fixtures.awaitBooked("13", late, 0);
        assertEquals("CLOSED", Fixtures.contactPointSlot("13", morning).get("status"));
        assertEquals(1, Fixtures.remainingAtConsultations(target), "one of two places left in the new slot");
    }
}
