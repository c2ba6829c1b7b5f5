package jp.telework.desk.contactpoint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jp.telework.desk.contactpoint.domain.SeminarRef;
import jp.telework.desk.contactpoint.inbound.ConsultationEventsConsumer;
import jp.telework.desk.contactpoint.inbound.SeminarEventsConsumer;
import jp.telework.desk.events.EventTypes;
import jp.telework.desk.events.Topics;
import jp.telework.desk.infra.test.DeadLetterDeskClient;
import jp.telework.desk.infra.test.HandlerSwitch;
import jp.telework.desk.infra.test.TestInfra;
import jp.telework.desk.infra.test.TopicProbe;

/**
 * The dead-letter desk of this service's two consumers, consultations.events (the booking ledger) and
 * seminars.events (the seminar ledger): an event the ledger failed on is listed with its reason, replayed after
 * the fix and applied once; a poison one is discarded with its reason.
 */
@QuarkusTest
class DeadLetterDeskTest {
    private static final String CP = "41";
    private final DeadLetterDeskClient desk = new DeadLetterDeskClient("/api/v1/contact-points/dead-letters",
            () -> Api.token("secretariat"));

    @Test
    void aBookingTheLedgerFailedOnIsReplayedOnceAndPoisonIsDiscarded() {
        if (Api.slots(CP, "").isEmpty()) {
            Api.putPlan(CP, "secretariat", "*", Api.plan(Api.EVERY_DAY, "13:00", "15:00", 60, 2, "ONLINE")).then().statusCode(200);
        }
        Object slotId = Api.slots(CP, "from=" + Api.today().plusDays(2)).get(0).get("id");
        UUID booking = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String data = Api.consultation(booking, slotId, null, CP, "BOOKED");
        HandlerSwitch.breakFor(booking.toString());
        Object id;
        try {
            Api.publishConsultation(eventId, EventTypes.CONSULTATION_BOOKED.name(), booking.toString(), data);
            Map<String, Object> letter = desk.awaitWaiting(ConsultationEventsConsumer.CONSUMER, eventId);
            assertEquals(Topics.CONSULTATIONS, letter.get("topic"));
            assertEquals(booking.toString(), letter.get("key"));
            assertTrue(((String) letter.get("reason")).contains("handler broken for " + booking));
            @SuppressWarnings("unchecked")
            Map<String, Object> payload = (Map<String, Object>) letter.get("payload");
            assertEquals(booking.toString(), payload.get("bookingId"));
            id = letter.get("id");
            desk.replay(id).then().statusCode(409).body("type", containsString("replay-failed"));
            assertEquals(0, booked(slotId));
        } finally {
            HandlerSwitch.fix(booking.toString());
        }
        desk.replay(id).then().statusCode(200).body("status", equalTo("REPLAYED")).body("outcome", equalTo("APPLIED"));
        assertEquals(1, booked(slotId));
        Api.publishConsultation(eventId, EventTypes.CONSULTATION_BOOKED.name(), booking.toString(), data); // once more from the broker
        UUID marker = UUID.randomUUID();
        Api.publishConsultation(UUID.randomUUID().toString(), EventTypes.CONSULTATION_BOOKED.name(), booking.toString(),
                Api.consultation(marker, slotId, null, CP, "BOOKED"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> booked(slotId) == 2);
        assertEquals(2, booked(slotId), "the replayed booking counted once, the marker once");

        String poisonId = UUID.randomUUID().toString();
        Api.publishConsultation(poisonId, EventTypes.CONSULTATION_CANCELLED.name(), booking.toString(), "{\"bookingId\": [");
        Object poison = desk.awaitWaiting(ConsultationEventsConsumer.CONSUMER, poisonId).get("id");
        desk.discard(poison, "truncated by a proxy; the booking's state came with the next event").then().statusCode(200)
                .body("status", equalTo("DISCARDED"));
        desk.get(poison).then().body("discardReason", equalTo("truncated by a proxy; the booking's state came with the next event"))
                .body("payloadSha256", org.hamcrest.Matchers.hasLength(64));
    }

    @Test
    void aSeminarTheLedgerFailedOnIsReplayedOnceAndPoisonIsDiscarded() {
        UUID seminar = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String data = "{\"seminarId\":\"" + seminar + "\",\"kind\":\"SEMINAR\",\"format\":\"ONLINE\",\"hostPrefecture\":\"" + CP + "\","
                + "\"venuePrefecture\":\"" + CP + "\",\"startsAt\":\"" + Api.today().plusDays(12) + "T14:00:00+09:00\",\"capacity\":30,"
                + "\"status\":\"PUBLISHED\"}";
        HandlerSwitch.breakFor(seminar.toString());
        Object id;
        try (TopicProbe kafka = TestInfra.probe()) {
            kafka.publish(Topics.SEMINARS, seminar.toString(), eventId, EventTypes.SEMINAR_PUBLISHED.name(), data);
            Map<String, Object> letter = desk.awaitWaiting(SeminarEventsConsumer.CONSUMER, eventId);
            assertEquals(Topics.SEMINARS, letter.get("topic"));
            assertEquals(EventTypes.SEMINAR_PUBLISHED.name(), letter.get("eventType"));
            id = letter.get("id");
            desk.replay(id).then().statusCode(409).body("type", containsString("replay-failed"));
            assertNull(seminarRef(seminar));
            HandlerSwitch.fix(seminar.toString());
            desk.replay(id).then().statusCode(200).body("status", equalTo("REPLAYED")).body("outcome", equalTo("APPLIED"));
            assertNotNull(seminarRef(seminar));
            assertEquals(30, seminarRef(seminar).capacity);

            String poisonId = UUID.randomUUID().toString();
            kafka.publish(Topics.SEMINARS, seminar.toString(), poisonId, EventTypes.SEMINAR_UPDATED.name(), "{\"seminarId\":\"" + seminar + "\"}");
            Map<String, Object> poison = desk.awaitWaiting(SeminarEventsConsumer.CONSUMER, poisonId);
            assertEquals(true, poison.get("poison"));
            assertTrue(((String) poison.get("reason")).contains("seminarId and status are required"), (String) poison.get("reason"));
            desk.discard(poison.get("id"), "sent without a status by a test tool").then().statusCode(200);
            given().auth().oauth2(Api.token("secretariat")).queryParam("consumer", SeminarEventsConsumer.CONSUMER)
                    .queryParam("status", "DISCARDED").queryParam("size", 100).get(desk.path()).then().statusCode(200)
                    .body("items.find { it.eventId == '" + poisonId + "' }.discardReason", equalTo("sent without a status by a test tool"));
        } finally {
            HandlerSwitch.fix(seminar.toString());
        }
    }

    private static int booked(Object slotId) {
        return ((Number) Api.slot(CP, slotId).get("booked")).intValue();
    }

    private static SeminarRef seminarRef(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> SeminarRef.findById(id));
    }
}
