package jp.telework.desk.consultation;

import static jp.telework.desk.consultation.Fixtures.announce;
import static jp.telework.desk.consultation.Fixtures.as;
import static jp.telework.desk.consultation.Fixtures.book;
import static jp.telework.desk.consultation.Fixtures.bookingBody;
import static jp.telework.desk.consultation.Fixtures.slot;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.telework.desk.common.outbox.OutboxEvent;
import jp.telework.desk.consultation.domain.Booking;
import jp.telework.desk.common.vocabulary.Tokyo;
import jp.telework.desk.events.EventTypes;
import jp.telework.desk.events.SlotV1;
import jp.telework.desk.events.Topics;
import jp.telework.desk.infra.test.TestInfra;
import jp.telework.desk.infra.test.TopicProbe;

@QuarkusTest
class BookingTest {

    @Test
    void aBookingIsCreatedReadBackAndAnnouncedExactlyOnce() {
        SlotV1 s = announce(slot("13", 10, 3));
        try (TopicProbe probe = TestInfra.probe(Topics.CONSULTATIONS)) {
            Response created = as("sme-a").contentType("application/json").body(bookingBody(s.slotId()))
                    .when().post("/api/v1/consultations");
            created.then().statusCode(201)
                    .header("Location", startsWith("/api/v1/consultations/"))
                    .body("status", equalTo("BOOKED"))
                    .body("organizationId", equalTo("org-sme-a"))
                    .body("slot.slotId", equalTo(s.slotId().toString()))
                    .body("slot.contactPointCode", equalTo("13"))
                    .body("slot.startsAt", equalTo(s.date() + "T10:00:00+09:00"))
                    .body("topics", equalTo(java.util.List.of("ICT_ENVIRONMENT", "SECURITY")))
                    .body("requester.email", equalTo("hanako.yamada@example.co.jp"))
                    .body("createdAt", org.hamcrest.Matchers.endsWith("+09:00"));
            String id = created.path("id");
            assertEquals("/api/v1/consultations/" + id, created.header("Location"));

            as("sme-a").get("/api/v1/consultations/" + id).then().statusCode(200).body("id", equalTo(id));
            Fixtures.awaitSlot(s.slotId(), j -> j.getInt("remainingCapacity") == 2);

            var booked = probe.await(e -> id.equals(e.key()) && EventTypes.CONSULTATION_BOOKED.is(e.type()),
                    Duration.ofSeconds(30));
            assertEquals(id, booked.subject());
            assertTrue(booked.data().contains("\"status\":\"BOOKED\""), booked.data());
            assertTrue(booked.data().contains("\"contactPointCode\":\"13\""), booked.data());
            for (String personal : new String[] { "hanako", "Yamada", "03-1234-5678", "Sakura", "morning" }) {
                assertFalse(booked.data().contains(personal), "no personal data in events: " + booked.data());
            }
            long copies = probe.drain(Duration.ofSeconds(3)).stream()
                    .filter(e -> id.equals(e.key()) && EventTypes.CONSULTATION_BOOKED.is(e.type())).count();
            assertEquals(1, copies, "exactly one consultation.booked event");
        }
    }

