package jp.telework.desk.seminar;

import static jp.telework.desk.seminar.Fixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jp.telework.desk.events.EventTypes;
import jp.telework.desk.events.Topics;
import jp.telework.desk.infra.test.DeadLetterDeskClient;
import jp.telework.desk.infra.test.HandlerSwitch;
import jp.telework.desk.infra.test.TestInfra;
import jp.telework.desk.infra.test.TopicProbe;
import jp.telework.desk.seminar.domain.ContactPointStatus;
import jp.telework.desk.seminar.inbound.ContactPointEventsConsumer;

/**
 * The dead-letter desk of contact-points.events (consumer seminar-service.contact-points): a change the status
 * projection failed on is listed with its reason, replayed after the fix and applied once; a poison one is
 * discarded with its reason; the secretariat only.
 */
@QuarkusTest
class DeadLetterDeskTest {
    /** Yamaguchi is this test's own. */
    private static final String CP = "35";
    private static final String CONSUMER = ContactPointEventsConsumer.CONSUMER;
    private final DeadLetterDeskClient desk = new DeadLetterDeskClient("/api/v1/seminars/dead-letters", () -> Fixtures.token("secretariat"));

    @Test
    void aChangeTheProjectionFailedOnIsReplayedOnceAndPoisonIsDiscarded() {
        String eventId = UUID.randomUUID().toString();
        String data = "{\"code\":\"" + CP + "\",\"region\":\"CHUGOKU\",\"modes\":[\"PHONE\"],\"faceToFaceAvailable\":false,"
                + "\"active\":false,\"latitude\":34.19,\"longitude\":131.47}";
        HandlerSwitch.breakFor(CP);
        try (TopicProbe kafka = TestInfra.probe()) {
            Object id;
            try {
                kafka.publish(Topics.CONTACT_POINTS, CP, eventId, EventTypes.CONTACT_POINT_CHANGED.name(), data);
                Map<String, Object> letter = desk.awaitWaiting(CONSUMER, eventId);
                assertEquals(Topics.CONTACT_POINTS, letter.get("topic"));
                assertEquals(CP, letter.get("key"));
                assertTrue(((String) letter.get("reason")).contains("handler broken for " + CP));
                @SuppressWarnings("unchecked")
                Map<String, Object> payload = (Map<String, Object>) letter.get("payload");
                assertEquals(false, payload.get("active"));
                id = letter.get("id");
                desk.replay(id).then().statusCode(409).contentType("application/problem+json").body("type", containsString("replay-failed"));
                assertTrue(status() == null || !eventId.equals(status().lastEventId));
            } finally {
                HandlerSwitch.fix(CP);
            }
            desk.replay(id).then().statusCode(200).body("status", equalTo("REPLAYED")).body("outcome", equalTo("APPLIED"))
                    .body("resolvedBy", equalTo("secretariat"));
            assertEquals(eventId, status().lastEventId);
            assertEquals(false, status().active);

            String poisonId = UUID.randomUUID().toString();
            kafka.publish(Topics.CONTACT_POINTS, CP, poisonId, EventTypes.CONTACT_POINT_CHANGED.name(),
                    data.replace("\"code\":\"" + CP + "\"", "\"code\":\"99\""));
            Map<String, Object> poison = desk.awaitWaiting(CONSUMER, poisonId);
            assertEquals(true, poison.get("poison"));
            assertTrue(((String) poison.get("reason")).contains("unknown contact point code 99"));
            desk.discard(poison.get("id"), "no prefecture 99; the producer was fixed").then().statusCode(200)
                    .body("status", equalTo("DISCARDED")).body("discardReason", equalTo("no prefecture 99; the producer was fixed"));
            desk.replay(poison.get("id")).then().statusCode(409).body("type", containsString("not-waiting"));
        }
        as("sme-a").get(desk.path()).then().statusCode(403);
        as(null).get(desk.path()).then().statusCode(401);
    }

    private static ContactPointStatus status() {
        return QuarkusTransaction.requiringNew().call(() -> ContactPointStatus.findById(CP));
    }
}
