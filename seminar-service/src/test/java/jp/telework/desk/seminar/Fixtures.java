package jp.telework.desk.seminar;

import static io.restassured.RestAssured.given;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.specification.RequestSpecification;
import jp.telework.desk.infra.test.TestInfra;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;

/** Real tokens (cached well within their 5-minute life) and seminar bodies for the tests. */
final class Fixtures {
    static final ZoneOffset JST = ZoneOffset.ofHours(9);
    static final ObjectMapper JSON = new ObjectMapper();
    static final String DASHBOARD = "dashboard";

    private record Cached(String token, long fetchedAt) {
    }

    private static final Map<String, Cached> TOKENS = new ConcurrentHashMap<>();

    private Fixtures() {
    }

    /** A token for a demo user, or for the dashboard client ("dashboard"). */
    static String token(String user) {
        Cached c = TOKENS.get(user);
        if (c == null || System.currentTimeMillis() - c.fetchedAt() > 150_000) {
            String token = DASHBOARD.equals(user) ? TestInfra.tokens().clientCredentials() : TestInfra.tokens().password(user);
            c = new Cached(token, System.currentTimeMillis());
            TOKENS.put(user, c);
        }
        return c.token();
    }

    static RequestSpecification as(String user) {
        RequestSpecification spec = given();
        return user == null ? spec : spec.auth().oauth2(token(user));
    }

    static OffsetDateTime inDays(int days) {
        return OffsetDateTime.now(JST).plusDays(days).truncatedTo(ChronoUnit.HOURS).withHour(14);
    }

    /** A valid IN_PERSON seminar in Tokyo a month ahead, 20 seats, registration open now. */
    static Map<String, Object> seminar() {
        OffsetDateTime start = inDays(30);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "SEMINAR");
        m.put("titleJa", "テレワーク導入セミナー（労務管理編）");
        m.put("titleEn", "Introducing telework: labor management");
        m.put("descriptionJa", "社会保険労務士がテレワーク時の労務管理を解説します。");
        m.put("descriptionEn", "Working-time management for teleworkers, explained.");
        m.put("topics", List.of("LABOR_MANAGEMENT"));
        m.put("format", "IN_PERSON");
        m.put("venue", new LinkedHashMap<>(Map.of("prefecture", "13", "name", "会議室A", "address", "東京都千代田区1-1")));
        m.put("startsAt", start.toString());
        m.put("endsAt", start.plusHours(2).toString());
        m.put("registrationOpensAt", OffsetDateTime.now(JST).minusHours(1).truncatedTo(ChronoUnit.MINUTES).toString());
        m.put("registrationClosesAt", start.minusDays(1).toString());
        m.put("capacity", 20);
        m.put("host", "13");
        return m;
    }

    static Map<String, Object> hybrid(int capacity, int onlineCapacity) {
        Map<String, Object> m = seminar();
        m.put("format", "HYBRID");
        m.put("capacity", capacity);
        m.put("onlineCapacity", onlineCapacity);
        m.put("onlineJoin", Map.of("url", "https://meet.example.jp/j/" + UUID.randomUUID(), "meetingId", "123 456", "passcode", "secret-pass"));
        return m;
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates (as {@code user}) and publishes a seminar; returns its id. */
    static String published(String user, Map<String, Object> body) {
        String id = as(user).contentType("application/json").body(json(body)).when().post("/api/v1/seminars")
                .then().statusCode(201).extract().path("id");
        as(user).header("If-Match", "*").when().post("/api/v1/seminars/" + id + "/publish").then().statusCode(200);
        return id;
    }

    static String published(Map<String, Object> body) {
        return published("secretariat", body);
    }

    /** A registration body for {@code seats} seats; {@code orgId} only for staff registering on behalf. */
    static Map<String, Object> registration(int seats, String orgId) {
        Map<String, Object> org = new LinkedHashMap<>();
        if (orgId != null) {
            org.put("id", orgId);
        }
        org.put("name", "株式会社 " + (orgId != null ? orgId : "テスト"));
        org.put("type", "SME");
        org.put("prefecture", "13");
        org.put("employeeCount", 30);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seats", seats);
        m.put("organization", org);
        m.put("contact", Map.of("name", "山田 花子", "email", "hanako@example.jp", "phone", "03-0000-0000"));
        List<String> attendees = new ArrayList<>();
        for (int i = 0; i < seats; i++) {
            attendees.add("参加者 " + (i + 1));
        }
        m.put("attendees", attendees);
        return m;
    }

    static String register(String user, String seminarId, Map<String, Object> body) {
        return as(user).contentType("application/json").body(json(body))
                .when().post("/api/v1/seminars/" + seminarId + "/registrations")
                .then().statusCode(201).extract().path("id");
    }

    static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