    @Test
    void badInputIs400NamingTheFieldAndWritesNothing() {
        SlotV1 s = announce(slot("13", 11, 3));
        UUID id = s.slotId();
        String ok = bookingBody(id);
        assertRejected(ok.replace("\"slotId\":\"" + id + "\",", ""), "slotId", "validation");
        assertRejected(ok.replace("\"email\":\"hanako.yamada@example.co.jp\",", ""), "requester.email", "validation");
        assertRejected(bookingBody(id, "[\"SECURITY\"]", "not-an-email", ""), "requester.email", "validation");
        assertRejected(bookingBody(id, "[\"SECURITY\"]", "hanako@localhost", ""), "requester.email", "validation");
        assertRejected(bookingBody(id, "[\"SECURITY\",\"ASTROLOGY\"]", "a@example.jp", ""), "topics[1]", "validation");
        assertRejected(bookingBody(id, "[]", "a@example.jp", ""), "topics", "validation");
        assertRejected(bookingBody(id, "[\"SECURITY\"]", "a@example.jp", "x".repeat(2001)), "notes", "validation");
        assertRejected(ok.replace("\"prefecture\":\"13\"", "\"prefecture\":\"48\""), "requester.prefecture", "validation");
        assertRejected(ok.replace("\"organizationType\":\"SME\"", "\"organizationType\":\"NPO\""), "requester.organizationType",
                "validation");
        assertRejected(ok.replace("\"employeeCount\":35", "\"employeeCount\":0"), "requester.employeeCount", "validation");
        assertRejected(ok.replace("\"notes\"", "\"colour\":\"red\",\"notes\""), "colour", "validation");
        assertRejected(ok.replace("\"slotId\":\"" + id, "\"slotId\":\"not-a-uuid"), "slotId", "validation");
        assertRejected(ok.replace("\"slotId\":\"" + id, "\"slotId\":\"" + UUID.randomUUID()), "slotId", "unknown-slot");
        // syntax errors: 400 problem+json (common maps them as "bad-request": no field to name)
        assertRejected("{\"slotId\":", null, null);
        assertRejected("{\"slotId\" \"x\"}", null, null);
        assertRejected("", null, null);

        SlotV1 past = announce(slot("13", LocalDate.now(Tokyo.ZONE).minusDays(1), java.time.LocalTime.of(10, 0), "ONLINE", 3));
        assertRejected(bookingBody(past.slotId()), "slotId", "slot-in-past");
    }

    private static void assertRejected(String body, String field, String type) {
        long bookings = count(Booking.class);
        long events = count(OutboxEvent.class);
        var then = as("sme-a").contentType("application/json").body(body).when().post("/api/v1/consultations")
                .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
        if (type != null) {
            then.body("type", equalTo("urn:telework:problem:" + type));
        }
        if (field != null) {
            then.body("errors.field", hasItem(field));
        }
        assertEquals(bookings, count(Booking.class), "nothing written for " + body);
        assertEquals(events, count(OutboxEvent.class), "no event for " + body);
    }

