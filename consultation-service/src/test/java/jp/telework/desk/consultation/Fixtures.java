package jp.telework.desk.consultation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jp.telework.desk.common.vocabulary.Tokyo;
import jp.telework.desk.events.ContactPointChangedV1;
import jp.telework.desk.events.EventTypes;
import jp.telework.desk.events.SlotV1;
import jp.telework.desk.events.Topics;
import jp.telework.desk.infra.test.TestInfra;
import jp.telework.desk.infra.test.TopicProbe;

/**
 * Test fixtures: real tokens of the demo users, slots announced through the real broker exactly as
 * contact-point-service would, and booking bodies.
 */
public final class Fixtures {
    public static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    public static final String ANONYMOUS = "anonymous";
    public static final String DASHBOARD = "dashboard";

    private record Cached(String token, long fetchedAt) {
    }

    private static final Map<String, Cached> TOKENS = new ConcurrentHashMap<>();

    private Fixtures() {
    }

    /** A fresh enough access token of a demo user ("dashboard" = the client-credentials service account). */
    public static String token(String user) {
        Cached c = TOKENS.get(user);
        if (c == null || System.currentTimeMillis() - c.fetchedAt() > 120_000) {
            String token = DASHBOARD.equals(user) ? TestInfra.tokens().clientCredentials() : TestInfra.tokens().password(user);
            c = new Cached(token, System.currentTimeMillis());
            TOKENS.put(user, c);
        }
        return c.token();
    }

    /** A request as the given user; "anonymous" sends no token. */
    public static RequestSpecification as(String user) {
        RequestSpecification spec = given();
        return ANONYMOUS.equals(user) ? spec : spec.auth().oauth2(token(user));
    }

    /** A slot in {@code days} days at 10:00-10:30 Tokyo time. */
    public static SlotV1 slot(String code, int days, int capacity) {
        return slot(code, LocalDate.now(Tokyo.ZONE).plusDays(days), LocalTime.of(10, 0), "ONLINE", capacity);
    }

    public static SlotV1 slot(String code, LocalDate date, LocalTime start, String mode, int capacity) {
        return new SlotV1(UUID.randomUUID(), code, date, start, start.plusMinutes(30), mode, capacity, SlotV1.OPEN, 1);
    }

    /** A slot starting about {@code hours} hours from now (the 30 minutes stay on one day). */
    public static SlotV1 slotStartingIn(String code, int hours, int capacity) {
        ZonedDateTime start = ZonedDateTime.now(Tokyo.ZONE).plusHours(hours).withMinute(0).withSecond(0).withNano(0);
        if (start.getHour() == 23) {
            start = start.minusHours(1);
        }
        return slot(code, start.toLocalDate(), start.toLocalTime(), "PHONE", capacity);
    }

    public static SlotV1 revise(SlotV1 s, LocalDate date, int capacity, String status) {
        return new SlotV1(s.slotId(), s.contactPointCode(), date, s.startTime(), s.endTime(), s.mode(), capacity, status,
                s.revision() + 1);
    }

    /** Publishes a slot event (new CloudEvents id) and waits until the projection shows this revision. */
    public static SlotV1 announce(SlotV1 slot) {
        String type = slot.revision() == 1 ? EventTypes.SLOT_OPENED.name()
                : SlotV1.CLOSED.equals(slot.status()) ? EventTypes.SLOT_CLOSED.name() : EventTypes.SLOT_CHANGED.name();
        publish(Topics.CONTACT_POINTS, slot.contactPointCode(), UUID.randomUUID().toString(), type, slot);
        awaitSlot(slot.slotId(), s -> s.getInt("capacity") == slot.capacity() && slot.status().equals(s.getString("status"))
                && slot.date().toString().equals(s.getString("date")));
        return slot;
    }

    public static void announce(ContactPointChangedV1 cp) {
        publish(Topics.CONTACT_POINTS, cp.code(), UUID.randomUUID().toString(), EventTypes.CONTACT_POINT_CHANGED.name(), cp);
    }

    public static void publish(String topic, String key, String id, String type, Object payload) {
        try (TopicProbe probe = TestInfra.probe(topic)) {
            probe.publish(topic, key, id, type, payload instanceof String s ? s : JSON.writeValueAsString(payload));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static JsonPath awaitSlot(UUID slotId, Predicate<JsonPath> condition) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            var r = given().get("/api/v1/slots/" + slotId);
            if (r.statusCode() != 200) {
                return false;
            }
            last[0] = r.jsonPath();
            return condition.test(last[0]);
        });
        return last[0];
    }

    public static String bookingBody(UUID slotId) {
        return bookingBody(slotId, "[\"ICT_ENVIRONMENT\",\"SECURITY\"]", "hanako.yamada@example.co.jp", "Please call in the morning.");
    }

    public static String bookingBody(UUID slotId, String topics, String email, String notes) {
        return """
                {"slotId":"%s","topics":%s,
                 "requester":{"organizationName":"Sakura Trading K.K.","organizationType":"SME","employeeCount":35,
                   "industry":"Wholesale","prefecture":"13","contactPerson":"Yamada Hanako","email":"%s","phone":"03-1234-5678"},
                 "notes":"%s"}""".formatted(slotId, topics, email, notes);
    }

    /** A booking taken on the phone for the caller's organization (its desk id, or null when it has none). */
    public static String phoneBookingBody(UUID slotId, String organizationId) {
        return phoneBookingBody(slotId, organizationId, "Sakura Trading K.K.");
    }

    public static String phoneBookingBody(UUID slotId, String organizationId, String organizationName) {
        return """
                {"slotId":"%s","topics":["ICT_ENVIRONMENT"],
                 "requester":{"organizationName":"%s","organizationType":"SME","employeeCount":12,
                   "industry":"Manufacturing","prefecture":"32","contactPerson":"Tanaka Jiro","email":"jiro.tanaka@example.co.jp",
                   "phone":"0852-12-3456"},
                 "notes":"Called Navi Dial"%s}""".formatted(slotId, organizationName,
                organizationId == null ? "" : ",\"organizationId\":\"" + organizationId + "\"");
    }

    /** Books as {@code user} and returns the new booking's id (asserts 201). */
    public static UUID book(String user, UUID slotId) {
        String id = as(user).contentType("application/json").body(bookingBody(slotId))
                .when().post("/api/v1/consultations")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    public static String inquiryBody(String prefecture, String email) {
        return """
                {"category":"SECURITY","prefecture":"%s","question":"Which rules should we set before staff use home PCs?",
                 "contactName":"Suzuki Ichiro"%s}""".formatted(prefecture, email == null ? "" : ",\"email\":\"" + email + "\"");
    }
}
