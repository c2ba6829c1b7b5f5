package jp.telework.desk.seminar;

import static jp.telework.desk.seminar.Fixtures.as;
import static jp.telework.desk.seminar.Fixtures.json;
import static jp.telework.desk.seminar.Fixtures.published;
import static jp.telework.desk.seminar.Fixtures.register;
import static jp.telework.desk.seminar.Fixtures.registration;
import static jp.telework.desk.seminar.Fixtures.seminar;
import static jp.telework.desk.seminar.SeminarResourceTest.assertStatus;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jp.telework.desk.seminar.domain.Seminar;

@QuarkusTest
class RegistrationLifecycleTest {

    /** Moves a seminar's times directly in the database (the API refuses past times, rightly). */
    static void shift(String seminarId, Consumer<Seminar> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(Seminar.findById(UUID.fromString(seminarId))));
    }

    private static String post(String user, String seminarId, Map<String, Object> body, int status) {
        return as(user).contentType("application/json").body(json(body))
                .when().post("/api/v1/seminars/" + seminarId + "/registrations")
                .then().statusCode(status).contentType(status >= 400 ? "application/problem+json" : "application/json")
                .extract().asString();
    }

    @Test
    void hybridSeminarsHaveTwoPoolsAndShowJoinDetailsToConfirmedOnlineRegistrantsOnly() {
        String id = published(Fixtures.hybrid(1, 1));
        Map<String, Object> online = registration(1, null);
        online.put("participation", "ONLINE");
        Map<String, Object> inPerson = registration(1, null);
        inPerson.put("participation", "IN_PERSON");

        post("sme-c", id, registration(1, null), 400); // participation is required for HYBRID
        String a = as("sme-a").contentType("application/json").body(json(online)).when()
                .post("/api/v1/seminars/" + id + "/registrations").then().statusCode(201)
                .body("status", equalTo("CONFIRMED")).body("onlineJoin.url", notNullValue()).extract().path("id");
        as("sme-b").contentType("application/json").body(json(inPerson)).when()
                .post("/api/v1/seminars/" + id + "/registrations").then().statusCode(201)
                .body("status", equalTo("CONFIRMED")).body("onlineJoin", nullValue());
        as("sme-c").contentType("application/json").body(json(online)).when()
                .post("/api/v1/seminars/" + id + "/registrations").then().statusCode(201)
                .body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(1)).body("onlineJoin", nullValue());

        as("sme-a").when().get("/api/v1/seminars/" + id).then().body("onlineJoin.passcode", equalTo("secret-pass"))
                .body("seatsAvailable", equalTo(0)).body("onlineSeatsAvailable", equalTo(0)).body("waitlistLength", equalTo(1));
        as("sme-a").when().get("/api/v1/seminars/" + id + "/registrations/" + a).then().body("onlineJoin.url", notNullValue());
        for (String user : new String[] { null, "sme-b", "sme-c", "assoc-osaka", Fixtures.DASHBOARD }) {
            as(user).when().get("/api/v1/seminars/" + id).then().statusCode(200).body("onlineJoin", nullValue());
        }
        for (String user : new String[] { "assoc-tokyo", "secretariat" }) {
            as(user).when().get("/api/v1/seminars/" + id).then().statusCode(200).body("onlineJoin.url", notNullValue());
        }
        // the online seat freed by sme-a goes to sme-c, who now sees the join details
        as("sme-a").when().post("/api/v1/seminars/" + id + "/registrations/" + a + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("CANCELLED_BY_REGISTRANT"));
        as("sme-a").when().get("/api/v1/seminars/" + id).then().body("onlineJoin", nullValue());
        as("sme-c").when().get("/api/v1/seminars/" + id).then().body("onlineJoin.url", notNullValue());
        as("sme-c").when().get("/api/v1/seminars/my-registrations").then().statusCode(200)
                .body("items.find { it.seminarId == '" + id + "' }.status", equalTo("CONFIRMED"))
                .body("items.find { it.seminarId == '" + id + "' }.promoted", equalTo(true));
    }

    @Test
    void registrationInputIsChecked() {
        String id = published(seminar());
        post("sme-a", id, registration(6, null), 400); // more than the configured maximum (5)
        Map<String, Object> tooManyAttendees = registration(1, null);
        tooManyAttendees.put("attendees", List.of("一", "二"));
        as("sme-a").contentType("application/json").body(json(tooManyAttendees))
                .when().post("/api/v1/seminars/" + id + "/registrations").then().statusCode(400)
                .body("errors[0].field", equalTo("attendees"));
        Map<String, Object> badEmail = registration(1, null);
        badEmail.put("contact", Map.of("name", "x", "email", "not-an-email"));
        as("sme-a").contentType("application/json").body(json(badEmail))
                .when().post("/api/v1/seminars/" + id + "/registrations").then().statusCode(400)
                .body("errors[0].field", equalTo("contact.email"));
        Map<String, Object> zero = registration(1, null);
        zero.put("seats", 0);
        as("sme-a").contentType("application/json").body(json(zero))
                .when().post("/api/v1/seminars/" + id + "/registrations").then().statusCode(400)
                .body("errors[0].field", equalTo("seats"));
        // an SME registers itself, never another organization
        as("sme-a").contentType("application/json").body(json(registration(1, "org-sme-b")))
                .when().post("/api/v1/seminars/" + id + "/registrations").then().statusCode(403);
        // staff must say for whom
        as("secretariat").contentType("application/json").body(json(registration(1, null)))
                .when().post("/api/v1/seminars/" + id + "/registrations").then().statusCode(400)
                .body("errors[0].field", equalTo("organization.id"));
        as("sme-a").contentType("application/json").body("{\"seats\":1,")
                .when().post("/api/v1/seminars/" + id + "/registrations").then().statusCode(400)
                .body("title", equalTo("Malformed JSON"));
        as("sme-a").contentType("application/json").body(json(registration(1, null)))
                .when().post("/api/v1/seminars/" + UUID.randomUUID() + "/registrations").then().statusCode(404);
        Map<String, Object> small = seminar();
        small.put("capacity", 3);
        String smallId = published(small);
        as("sme-a").contentType("application/json").body(json(registration(4, null)))
                .when().post("/api/v1/seminars/" + smallId + "/registrations").then().statusCode(400)
                .body("errors[0].field", equalTo("seats"));
        as(null).when().get("/api/v1/seminars/" + id).then().body("seatsAvailable", equalTo(20));
    }

    @Test
    void noRegistrationOrPromotionOutsideTheWindow() {
        Map<String, Object> later = seminar();
        later.put("registrationOpensAt", Fixtures.inDays(3).toString());
        String notYet = published(later);
        as("sme-a").contentType("application/json").body(json(registration(1, null)))
                .when().post("/api/v1/seminars/" + notYet + "/registrations").then().statusCode(409)
                .body("type", equalTo("urn:telework:problem:registration-not-open"));

        Map<String, Object> one = seminar();
        one.put("capacity", 1);
        String id = published(one);
        String a = register("sme-a", id, registration(1, null));
        String b = register("sme-b", id, registration(1, null));
        assertStatus(id, b, "WAITLISTED", 1);
        shift(id, s -> s.registrationClosesAt = OffsetDateTime.now().minusMinutes(1));
        post("sme-c", id, registration(1, null), 409);
        // the seat freed after registration closed is not handed on
        as("sme-a").when().post("/api/v1/seminars/" + id + "/registrations/" + a + "/cancel").then().statusCode(200);
        assertStatus(id, b, "WAITLISTED", 1);
        as(null).when().get("/api/v1/seminars/" + id).then().body("seatsAvailable", equalTo(1))
                .body("registrationOpen", equalTo(false));
    }

    @Test
    void attendanceIsRecordedByTheHostOnceTheSeminarStarted() {
        Map<String, Object> body = seminar();
        body.put("capacity", 2);
        String id = published("assoc-tokyo", body);
        String a = register("sme-a", id, registration(2, null));
        String b = register("sme-b", id, registration(1, null)); // waiting
        String attendance = "/api/v1/seminars/" + id + "/registrations/" + a + "/attendance";

        as("assoc-tokyo").contentType("application/json").body("{\"attendance\":\"ATTENDED\"}").when().put(attendance)
                .then().statusCode(409).body("type", equalTo("urn:telework:problem:seminar-not-started"));

        OffsetDateTime now = OffsetDateTime.now();
        shift(id, s -> {
            s.registrationOpensAt = now.minusDays(3);
            s.registrationClosesAt = now.minusHours(2);
            s.startsAt = now.minusHours(1);
            s.endsAt = now.plusHours(1);
        });
        as("sme-a").when().post("/api/v1/seminars/" + id + "/registrations/" + a + "/cancel").then().statusCode(409)
                .body("type", equalTo("urn:telework:problem:seminar-started"));
        as("sme-a").contentType("application/json").body("{\"attendance\":\"ATTENDED\"}").when().put(attendance)
                .then().statusCode(403);
        as("assoc-osaka").contentType("application/json").body("{\"attendance\":\"ATTENDED\"}").when().put(attendance)
                .then().statusCode(403);
        as("assoc-tokyo").contentType("application/json").body("{\"attendance\":\"ATTENDED\"}").when().put(attendance)
                .then().statusCode(200).body("status", equalTo("ATTENDED"));
        as("assoc-tokyo").contentType("application/json").body("{\"attendance\":\"NO_SHOW\"}").when().put(attendance)
                .then().statusCode(200).body("status", equalTo("NO_SHOW"));
        as("assoc-tokyo").contentType("application/json").body("{\"attendance\":\"MAYBE\"}").when().put(attendance)
                .then().statusCode(400).body("errors[0].field", equalTo("attendance"));
        as("assoc-tokyo").contentType("application/json").body("{\"attendance\":\"ATTENDED\"}")
                .when().put("/api/v1/seminars/" + id + "/registrations/" + b + "/attendance")
                .then().statusCode(409).body("type", equalTo("urn:telework:problem:invalid-transition"));

        as("assoc-tokyo").header("If-Match", "*").when().post("/api/v1/seminars/" + id + "/complete").then().statusCode(409)
                .body("type", equalTo("urn:telework:problem:seminar-not-ended"));
        shift(id, s -> s.endsAt = now.minusMinutes(5));
        as("assoc-tokyo").header("If-Match", "*").when().post("/api/v1/seminars/" + id + "/complete").then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("waitlistLength", equalTo(0));
        as("sme-b").when().get("/api/v1/seminars/" + id + "/registrations/" + b).then().body("status", equalTo("CANCELLED"))
                .body("cancelReason", equalTo("NOT_PROMOTED"));
        // a completed seminar keeps its attendance open for corrections
        as("assoc-tokyo").contentType("application/json").body("{\"attendance\":\"ATTENDED\"}").when().put(attendance)
                .then().statusCode(200).body("status", equalTo("ATTENDED"));
        as(null).queryParam("status", "COMPLETED").queryParam("size", "100").when().get("/api/v1/seminars")
                .then().body("items.id", hasItem(id));
    }
}
