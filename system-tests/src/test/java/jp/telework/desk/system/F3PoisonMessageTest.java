package jp.telework.desk.system;

import static jp.telework.desk.system.Api.as;
import static jp.telework.desk.system.Api.eventually;
import static jp.telework.desk.system.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import jp.telework.desk.events.EventTypes;
import jp.telework.desk.events.Topics;
import jp.telework.desk.infra.test.TopicProbe;

/**
 * Fault: a poison message (valid CloudEvents envelope, a known type, broken data) on each of the three
 * topics. It lands on the dead-letter topic of each consumer group that read it
 * ({@code <topic>.<group>.dlq}) and the consumers go on: a valid event published after it is applied. Each
 * consumer's letter is also on its service's dead-letter desk, through the gateway, with its reason; the
 * secretariat discards it there and the reason is kept.
 */
@SuiteClock.SystemTest
@Order(9)
class F3PoisonMessageTest {

    @Test
    void poisonOnContactPointEventsGoesToTheDlqAndSlotsStillArrive() {
        String consultations = Topics.dlq(Topics.CONTACT_POINTS, "consultation-service");
        String seminars = Topics.dlq(Topics.CONTACT_POINTS, "seminar-service");
        try (TopicProbe dlq = new TopicProbe(SystemStack.kafka(), consultations, seminars)) {
            String unreadable = UUID.randomUUID().toString();
            String invalid = UUID.randomUUID().toString();
            // read by consultation-service and seminar-service (both consume contact-point.changed.v1)
            dlq.publish(Topics.CONTACT_POINTS, "22", unreadable, EventTypes.CONTACT_POINT_CHANGED.name(),
                    "{\"code\":\"22\",\"region\":\"CHUBU\",\"modes\":[\"ONLINE\"");
            dlq.publish(Topics.CONTACT_POINTS, "22", invalid, EventTypes.SLOT_OPENED.name(),
                    "{\"slotId\":\"not-a-uuid\",\"contactPointCode\":\"22\",\"date\":\"someday\",\"capacity\":\"many\"}");
            awaitDeadLettered(dlq, unreadable, consultations, seminars);
            // seminar-service has no handler for slot events: it ignores this one
            awaitDeadLettered(dlq, invalid, consultations);
        }
        // a valid event after the poison is applied: a new plan's slots reach consultation-service
        Fixtures.replacePlan("secretariat", "22", Bodies.weekdayPlan("IN_PERSON", "10:00", "12:00", 1)).then().statusCode(200);
        Fixtures.markPlanned("22");
        LocalDate day = Fixtures.claimDay("22", "IN_PERSON");
        assertEquals(2, Fixtures.slotsOn("22", "IN_PERSON", day, 2).size());
    }

    @Test
    void poisonOnConsultationEventsGoesToTheDlqAndBookingsStillCount() {
        Fixtures.ensurePlan("secretariat", "22", Bodies.weekdayPlan("IN_PERSON", "10:00", "12:00", 1));
        LocalDate day = Fixtures.claimDay("22", "IN_PERSON");
        String slot = Fixtures.slotId(Fixtures.slotsOn("22", "IN_PERSON", day, 2).get(0));
        String booking;
        String contactPoints = Topics.dlq(Topics.CONSULTATIONS, "contact-point-service");
        try (TopicProbe dlq = new TopicProbe(SystemStack.kafka(), contactPoints)) {
            String unreadable = UUID.randomUUID().toString();
            String unknownSlot = UUID.randomUUID().toString();
            String key = UUID.randomUUID().toString();
            // read by contact-point-service
            dlq.publish(Topics.CONSULTATIONS, key, unreadable, EventTypes.CONSULTATION_BOOKED.name(), "{\"bookingId\":\"" + key + "\",");
            dlq.publish(Topics.CONSULTATIONS, key, unknownSlot, EventTypes.CONSULTATION_BOOKED.name(),
                    "{\"bookingId\":\"" + key + "\",\"slotId\":\"" + UUID.randomUUID() + "\",\"contactPointCode\":\"22\","
                            + "\"mode\":\"IN_PERSON\",\"slotDate\":\"" + day + "\",\"topics\":[\"SECURITY\"],\"status\":\"BOOKED\"}");
            awaitDeadLettered(dlq, unreadable, contactPoints);
            awaitDeadLettered(dlq, unknownSlot, contactPoints);
            booking = Fixtures.book("sme-b", slot);
        }
        Fixtures.awaitBooked("22", slot, 1);
        Fixtures.cancel("sme-b", booking);
        Fixtures.awaitBooked("22", slot, 0);
    }

