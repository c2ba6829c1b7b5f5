package jp.telework.desk.seminar;

import static jp.telework.desk.seminar.Fixtures.as;
import static jp.telework.desk.seminar.Fixtures.published;
import static jp.telework.desk.seminar.Fixtures.register;
import static jp.telework.desk.seminar.Fixtures.registration;
import static jp.telework.desk.seminar.Fixtures.seminar;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jp.telework.desk.events.EventTypes;
import jp.telework.desk.events.Topics;
import jp.telework.desk.infra.test.TestInfra;
import jp.telework.desk.infra.test.TopicProbe;
import jp.telework.desk.seminar.domain.ContactPointStatus;

/** Events on the real Kafka broker: what seminar-service publishes, and what it consumes. */
@QuarkusTest
class EventsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    MeterRegistry meters;

    @Test
    void publishRegisterPromoteAndCancelArePublished() throws Exception {
        try (TopicProbe probe = TestInfra.probe(Topics.SEMINARS)) {
            Map<String, Object> body = seminar();
            body.put("capacity", 2);
            String id = published(body);
            String a = register("sme-a", id, registration(2, null));
            String b = register("sme-b", id, registration(1, null)); // waits: no seat left
            as("sme-a").when().post("/api/v1/seminars/" + id + "/registrations/" + a + "/cancel").then().statusCode(200);

            TopicProbe.Event published = probe.await(e -> id.equals(e.key()) && EventTypes.SEMINAR_PUBLISHED.is(e.type()), WAIT);
            JsonNode seminar = Fixtures.JSON.readTree(published.data());
            assertEquals(id, seminar.get("seminarId").asText());
            assertEquals("13", seminar.get("hostPrefecture").asText());
            assertEquals("PUBLISHED", seminar.get("status").asText());
            assertTrue(seminar.get("startsAt").asText().endsWith("+09:00"), seminar.toString());
            assertEquals(id, published.subject());

            JsonNode confirmed = data(probe.await(e -> id.equals(e.key()) && EventTypes.REGISTRATION_CONFIRMED.is(e.type()), WAIT));
            assertEquals(a, confirmed.get("registrationId").asText());
            assertEquals(2, confirmed.get("seats").asInt());
            JsonNode waitlisted = data(probe.await(e -> id.equals(e.key()) && EventTypes.REGISTRATION_WAITLISTED.is(e.type()), WAIT));
            assertEquals(b, waitlisted.get("registrationId").asText());
            assertEquals(1, waitlisted.get("waitlistPosition").asInt());
            JsonNode cancelled = data(probe.await(e -> id.equals(e.key()) && EventTypes.REGISTRATION_CANCELLED.is(e.type()), WAIT));
            assertEquals(a, cancelled.get("registrationId").asText());
            JsonNode promoted = data(probe.await(e -> id.equals(e.key()) && EventTypes.REGISTRATION_PROMOTED.is(e.type()), WAIT));
            assertEquals(b, promoted.get("registrationId").asText());
            assertEquals("CONFIRMED", promoted.get("status").asText());

            // the seminar's cancellation: one event for it and one per registration so registrants can be told
            // broken bodies cancel nothing: JSON null, and JSON sent as another media type
            as("secretariat").header("If-Match", "*").contentType("application/json").body("null").when().post("/api/v1/seminars/" + id + "/cancel")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("body"));
            as("secretariat").header("If-Match", "*").contentType("application/json").body(new byte[] { '{', '"', 'r', 'e', 'a', 's', 'o', 'n', '"', ':', '"', (byte) 0xff, '"', '}' })
                    .when().post("/api/v1/seminars/" + id + "/cancel").then().statusCode(400).contentType("application/problem+json");
            as("secretariat").header("If-Match", "*").contentType("text/plain").body("{\"reason\":\"x\"}").when().post("/api/v1/seminars/" + id + "/cancel")
                    .then().statusCode(415).contentType("application/problem+json");
            as("secretariat").when().get("/api/v1/seminars/" + id).then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("PUBLISHED"));
            as("secretariat").header("If-Match", "*").when().post("/api/v1/seminars/" + id + "/cancel").then().statusCode(200);
            probe.await(e -> id.equals(e.key()) && EventTypes.SEMINAR_CANCELLED.is(e.type()), WAIT);
            probe.await(e -> id.equals(e.key()) && EventTypes.REGISTRATION_CANCELLED.is(e.type()) && e.data().contains(b), WAIT);

            List<TopicProbe.Event> mine = probe.drain(Duration.ofMillis(500)).stream().filter(e -> id.equals(e.key())).toList();
            List<String> types = mine.stream().map(TopicProbe.Event::type).toList();
            assertEquals(List.of(EventTypes.SEMINAR_PUBLISHED.name(), EventTypes.REGISTRATION_CONFIRMED.name(), EventTypes.REGISTRATION_WAITLISTED.name(),
                    EventTypes.REGISTRATION_CANCELLED.name(), EventTypes.REGISTRATION_PROMOTED.name(), EventTypes.SEMINAR_CANCELLED.name(),
                    EventTypes.REGISTRATION_CANCELLED.name()), types, "one seminar's events arrive in order, each once");
            for (TopicProbe.Event e : mine) {
                assertFalse(e.data().contains("example.jp") || e.data().contains("山田") || e.data().contains("03-0000"),
                        "no personal data in events: " + e.data());
            }
        }
    }

    private static JsonNode data(TopicProbe.Event e) throws Exception {
        return Fixtures.JSON.readTree(e.data());
    }

    private static String changed(String code, boolean active) {
        return "{\"code\":\"" + code + "\",\"region\":\"KINKI\",\"modes\":[\"PHONE\",\"ONLINE\"],\"faceToFaceAvailable\":false,"
                + "\"active\":" + active + ",\"latitude\":34.22,\"longitude\":135.16}";
    }

    private double redelivered() {
        Counter c = meters.find("telework.events.redelivered").tag("consumer", "seminar-service.contact-points").counter();
        return c == null ? 0 : c.count();
    }

    private double deadLettered() {
        Counter c = meters.find("telework.events.dead-lettered").tag("consumer", "seminar-service.contact-points").counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void anInactiveHostIsFlaggedAndARedeliveredEventChangesNothing() {
        Map<String, Object> body = seminar();
        body.put("host", "30"); // Wakayama
        body.put("venue", Map.of("prefecture", "30", "address", "和歌山県白浜町"));
        String id = published(body);
        as(null).when().get("/api/v1/seminars/" + id).then().body("hostInactive", equalTo(false));

        try (TopicProbe probe = TestInfra.probe(Topics.CONTACT_POINTS, Topics.dlq(Topics.CONTACT_POINTS, "seminar-service"))) {
            String inactiveId = UUID.randomUUID().toString();
            probe.publish(Topics.CONTACT_POINTS, "30", inactiveId, EventTypes.CONTACT_POINT_CHANGED.name(), changed("30", false));
            await().atMost(WAIT).untilAsserted(() -> as(null).when().get("/api/v1/seminars/" + id)
                    .then().body("hostInactive", equalTo(true)));
            as("secretariat").queryParam("hostInactive", "true").queryParam("size", "100").when().get("/api/v1/seminars")
                    .then().body("items.id", org.hamcrest.Matchers.hasItem(id));

            probe.publish(Topics.CONTACT_POINTS, "30", UUID.randomUUID().toString(), EventTypes.CONTACT_POINT_CHANGED.name(),
                    changed("30", true));
            await().atMost(WAIT).untilAsserted(() -> as(null).when().get("/api/v1/seminars/" + id)
                    .then().body("hostInactive", equalTo(false)));

            // the old "inactive" event delivered again (same CloudEvents id): the inbox recognizes it, nothing changes
            double before = redelivered();
            probe.publish(Topics.CONTACT_POINTS, "30", inactiveId, EventTypes.CONTACT_POINT_CHANGED.name(), changed("30", false));
            await().atMost(WAIT).until(() -> redelivered() > before);
            as(null).when().get("/api/v1/seminars/" + id).then().body("hostInactive", equalTo(false));
            ContactPointStatus status = QuarkusTransaction.requiringNew().call(() -> ContactPointStatus.findById("30"));
            assertTrue(status.active);
            assertFalse(inactiveId.equals(status.lastEventId));

            // a poison event goes to the dead-letter topic and consumption goes on; unknown types are skipped
            double dead = deadLettered();
            probe.publish(Topics.CONTACT_POINTS, "30", UUID.randomUUID().toString(), EventTypes.CONTACT_POINT_CHANGED.name(), "{\"code\":");
            probe.publish(Topics.CONTACT_POINTS, "30", UUID.randomUUID().toString(), EventTypes.SLOT_OPENED.name(), "{\"whatever\":1}");
            probe.await(e -> e.topic().equals(Topics.dlq(Topics.CONTACT_POINTS, "seminar-service")) && "{\"code\":".equals(e.data()), WAIT);
            await().atMost(WAIT).until(() -> deadLettered() > dead);
            probe.publish(Topics.CONTACT_POINTS, "29", UUID.randomUUID().toString(), EventTypes.CONTACT_POINT_CHANGED.name(),
                    changed("29", true));
            await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> ContactPointStatus.findById("29") != null));
        }
    }
}