    static long count(Class<?> entity) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) Booking.getEntityManager()
                .createQuery("select count(e) from " + entity.getSimpleName() + " e").getSingleResult());
    }

    @Test
    void closedAndFullSlotsAreDistinct409s() {
        SlotV1 s = announce(slot("13", 12, 1));
        book("sme-a", s.slotId());
        as("sme-b").contentType("application/json").body(bookingBody(s.slotId())).when().post("/api/v1/consultations")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:telework:problem:slot-full")).body("errors[0].field", equalTo("slotId"));

        SlotV1 closed = announce(Fixtures.revise(announce(slot("13", 12, 5)), LocalDate.now(Tokyo.ZONE).plusDays(12), 5,
                SlotV1.CLOSED));
        as("sme-b").contentType("application/json").body(bookingBody(closed.slotId())).when().post("/api/v1/consultations")
                .then().statusCode(409).body("type", equalTo("urn:telework:problem:slot-closed"));
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswer() {
        SlotV1 s = announce(slot("13", 13, 5));
        String key = UUID.randomUUID().toString();
        Response first = as("sme-a").header("Idempotency-Key", key).contentType("application/json")
                .body(bookingBody(s.slotId())).post("/api/v1/consultations");
        first.then().statusCode(201);
        Response again = as("sme-a").header("Idempotency-Key", key).contentType("application/json")
                .body(bookingBody(s.slotId())).post("/api/v1/consultations");
        again.then().statusCode(201);
        assertEquals(first.asString(), again.asString(), "same body");
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(null, first.header("Idempotent-Replayed"));
        assertEquals("true", again.header("Idempotent-Replayed"), "a replay says so");
        Fixtures.awaitSlot(s.slotId(), j -> j.getInt("remainingCapacity") == 4);

        // the same key with another body
        as("sme-a").header("Idempotency-Key", key).contentType("application/json")
                .body(bookingBody(s.slotId(), "[\"OTHER\"]", "x@example.jp", "")).post("/api/v1/consultations")
                .then().statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("Idempotency-Key"));
        as("sme-a").header("Idempotency-Key", "bad key with spaces").contentType("application/json")
                .body(bookingBody(s.slotId())).post("/api/v1/consultations")
                .then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        Fixtures.awaitSlot(s.slotId(), j -> j.getInt("remainingCapacity") == 4);
    }

    @Test
    void theRequesterCancelsBeforeTheCutoffOnly() {
        SlotV1 s = announce(slot("13", 14, 2));
        UUID id = book("sme-a", s.slotId());
        // a body that is JSON null is broken, not "no details": refused, the booking stays
        as("sme-a").contentType("application/json").body("null").post("/api/v1/consultations/" + id + "/cancel")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        // the optional body is JSON or nothing: another media type is 415, invalid UTF-8 and unknown fields are 400
        as("sme-a").contentType("text/plain").body("{\"reason\":\"x\"}").post("/api/v1/consultations/" + id + "/cancel")
                .then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("urn:telework:problem:unsupported-media-type"));
        as("sme-a").contentType("application/json").body(new byte[] { '{', '"', 'r', 'e', 'a', 's', 'o', 'n', '"', ':', '"', (byte) 0xff, '"', '}' })
                .post("/api/v1/consultations/" + id + "/cancel").then().statusCode(400).contentType("application/problem+json");
        as("sme-a").contentType("application/json").body("{\"why\":\"x\"}").post("/api/v1/consultations/" + id + "/cancel")
                .then().statusCode(400).body("errors[0].field", equalTo("why"));
        as("sme-a").get("/api/v1/consultations/" + id).then().statusCode(200).body("status", equalTo("BOOKED"));
        try (TopicProbe probe = TestInfra.probe(Topics.CONSULTATIONS)) {
            // no body at all (and so no Content-Type) is a cancellation without details
            as("sme-a").post("/api/v1/consultations/" + id + "/cancel")
                    .then().statusCode(200).body("status", equalTo("CANCELLED")).body("cancelledBy", equalTo("REQUESTER"))
                    .body("closedAt", not(nullValue()));
            probe.await(e -> id.toString().equals(e.key()) && EventTypes.CONSULTATION_CANCELLED.is(e.type()),
                    Duration.ofSeconds(30));
        }
        Fixtures.awaitSlot(s.slotId(), j -> j.getInt("remainingCapacity") == 2);
        as("sme-a").contentType("application/json").body("{}").post("/api/v1/consultations/" + id + "/cancel")
                .then().statusCode(409).body("type", equalTo("urn:telework:problem:invalid-transition"));

        // within 24 h of the start only the association can cancel, and it must say why
        SlotV1 soon = announce(Fixtures.slotStartingIn("13", 3, 2));
        UUID late = book("sme-a", soon.slotId());
        as("sme-a").contentType("application/json").body("{}").post("/api/v1/consultations/" + late + "/cancel")
                .then().statusCode(409).body("type", equalTo("urn:telework:problem:change-cutoff-passed"));
        as("assoc-tokyo").contentType("application/json").body("{}").post("/api/v1/consultations/" + late + "/cancel")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        as("assoc-tokyo").contentType("application/json").body("{\"reason\":\"Consultant ill\"}")
                .post("/api/v1/consultations/" + late + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("cancelledBy", equalTo("ASSOCIATION"))
                .body("cancellationReason", equalTo("Consultant ill"));
    }

    @Test
    void rescheduleMovesAtomicallyAndKeepsTheOldPlaceWhenTheNewSlotIsFull() {
        SlotV1 from = announce(slot("13", 15, 2));
        SlotV1 to = announce(slot("27", 16, 1));
        UUID id = book("sme-a", from.slotId());
        try (TopicProbe probe = TestInfra.probe(Topics.CONSULTATIONS)) {
            as("sme-a").contentType("application/json").body("{\"slotId\":\"" + to.slotId() + "\"}")
                    .post("/api/v1/consultations/" + id + "/reschedule")
                    .then().statusCode(200).body("status", equalTo("BOOKED"))
                    .body("slot.slotId", equalTo(to.slotId().toString())).body("slot.contactPointCode", equalTo("27"));
            var moved = probe.await(e -> id.toString().equals(e.key()) && EventTypes.CONSULTATION_RESCHEDULED.is(e.type()),
                    Duration.ofSeconds(30));
            assertTrue(moved.data().contains("\"previousSlotId\":\"" + from.slotId() + "\""), moved.data());
        }
        Fixtures.awaitSlot(from.slotId(), j -> j.getInt("remainingCapacity") == 2);
        Fixtures.awaitSlot(to.slotId(), j -> j.getInt("remainingCapacity") == 0);
        // now the responsible association is Osaka's
        as("assoc-osaka").get("/api/v1/consultations/" + id).then().statusCode(200);
        as("assoc-tokyo").get("/api/v1/consultations/" + id).then().statusCode(404);

        // back is fine; into a full slot is not, and the booking keeps its place
        UUID other = book("sme-a", from.slotId());
        as("sme-a").contentType("application/json").body("{\"slotId\":\"" + to.slotId() + "\"}")
                .post("/api/v1/consultations/" + other + "/reschedule")
                .then().statusCode(409).body("type", equalTo("urn:telework:problem:slot-full"));
        as("sme-a").get("/api/v1/consultations/" + other).then().statusCode(200)
                .body("slot.slotId", equalTo(from.slotId().toString())).body("status", equalTo("BOOKED"));
        as("sme-a").contentType("application/json").body("{\"slotId\":\"" + from.slotId() + "\"}")
                .post("/api/v1/consultations/" + other + "/reschedule")
                .then().statusCode(409).body("type", equalTo("urn:telework:problem:already-in-slot"));
        as("sme-a").contentType("application/json").body("{\"slotId\":null}")
                .post("/api/v1/consultations/" + other + "/reschedule")
                .then().statusCode(400).body("errors[0].field", equalTo("slotId"));
    }

    @Test
    void theAssociationRecordsOutcomesOnceTheConsultationStarted() {
        SlotV1 s = announce(slot("13", 17, 3));
        UUID done = book("sme-a", s.slotId());
        UUID absent = book("sme-b", s.slotId());
        String summary = "{\"outcome\":\"COMPLETED\",\"summary\":\"Explained VPN options.\"}";
        as("assoc-tokyo").contentType("application/json").body(summary).post("/api/v1/consultations/" + done + "/outcome")
                .then().statusCode(409).body("type", equalTo("urn:telework:problem:consultation-not-started"));

        // the contact point moves the slot to yesterday (as if the consultation took place)
        announce(Fixtures.revise(s, LocalDate.now(Tokyo.ZONE).minusDays(1), 3, SlotV1.OPEN));
        as("assoc-osaka").contentType("application/json").body(summary).post("/api/v1/consultations/" + done + "/outcome")
                .then().statusCode(404);
        as("assoc-tokyo").contentType("application/json").body("{\"outcome\":\"COMPLETED\"}")
                .post("/api/v1/consultations/" + done + "/outcome")
                .then().statusCode(400).body("errors[0].field", equalTo("summary"));
        as("assoc-tokyo").contentType("application/json").body("{\"outcome\":\"MAYBE\",\"summary\":\"x\"}")
                .post("/api/v1/consultations/" + done + "/outcome")
                .then().statusCode(400).body("errors[0].field", equalTo("outcome"));
        as("assoc-tokyo").contentType("application/json").body(summary).post("/api/v1/consultations/" + done + "/outcome")
                .then().statusCode(200).body("status", equalTo("COMPLETED")).body("outcomeSummary", equalTo("Explained VPN options."));
        as("secretariat").contentType("application/json").body("{\"outcome\":\"NO_SHOW\",\"summary\":\"Nobody called in.\"}")
                .post("/api/v1/consultations/" + absent + "/outcome")
                .then().statusCode(200).body("status", equalTo("NO_SHOW"));
        // finished is finished
        as("assoc-tokyo").contentType("application/json").body("{\"outcome\":\"NO_SHOW\",\"summary\":\"x\"}")
                .post("/api/v1/consultations/" + done + "/outcome")
                .then().statusCode(409).body("type", equalTo("urn:telework:problem:invalid-transition"));
        as("assoc-tokyo").contentType("application/json").body("{\"reason\":\"x\"}").post("/api/v1/consultations/" + done + "/cancel")
                .then().statusCode(409).body("type", equalTo("urn:telework:problem:invalid-transition"));
        as("sme-a").contentType("application/json").body("{\"slotId\":\"" + s.slotId() + "\"}")
                .post("/api/v1/consultations/" + done + "/reschedule")
                .then().statusCode(409).body("type", equalTo("urn:telework:problem:invalid-transition"));
    }

    @Test
    void listsShowOnlyWhatTheCallerMaySeeAndFilter() {
        SlotV1 tokyo = announce(slot("13", 18, 5));
        SlotV1 osaka = announce(slot("27", 18, 5));
        UUID aTokyo = book("sme-a", tokyo.slotId());
        UUID bOsaka = book("sme-b", osaka.slotId());
        String day = tokyo.date().toString();

        as("sme-a").queryParam("from", day).queryParam("to", day).get("/api/v1/consultations").then().statusCode(200)
                .body("items.organizationId", everyItem(equalTo("org-sme-a")))
                .body("items.id", hasItem(aTokyo.toString())).body("items.id", not(hasItem(bOsaka.toString())));
        as("assoc-osaka").queryParam("from", day).queryParam("to", day).get("/api/v1/consultations").then().statusCode(200)
                .body("items.slot.contactPointCode", everyItem(equalTo("27")))
                .body("items.id", hasItem(bOsaka.toString())).body("items.id", not(hasItem(aTokyo.toString())));
        Response all = as("secretariat").queryParam("from", day).queryParam("to", day).queryParam("size", "100")
                .get("/api/v1/consultations");
        all.then().statusCode(200).body("items.id", hasItem(aTokyo.toString())).body("items.id", hasItem(bOsaka.toString()));
        assertEquals(String.valueOf(all.jsonPath().getLong("total")), all.header("X-Total-Count"));

        as("secretariat").queryParam("from", day).queryParam("to", day).queryParam("prefecture", "27")
                .queryParam("topic", "SECURITY").queryParam("status", "BOOKED").get("/api/v1/consultations").then()
                .statusCode(200).body("items.id", hasItem(bOsaka.toString())).body("items.id", not(hasItem(aTokyo.toString())));
        as("secretariat").queryParam("from", day).queryParam("to", day).queryParam("topic", "LABOR_MANAGEMENT")
                .get("/api/v1/consultations").then().statusCode(200).body("items.id", not(hasItem(bOsaka.toString())));
        as("secretariat").queryParam("size", "2").queryParam("page", "0").get("/api/v1/consultations").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("size", equalTo(2));

        as("secretariat").queryParam("status", "LOST").get("/api/v1/consultations").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("status"));
        as("secretariat").queryParam("size", "1000").get("/api/v1/consultations").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        as("secretariat").queryParam("from", "yesterday").get("/api/v1/consultations").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        as("secretariat").get("/api/v1/consultations/not-a-uuid").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("booking does not exist or is not visible to you"));
        as("secretariat").queryParam("page", "abc").get("/api/v1/consultations").then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
        as("secretariat").delete("/api/v1/consultations").then().statusCode(405).contentType("application/problem+json")
                .header("Allow", org.hamcrest.Matchers.containsString("POST"));
    }
}
