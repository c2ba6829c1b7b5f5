package jp.telework.desk.system;

import static jp.telework.desk.system.Api.anonymous;
import static jp.telework.desk.system.Api.as;
import static jp.telework.desk.system.Api.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

/**
 * The one HTTP edge, seen by a client through the gateway: every service and the gateway answer the same
 * concern the same way (malformed ids, bad query values, wrong methods, pages, replays, If-Match).
 */
@Order(5)
class E1OneDialectTest {
    private static final String NOT_FOUND = "urn:telework:problem:not-found";

    @Test
    void aMalformedIdIsAnUnknownResourceNamedByItsKind() {
        as("secretariat").get("/api/v1/consultations/not-a-uuid").then().statusCode(404).contentType(Api.PROBLEM)
                .body("type", equalTo(NOT_FOUND)).body("detail", containsString("booking"));
        anonymous().get("/api/v1/contact-points/99").then().statusCode(404).contentType(Api.PROBLEM)
                .body("type", equalTo(NOT_FOUND)).body("detail", containsString("contact point"));
        anonymous().get("/api/v1/slots/not-a-uuid").then().statusCode(404).body("detail", containsString("slot"));
        as("secretariat").get("/api/v1/seminars/not-a-uuid").then().statusCode(404).body("detail", containsString("seminar"));
        as("secretariat").get("/api/v1/inquiries/" + "x".repeat(8)).then().statusCode(404).body("detail", containsString("inquiry"));
    }

    @Test
    void aBadQueryValueIsA400NamingTheParameter() {
        anonymous().queryParam("page", "abc").get("/api/v1/slots").then().statusCode(400).contentType(Api.PROBLEM)
                .body("errors[0].field", equalTo("page"));
        anonymous().queryParam("region", "ATLANTIS").get("/api/v1/contact-points").then().statusCode(400)
                .body("errors[0].field", equalTo("region"));
        anonymous().queryParam("page", "2147483647").queryParam("size", "100").get("/api/v1/seminars").then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
        as("secretariat").queryParam("from", "yesterday").get("/api/v1/dashboard/overview").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        anonymous().queryParam("hasSeats", "maybe").get("/api/v1/seminars").then().statusCode(400)
                .body("errors[0].field", equalTo("hasSeats"));
        anonymous().queryParam("prefecture", "48").get("/api/v1/seminars").then().statusCode(400)
                .body("errors[0].field", equalTo("prefecture"));
    }

    @Test
    void aWrongMethodOnAKnownPathIs405WithAllow() {
        as("secretariat").delete("/api/v1/consultations").then().statusCode(405).contentType(Api.PROBLEM)
                .body("type", equalTo("urn:telework:problem:method-not-allowed")).header("Allow", containsString("POST"));
        as("secretariat").delete("/api/v1/contact-points").then().statusCode(405).header("Allow", containsString("GET"));
        as("secretariat").delete("/api/v1/seminars").then().statusCode(405).header("Allow", containsString("POST"));
        as("secretariat").post("/api/v1/dashboard/overview").then().statusCode(405).header("Allow", equalTo("GET, HEAD"));
    }

    @Test
    void everyListIsOnePageShapeWithItsTotalInAHeader() {
        Map<String, String> lists = new java.util.LinkedHashMap<>();
        for (String path : List.of("/api/v1/slots", "/api/v1/seminars", "/api/v1/contact-points/13/slots",
                "/api/v1/contact-points/13/availability/exceptions")) {
            lists.put(path, null);
        }
        lists.put("/api/v1/consultations", "secretariat");
        lists.put("/api/v1/inquiries", "secretariat");
        lists.put("/api/v1/seminars/my-registrations", "sme-a");
        String seminar = anonymous().queryParam("size", "1").get("/api/v1/seminars").path("items[0].id");
        if (seminar != null) {
            lists.put("/api/v1/seminars/" + seminar + "/registrations", "secretariat");
        }
        for (Map.Entry<String, String> list : lists.entrySet()) {
            String path = list.getKey();
            Response page = (list.getValue() == null ? anonymous() : as(list.getValue())).queryParam("size", "1").get(path);
            page.then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(1));
            assertEquals(page.jsonPath().getLong("total"), Long.parseLong(page.header("X-Total-Count")), path);
        }
    }

    @Test
    void aReplayedIdempotencyKeySaysSo() {
        String key = "dialect-" + UUID.randomUUID();
        Map<String, Object> body = Bodies.inquiry("13", "Which consultation modes are offered in Tokyo?");
        Response first = json(as("sme-a").header("Idempotency-Key", key), body).post("/api/v1/inquiries");
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        Response again = json(as("sme-a").header("Idempotency-Key", key), body).post("/api/v1/inquiries");
        again.then().statusCode(201).header("Idempotent-Replayed", equalTo("true"));
        assertEquals(first.header("Location"), again.header("Location"));
    }

    @Test
    void aSharedResourceIsNotUpdatedWithoutNamingItsVersion() {
        String before = anonymous().get("/api/v1/contact-points/13").then().statusCode(200).extract().header("ETag");
        json(as("assoc-tokyo"), Map.of("modes", List.of("IN_PERSON", "PHONE", "ONLINE"), "languages", List.of("ja", "en"),
                "active", true, "openOnHolidays", false, "phone", "03-5289-0751", "note", "no If-Match"))
                .put("/api/v1/contact-points/13").then().statusCode(428).contentType(Api.PROBLEM)
                .body("type", equalTo("urn:telework:problem:precondition-required")).body("errors[0].field", equalTo("If-Match"));
        assertEquals(before, anonymous().get("/api/v1/contact-points/13").header("ETag"), "nothing written");
    }

    @Test
    void aStaleVersionIsRefusedOnEveryTransition() {
        Response created = json(as("assoc-tokyo"), Bodies.seminar("13", "13", 10, 80, null)).post("/api/v1/seminars");
        created.then().statusCode(201);
        String id = created.path("id");
        String draft = created.header("ETag");
        as("assoc-tokyo").post("/api/v1/seminars/{id}/publish", id).then().statusCode(428).contentType(Api.PROBLEM);
        String published = as("assoc-tokyo").header("If-Match", draft).post("/api/v1/seminars/{id}/publish", id)
                .then().statusCode(200).extract().header("ETag");
        // the draft's version is gone: every later transition naming it is 412, and nothing changes
        for (String transition : List.of("cancel", "complete")) {
            as("assoc-tokyo").header("If-Match", draft).post("/api/v1/seminars/{id}/" + transition, id)
                    .then().statusCode(412).contentType(Api.PROBLEM);
        }
        json(as("assoc-tokyo").header("If-Match", draft), Bodies.seminar("13", "13", 12, 80, null)).put("/api/v1/seminars/{id}", id)
                .then().statusCode(412).contentType(Api.PROBLEM);
        as("assoc-tokyo").get("/api/v1/seminars/{id}", id).then().statusCode(200).header("ETag", equalTo(published))
                .body("status", equalTo("PUBLISHED"));
        // the plan too
        String plan = Fixtures.plan("13").header("ETag");
        String earlier = "\"" + (Long.parseLong(plan.replace("W/", "").replace("\"", "")) - 1) + "\"";
        json(as("assoc-tokyo").header("If-Match", earlier), Bodies.weekdayPlan("IN_PERSON", "10:00", "12:00", 2)).put("/api/v1/contact-points/13/availability/plan")
                .then().statusCode(412).contentType(Api.PROBLEM);
        assertEquals(plan, Fixtures.plan("13").header("ETag"), "plan unchanged");
    }
}
