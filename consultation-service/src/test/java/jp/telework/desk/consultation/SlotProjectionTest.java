package jp.telework.desk.consultation;

import static io.restassured.RestAssured.given;
import static jp.telework.desk.consultation.Fixtures.announce;
import static jp.telework.desk.consultation.Fixtures.as;
import static jp.telework.desk.consultation.Fixtures.book;
import static jp.telework.desk.consultation.Fixtures.slot;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jp.telework.desk.common.vocabulary.Tokyo;
import jp.telework.desk.events.ContactPointChangedV1;
import jp.telework.desk.events.EventTypes;
import jp.telework.desk.events.SlotV1;
import jp.telework.desk.events.Topics;
import jp.telework.desk.infra.test.TestInfra;
import jp.telework.desk.infra.test.TopicProbe;

/** The slot projection fed from contact-points.events on the real broker. */
@QuarkusTest
class SlotProjectionTest {

    @Test
    void openedSlotsAreSearchableWithRemainingCapacity() {
        LocalDate day = LocalDate.now(Tokyo.ZONE).plusDays(40);
        SlotV1 online = announce(slot("45", day, LocalTime.of(9, 0), "ONLINE", 2));
        SlotV1 inPerson = announce(slot("45", day, LocalTime.of(11, 0), "IN_PERSON", 1));
        SlotV1 elsewhere = announce(slot("01", day, LocalTime.of(9, 0), "ONLINE", 2));
        String d = day.toString();

        given().queryParam("prefecture", "45").queryParam("from", d).queryParam("to", d).get("/api/v1/slots")
                .then().statusCode(200).header("X-Total-Count", "2").body("total", equalTo(2))
                .body("items.slotId", equalTo(List.of(online.slotId().toString(), inPerson.slotId().toString())))
                .body("items[0].remainingCapacity", equalTo(2)).body("items[0].region", equalTo("KYUSHU_OKINAWA"))
                .body("items[0].startsAt", equalTo(d + "T09:00:00+09:00")).body("items[0].endsAt", equalTo(d + "T09:30:00+09:00"));
        given().queryParam("region", "KYUSHU_OKINAWA").queryParam("mode", "IN_PERSON").queryParam("topic", "SECURITY")
                .queryParam("from", d).queryParam("to", d).get("/api/v1/slots")
                .then().statusCode(200).body("items.slotId", hasItem(inPerson.slotId().toString()))
                .body("items.slotId", not(hasItem(online.slotId().toString()))).body("items.mode", everyItem(equalTo("IN_PERSON")));
        given().queryParam("region", "HOKKAIDO").queryParam("from", d).queryParam("to", d).get("/api/v1/slots")
                .then().statusCode(200).body("items.slotId", equalTo(List.of(elsewhere.slotId().toString())));
        given().queryParam("prefecture", "45").queryParam("from", d).queryParam("to", d).queryParam("size", "1")
                .queryParam("page", "1").get("/api/v1/slots")
                .then().statusCode(200).body("total", equalTo(2)).body("items.slotId", equalTo(List.of(inPerson.slotId().toString())));

        // a full slot is not free any more; it can still be read by id
        book("sme-a", inPerson.slotId());
        given().queryParam("prefecture", "45").queryParam("from", d).queryParam("to", d).get("/api/v1/slots")
                .then().statusCode(200).body("items.slotId", equalTo(List.of(online.slotId().toString())));
        given().get("/api/v1/slots/" + inPerson.slotId()).then().statusCode(200).body("remainingCapacity", equalTo(0));
        given().get("/api/v1/slots/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badSearchParametersAreNamed() {
        assertBad("mode", "FAX");
        assertBad("region", "ATLANTIS");
        assertBad("topic", "ASTROLOGY");
        assertBad("prefecture", "48");
        assertBad("from", "2026-13-01");
        assertBad("page", "-1");
        assertBad("size", "1000");
        given().queryParam("from", "2026-11-10").queryParam("to", "2026-11-01").get("/api/v1/slots")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().queryParam("from", "2026-01-01").queryParam("to", "2027-12-31").get("/api/v1/slots")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
    }

    private static void assertBad(String param, String value) {
        given().queryParam(param, value).get("/api/v1/slots").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo(param));
    }

