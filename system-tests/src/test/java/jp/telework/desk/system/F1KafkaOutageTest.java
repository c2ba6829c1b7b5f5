package jp.telework.desk.system;

import static jp.telework.desk.system.Api.as;
import static jp.telework.desk.system.Api.eventually;
import static jp.telework.desk.system.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import jp.telework.desk.events.Topics;
import jp.telework.desk.infra.test.TopicProbe;

/**
 * Fault: Kafka stopped while bookings and registrations continue. They succeed (the outbox holds the
 * events); after Kafka's restart every event arrives, and counts in contact-point-service (fed by
 * consultations.events and seminars.events) converge to exactly what happened, not doubled.
 */
@SuiteClock.SystemTest
@Order(7)
class F1KafkaOutageTest {

    @Test
    void bookingsAndRegistrationsContinueWithoutKafkaAndEveryEventArrivesOnceInEffect() {
        Fixtures.ensurePlan("assoc-osaka", "27", Bodies.weekdayPlan(2, 3));
        LocalDate day = Fixtures.claimDay("27", "IN_PERSON");
        List<Map<String, Object>> slots = Fixtures.slotsOn("27", "IN_PERSON", day, 2);
        String s0 = Fixtures.slotId(slots.get(0));
        String s1 = Fixtures.slotId(slots.get(1));

        // an Osaka-hosted seminar, published while Kafka is up
        Response seminar = json(as("assoc-osaka"), Bodies.seminar("27", "27", 10, 55, null)).post("/api/v1/seminars");
        seminar.then().statusCode(201);
        String seminarId = seminar.path("id");
        Response published = as("assoc-osaka").header("If-Match", seminar.header("ETag"))
                .post("/api/v1/seminars/{id}/publish", seminarId);
        published.then().statusCode(200);
        LocalDate seminarDay = OffsetDateTime.parse(published.path("startsAt")).toLocalDate();
        eventually().untilAsserted(() -> assertEquals(1, seminarFigure(seminarDay, "seminars"), "the seminar is known"));

        List<String> keep = new ArrayList<>();
        try (TopicProbe probe = new TopicProbe(SystemStack.kafka(), Topics.CONSULTATIONS, Topics.SEMINARS)) {
            SystemStack.stop(SystemStack.Server.KAFKA);
            String b1;
            String b2;
            String b3;
            String b4;
            List<String> registrations = new ArrayList<>();
            try {
                b1 = Fixtures.book("sme-b", s0);
                b2 = Fixtures.book("sme-c", s0);
                b3 = Fixtures.book("sme-b", s1);
                Fixtures.cancel("sme-b", b3);
                b4 = Fixtures.book("sme-a", s1);
                keep.addAll(List.of(b1, b2, b4));
                for (String sme : List.of("sme-a", "sme-b", "sme-c")) {
                    Response r = json(as(sme).header("Idempotency-Key", UUID.randomUUID().toString()), Bodies.registration(sme, 2))
                            .post("/api/v1/seminars/{id}/registrations", seminarId);
                    assertEquals(201, r.statusCode(), r::asString);
                    assertEquals("CONFIRMED", r.path("status"));
                    registrations.add(r.path("id"));
                }
                json(as("sme-c"), Map.of()).post("/api/v1/seminars/{id}/registrations/{rid}/cancel", seminarId, registrations.get(2))
                        .then().statusCode(200);

                // consultation-service decided on its own: the places are taken there already
                assertEquals(0, Fixtures.remainingAtConsultations(s0));
                assertEquals(1, Fixtures.remainingAtConsultations(s1));
                // contact-point-service cannot have heard of it: nothing could be delivered
                assertEquals(0, Fixtures.bookedAtContactPoint("27", s0));
            } finally {
                SystemStack.restart(SystemStack.Server.KAFKA);
            }

            // after the restart the outbox delivers, the consumers apply, the counts converge
            Fixtures.awaitBooked("27", s0, 2);
            Fixtures.awaitBooked("27", s1, 1);
            eventually().untilAsserted(() -> assertEquals(4, seminarFigure(seminarDay, "registeredSeats"),
                    "sme-a and sme-b hold 2 seats each, sme-c cancelled"));

            // every business event is on the topic, and each one once (one id per fact)
            String lastRegistration = registrations.get(2);
            probe.await(e -> "seminar.registration-cancelled.v1".equals(e.type()) && e.data().contains(lastRegistration),
                    Duration.ofSeconds(60));
            probe.await(e -> "consultation.booked.v1".equals(e.type()) && b4.equals(e.key()), Duration.ofSeconds(60));
            List<TopicProbe.Event> events = probe.drain(Duration.ofSeconds(1));
            for (String b : List.of(b1, b2, b3, b4)) {
                assertEquals(1, distinctIds(events, "consultation.booked.v1", b), "booked events of " + b);
            }
            assertEquals(1, distinctIds(events, "consultation.cancelled.v1", b3));
            for (String r : registrations) {
                assertEquals(1, events.stream().filter(e -> "seminar.registration-confirmed.v1".equals(e.type())
                        && e.data().contains(r)).map(TopicProbe.Event::id).distinct().count(), "confirmed events of " + r);
            }

            // and the effect stays once: nothing is applied a second time later
            Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                    Fixtures.bookedAtContactPoint("27", s0) == 2 && Fixtures.bookedAtContactPoint("27", s1) == 1
                            && seminarFigure(seminarDay, "registeredSeats") == 4);
        } finally {
            keep.forEach(id -> Fixtures.cancel("secretariat", id));
        }
    }

    private static long distinctIds(List<TopicProbe.Event> events, String type, String key) {
        return events.stream().filter(e -> type.equals(e.type()) && key.equals(e.key())).map(TopicProbe.Event::id).distinct().count();
    }

    /** A figure of Osaka's seminars in contact-point-service's statistics (fed by seminars.events). */
    static int seminarFigure(LocalDate day, String figure) {
        Response stats = as("secretariat").queryParam("from", day.toString()).queryParam("to", day.toString())
                .get("/api/v1/contact-points/statistics");
        stats.then().statusCode(200);
        Number n = stats.path("byPrefecture.find { it.prefecture == '27' }.seminars." + figure);
        return n == null ? -1 : n.intValue();
    }
}
