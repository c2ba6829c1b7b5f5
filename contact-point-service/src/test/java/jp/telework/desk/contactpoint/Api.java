package jp.telework.desk.contactpoint;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

import io.restassured.response.Response;
import jp.telework.desk.events.Topics;
import jp.telework.desk.infra.test.TestInfra;
import jp.telework.desk.infra.test.TopicProbe;
import jp.telework.desk.common.vocabulary.Tokyo;

/** Small helpers shared by the HTTP tests. */
final class Api {
    static final int HORIZON_DAYS = 8 * 7;

    private Api() {
    }

    static LocalDate today() {
        return LocalDate.now(Tokyo.ZONE);
    }

    static String token(String user) {
        return TestInfra.tokens().password(user);
    }

    /** A plan body: one window per given weekday, all alike. */
    static String plan(List<String> weekdays, String start, String end, int minutes, int capacity, String mode) {
        StringJoiner windows = new StringJoiner(",");
        for (String day : weekdays) {
            windows.add(window(day, start, end, minutes, capacity, mode));
        }
        return "{\"windows\":[" + windows + "]}";
    }

    static String window(String day, String start, String end, int minutes, int capacity, String mode) {
        return String.format("{\"weekday\":\"%s\",\"startTime\":\"%s\",\"endTime\":\"%s\",\"slotMinutes\":%d,\"capacity\":%d,\"mode\":\"%s\"}",
                day, start, end, minutes, capacity, mode);
    }

    static final List<String> EVERY_DAY = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");

    static Response putPlan(String code, String user, String ifMatch, String body) {
        var request = given().auth().oauth2(token(user)).contentType("application/json").body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().put("/api/v1/contact-points/" + code + "/availability/plan");
    }

    static String etag(String code) {
        return given().when().get("/api/v1/contact-points/" + code + "/availability/plan").then().statusCode(200).extract().header("ETag");
    }

    /** Slots of a contact point (all pages up to 1000). */
    static List<Map<String, Object>> slots(String code, String query) {
        return given().when().get("/api/v1/contact-points/" + code + "/slots?size=1000" + (query.isEmpty() ? "" : "&" + query))
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    static Map<String, Object> slot(String code, Object id) {
        return given().when().get("/api/v1/contact-points/" + code + "/slots/" + id).then().statusCode(200).extract().jsonPath()
                .getMap("$");
    }

    /** A booking event as consultation-service would publish it. */
    static String consultation(UUID bookingId, Object slotId, Object previousSlotId, String code, String status) {
        return String.format("{\"bookingId\":\"%s\",\"slotId\":%s,\"previousSlotId\":%s,\"contactPointCode\":\"%s\",\"mode\":\"IN_PERSON\","
                + "\"slotDate\":\"2026-12-01\",\"topics\":[\"SECURITY\"],\"status\":\"%s\"}", bookingId,
                slotId == null ? "null" : "\"" + slotId + "\"", previousSlotId == null ? "null" : "\"" + previousSlotId + "\"", code,
                status);
    }

    static void publishConsultation(String eventId, String type, String bookingKey, String json) {
        try (TopicProbe probe = TestInfra.probe()) {
            probe.publish(Topics.CONSULTATIONS, bookingKey, eventId, type, json);
        }
    }
}
