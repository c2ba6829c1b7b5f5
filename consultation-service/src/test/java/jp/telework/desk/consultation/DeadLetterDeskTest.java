package jp.telework.desk.consultation;

import static jp.telework.desk.consultation.Fixtures.as;
import static jp.telework.desk.consultation.Fixtures.slot;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jp.telework.desk.common.backlog.BacklogGauges;
import jp.telework.desk.consultation.inbound.ContactPointEventsConsumer;
import jp.telework.desk.events.EventTypes;
import jp.telework.desk.events.SlotV1;
import jp.telework.desk.events.Topics;
import jp.telework.desk.infra.test.DeadLetterDeskClient;
import jp.telework.desk.infra.test.HandlerSwitch;

/**
 * The dead-letter desk of contact-points.events (consumer consultation-service.contact-points): a slot event
 * the projection fails on is listed with its reason, replayed after the fix and applied once; a poison one is
 * discarded with its reason; the secretariat only.
 */
@QuarkusTest
class DeadLetterDeskTest {
    private static final String CONSUMER = ContactPointEventsConsumer.CONSUMER;
    private final DeadLetterDeskClient desk = new DeadLetterDeskClient("/api/v1/consultations/dead-letters",
            () -> Fixtures.token("secretariat"));

    @Inject
    BacklogGauges gauges;
    @Inject
    MeterRegistry meters;

    @Test
    void aSlotEventTheProjectionFailedOnIsReplayedAfterTheFixAndAppliedOnce() {
        SlotV1 s = slot("44", 9, 3);
        String eventId = UUID.randomUUID().toString();
        HandlerSwitch.breakFor(s.slotId().toString());
        try {
            Fixtures.publish(Topics.CONTACT_POINTS, "44", eventId, EventTypes.SLOT_OPENED.name(), s);
            Map<String, Object> letter = desk.awaitWaiting(CONSUMER, eventId);
            assertEquals(Topics.CONTACT_POINTS, letter.get("topic"));
            assertEquals(EventTypes.SLOT_OPENED.name(), letter.get("eventType"));
            assertEquals("44", letter.get("key"));
            assertTrue(((Number) letter.get("offset")).longValue() >= 0);
            assertEquals(false, letter.get("poison"));
            assertTrue(((String) letter.get("reason")).contains("handler broken for " + s.slotId()), (String) letter.get("reason"));
            @SuppressWarnings("unchecked")
            Map<String, Object> payload = (Map<String, Object>) letter.get("payload");
            assertEquals(s.slotId().toString(), payload.get("slotId"), "a contract type's data is shown");
            gauges.refresh();
            assertTrue(waiting() >= 1);

            desk.replay(letter.get("id")).then().statusCode(409).contentType("application/problem+json")
                    .body("type", containsString("replay-failed")).body("detail", containsString("handler broken"));
            as("secretariat").get("/api/v1/slots/" + s.slotId()).then().statusCode(404);
        } finally {
            HandlerSwitch.fix(s.slotId().toString());
        }
        Object id = desk.awaitWaiting(CONSUMER, eventId).get("id");
        desk.replay(id).then().statusCode(200).body("status", equalTo("REPLAYED")).body("outcome", equalTo("APPLIED"))
                .body("replayAttempts", equalTo(2)).body("payload", nullValue()).body("resolvedBy", equalTo("secretariat"));
        as("sme-a").get("/api/v1/slots/" + s.slotId()).then().statusCode(200).body("capacity", equalTo(3));
        desk.replay(id).then().statusCode(409).body("type", containsString("not-waiting"));
        // the same event once more from the broker: the inbox has it
        Fixtures.publish(Topics.CONTACT_POINTS, "44", eventId, EventTypes.SLOT_OPENED.name(),
                new SlotV1(s.slotId(), "44", s.date(), s.startTime(), s.endTime(), s.mode(), 9, SlotV1.OPEN, s.revision()));
        SlotV1 marker = Fixtures.announce(slot("44", 10, 1));
        Fixtures.awaitSlot(marker.slotId(), j -> true);
        as("sme-a").get("/api/v1/slots/" + s.slotId()).then().statusCode(200).body("capacity", equalTo(3));
    }

    @Test
    void poisonIsListedAndDiscardedWithItsReason() {
        String eventId = UUID.randomUUID().toString();
        Fixtures.publish(Topics.CONTACT_POINTS, "44", eventId, EventTypes.SLOT_CHANGED.name(), "{\"slotId\": 42");
        Map<String, Object> letter = desk.awaitWaiting(CONSUMER, eventId);
        assertEquals(true, letter.get("poison"));
        assertEquals(null, letter.get("payload"), "unreadable data is never shown");
        assertTrue(((String) letter.get("payloadWithheld")).contains("does not read as a SlotV1"));
        Object id = letter.get("id");

        desk.discard(id, " ").then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
        desk.discard(id, "malformed by the producer's 1.3 build; the slot was re-sent").then().statusCode(200)
                .body("status", equalTo("DISCARDED"));
        desk.get(id).then().statusCode(200).body("discardReason", equalTo("malformed by the producer's 1.3 build; the slot was re-sent"))
                .body("payloadWithheld", equalTo("erased when the letter was resolved")).body("resolvedBy", equalTo("secretariat"));
        desk.replay(id).then().statusCode(409).body("type", containsString("not-waiting"));
    }

    @Test
    void onlyTheSecretariatWorksTheDesk() {
        as("sme-a").get(desk.path()).then().statusCode(403);
        as("assoc-tokyo").get(desk.path()).then().statusCode(403);
        as("anonymous").get(desk.path()).then().statusCode(401);
        as("sme-a").post(desk.path() + "/" + UUID.randomUUID() + "/replay").then().statusCode(403);
        as("secretariat").get(desk.path() + "/not-an-id").then().statusCode(404).contentType("application/problem+json");
        as("secretariat").get(desk.path() + "/" + UUID.randomUUID()).then().statusCode(404);
        as("secretariat").queryParam("consumer", "nobody").get(desk.path()).then().statusCode(400)
                .body("errors[0].field", equalTo("consumer")).body("detail", containsString(CONSUMER));
        as("secretariat").post(desk.path() + "/replay").then().statusCode(400)
                .body("errors[0].field", equalTo("consumer"));
        as("secretariat").queryParam("status", "LOST").get(desk.path()).then().statusCode(400).body("errors[0].field", equalTo("status"));
        as("secretariat").get(desk.path()).then().statusCode(200).header("X-Total-Count", org.hamcrest.Matchers.notNullValue());
    }

    private double waiting() {
        return meters.get("telework.dead-letters.waiting").tag("consumer", CONSUMER).gauge().value();
    }
}