    @Test
    void poisonOnSeminarEventsGoesToTheDlqAndRegistrationsStillCount() {
        Response created = json(as("secretariat"), Bodies.seminar("22", "22", 10, 57, null)).post("/api/v1/seminars");
        created.then().statusCode(201);
        String seminarId = created.path("id");
        Response published = as("secretariat").header("If-Match", created.header("ETag")).post("/api/v1/seminars/{id}/publish", seminarId);
        published.then().statusCode(200);
        LocalDate day = OffsetDateTime.parse(published.path("startsAt")).toLocalDate();
        String contactPoints = Topics.dlq(Topics.SEMINARS, "contact-point-service");
        try (TopicProbe dlq = new TopicProbe(SystemStack.kafka(), contactPoints)) {
            String unreadable = UUID.randomUUID().toString();
            // read by contact-point-service
            dlq.publish(Topics.SEMINARS, seminarId, unreadable, EventTypes.REGISTRATION_CONFIRMED.name(),
                    "{\"registrationId\":[1,2,3],\"seminarId\":");
            awaitDeadLettered(dlq, unreadable, contactPoints);
            json(as("sme-c"), Bodies.registration("sme-c", 3)).post("/api/v1/seminars/{id}/registrations", seminarId)
                    .then().statusCode(201);
        }
        eventually().untilAsserted(() -> {
            Response stats = as("secretariat").queryParam("from", day.toString()).queryParam("to", day.toString())
                    .get("/api/v1/contact-points/statistics");
            stats.then().statusCode(200);
            Map<String, Object> figures = stats.jsonPath().getMap("byPrefecture.find { it.prefecture == '22' }.seminars");
            assertEquals(1, ((Number) figures.get("seminars")).intValue(), () -> "Shizuoka's seminars: " + figures);
            assertEquals(3, ((Number) figures.get("registeredSeats")).intValue(), () -> "Shizuoka's seminars: " + figures);
        });
    }

    /** Waits until the poison event is on the dead-letter topic of each consumer group that read it, and only there. */
    @SuppressWarnings("unchecked")
    private static void awaitDeadLettered(TopicProbe dlq, String eventId, String... deadLetterTopics) {
        dlq.await(e -> eventId.equals(e.id()), Duration.ofSeconds(90));
        eventually().untilAsserted(() -> {
            java.util.Set<String> on = dlq.drain(Duration.ofMillis(300)).stream().filter(e -> eventId.equals(e.id()))
                    .map(TopicProbe.Event::topic).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
            assertEquals(new java.util.TreeSet<>(List.of(deadLetterTopics)), on, "dead-letter topics of the consumers that read it");
        });
        for (String topic : deadLetterTopics) {
            String[] desk = DESKS.get(topic);
            Map<String, Object>[] letter = new Map[1];
            eventually().untilAsserted(() -> {
                Response list = as("secretariat").queryParam("consumer", desk[1]).queryParam("status", "WAITING").queryParam("size", 100)
                        .get(desk[0]);
                list.then().statusCode(200);
                List<Map<String, Object>> items = list.jsonPath().getList("items");
                letter[0] = items.stream().filter(i -> eventId.equals(i.get("eventId"))).findFirst().orElse(null);
                org.junit.jupiter.api.Assertions.assertNotNull(letter[0], () -> eventId + " on the desk " + desk[0] + " of " + desk[1]);
            });
            org.junit.jupiter.api.Assertions.assertTrue(((String) letter[0].get("reason")).length() > 0);
            assertEquals(true, letter[0].get("poison"));
            String reason = "poison of the system test, nothing to apply";
            json(as("secretariat"), Map.of("reason", reason)).post(desk[0] + "/{id}/discard", letter[0].get("id"))
                    .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("DISCARDED"));
            as("secretariat").get(desk[0] + "/{id}", letter[0].get("id")).then().statusCode(200)
                    .body("discardReason", org.hamcrest.Matchers.equalTo(reason));
        }
    }

    /** Each dead-letter topic's desk: the service's path and the consumer's inbox name. */
    private static final Map<String, String[]> DESKS = Map.of(
            Topics.dlq(Topics.CONTACT_POINTS, "consultation-service"),
            new String[] { "/api/v1/consultations/dead-letters", "consultation-service.contact-points" },
            Topics.dlq(Topics.CONTACT_POINTS, "seminar-service"),
            new String[] { "/api/v1/seminars/dead-letters", "seminar-service.contact-points" },
            Topics.dlq(Topics.CONSULTATIONS, "contact-point-service"),
            new String[] { "/api/v1/contact-points/dead-letters", "contact-point-service.bookings" },
            Topics.dlq(Topics.SEMINARS, "contact-point-service"),
            new String[] { "/api/v1/contact-points/dead-letters", "contact-point-service.seminars" });
}