    @Test
    void aRedeliveredOrStaleEventLeavesTheProjectionUnchanged() {
        SlotV1 s = slot("42", 41, 3);
        String eventId = UUID.randomUUID().toString();
        Fixtures.publish(Topics.CONTACT_POINTS, "42", eventId, EventTypes.SLOT_OPENED.name(), s);
        Fixtures.awaitSlot(s.slotId(), j -> j.getInt("capacity") == 3);

        // the same CloudEvent again (same ce_id), even with other data: the inbox drops it
        Fixtures.publish(Topics.CONTACT_POINTS, "42", eventId, EventTypes.SLOT_OPENED.name(),
                new SlotV1(s.slotId(), "42", s.date(), s.startTime(), s.endTime(), "PHONE", 9, SlotV1.OPEN, 7));
        // a new event with a revision we already have: dropped as stale
        Fixtures.publish(Topics.CONTACT_POINTS, "42", UUID.randomUUID().toString(), EventTypes.SLOT_CHANGED.name(),
                new SlotV1(s.slotId(), "42", s.date(), s.startTime(), s.endTime(), "PHONE", 8, SlotV1.OPEN, 1));
        // a later event of the same contact point (same partition, so applied after the two above)
        SlotV1 marker = announce(slot("42", 42, 1));
        Fixtures.awaitSlot(marker.slotId(), j -> true);
        given().get("/api/v1/slots/" + s.slotId()).then().statusCode(200)
                .body("capacity", equalTo(3)).body("mode", equalTo("ONLINE"));

        // a newer revision applies
        announce(Fixtures.revise(s, s.date(), 4, SlotV1.OPEN));
        given().get("/api/v1/slots/" + s.slotId()).then().statusCode(200).body("capacity", equalTo(4));
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndUnknownTypesAreSkipped() {
        String poisonId = UUID.randomUUID().toString();
        try (TopicProbe dlq = TestInfra.probe(Topics.dlq(Topics.CONTACT_POINTS, "consultation-service"))) {
            Fixtures.publish(Topics.CONTACT_POINTS, "43", poisonId, EventTypes.SLOT_OPENED.name(), "{\"slotId\": broken");
            Fixtures.publish(Topics.CONTACT_POINTS, "43", UUID.randomUUID().toString(), "slot.teleported.v9", "{\"any\":1}");
            SlotV1 impossible = new SlotV1(UUID.randomUUID(), "43", LocalDate.now(Tokyo.ZONE).plusDays(5), LocalTime.of(10, 0),
                    LocalTime.of(9, 0), "ONLINE", 1, SlotV1.OPEN, 1);
            String impossibleId = UUID.randomUUID().toString();
            Fixtures.publish(Topics.CONTACT_POINTS, "43", impossibleId, EventTypes.SLOT_OPENED.name(), impossible);
            // the consumer keeps going
            SlotV1 after = announce(slot("43", 5, 2));
            Fixtures.awaitSlot(after.slotId(), j -> true);
            dlq.await(e -> poisonId.equals(e.id()), Duration.ofSeconds(30));
            dlq.await(e -> impossibleId.equals(e.id()), Duration.ofSeconds(30));
            Set<String> dead = dlq.drain(Duration.ofSeconds(1)).stream().map(TopicProbe.Event::type).collect(Collectors.toSet());
            assertTrue(!dead.contains("slot.teleported.v9"), "unknown types are skipped, not dead-lettered: " + dead);
            given().get("/api/v1/slots/" + impossible.slotId()).then().statusCode(404);
        }
    }

    @Test
    void anInactiveContactPointOffersNoSlots() {
        SlotV1 s = announce(slot("46", 43, 2));
        String d = s.date().toString();
        Fixtures.announce(new ContactPointChangedV1("46", "KYUSHU_OKINAWA", List.of("PHONE", "ONLINE"), false, false, 31.56, 130.56));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("prefecture", "46")
                .queryParam("from", d).queryParam("to", d).get("/api/v1/slots").jsonPath().getInt("total") == 0);
        Fixtures.announce(new ContactPointChangedV1("46", "KYUSHU_OKINAWA", List.of("PHONE", "ONLINE"), false, true, 31.56, 130.56));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("prefecture", "46")
                .queryParam("from", d).queryParam("to", d).get("/api/v1/slots").jsonPath().getInt("total") == 1);
    }

    @Test
    void aShrunkOrClosedSlotFlagsItsNewestBookingsForRescheduling() {
        SlotV1 s = announce(slot("13", 44, 3));
        UUID first = book("sme-a", s.slotId());
        UUID second = book("sme-b", s.slotId());
        UUID third = book("sme-c", s.slotId());
        try (TopicProbe probe = TestInfra.probe(Topics.CONSULTATIONS)) {
            SlotV1 shrunk = announce(Fixtures.revise(s, s.date(), 1, SlotV1.OPEN));
            as("secretariat").get("/api/v1/consultations/" + first).then().body("status", equalTo("BOOKED"));
            as("secretariat").get("/api/v1/consultations/" + second).then().body("status", equalTo("NEEDS_RESCHEDULE"));
            as("secretariat").get("/api/v1/consultations/" + third).then().body("status", equalTo("NEEDS_RESCHEDULE"));
            for (UUID flagged : List.of(second, third)) {
                var e = probe.await(ev -> flagged.toString().equals(ev.key())
                        && EventTypes.CONSULTATION_NEEDS_RESCHEDULE.is(ev.type()), Duration.ofSeconds(30));
                assertTrue(e.data().contains("\"status\":\"NEEDS_RESCHEDULE\""), e.data());
            }

            // the association closes the slot: the last one loses its place too
            announce(Fixtures.revise(shrunk, s.date(), 1, SlotV1.CLOSED));
            as("sme-a").get("/api/v1/consultations/" + first).then().body("status", equalTo("NEEDS_RESCHEDULE"));
            probe.await(ev -> first.toString().equals(ev.key()) && EventTypes.CONSULTATION_NEEDS_RESCHEDULE.is(ev.type()),
                    Duration.ofSeconds(30));
            long flags = probe.drain(Duration.ofSeconds(2)).stream()
                    .filter(ev -> EventTypes.CONSULTATION_NEEDS_RESCHEDULE.is(ev.type())
                            && List.of(first.toString(), second.toString(), third.toString()).contains(ev.key()))
                    .count();
            assertEquals(3, flags, "one needs-reschedule event per flagged booking");
        }

        // a flagged booking gets a place again by moving (no cut-off), or is cancelled
        SlotV1 other = announce(slot("13", 45, 2));
        as("sme-b").contentType("application/json").body("{\"slotId\":\"" + other.slotId() + "\"}")
                .post("/api/v1/consultations/" + second + "/reschedule")
                .then().statusCode(200).body("status", equalTo("BOOKED")).body("slot.slotId", equalTo(other.slotId().toString()));
        as("sme-c").contentType("application/json").body("{}").post("/api/v1/consultations/" + third + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        as("assoc-tokyo").queryParam("status", "NEEDS_RESCHEDULE").queryParam("from", s.date().toString())
                .queryParam("to", s.date().toString()).get("/api/v1/consultations")
                .then().statusCode(200).body("items.id", equalTo(List.of(first.toString())));
    }
}
