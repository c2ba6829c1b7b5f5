package jp.telework.desk.consultation;

import static jp.telework.desk.consultation.Fixtures.ANONYMOUS;
import static jp.telework.desk.consultation.Fixtures.DASHBOARD;
import static jp.telework.desk.consultation.Fixtures.announce;
import static jp.telework.desk.consultation.Fixtures.as;
import static jp.telework.desk.consultation.Fixtures.book;
import static jp.telework.desk.consultation.Fixtures.bookingBody;
import static jp.telework.desk.consultation.Fixtures.inquiryBody;
import static jp.telework.desk.consultation.Fixtures.slot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.telework.desk.common.vocabulary.Tokyo;
import jp.telework.desk.events.SlotV1;
import jp.telework.desk.infra.test.Jwt;

/**
 * Who may do what, endpoint by endpoint: anonymous, SME A (org-sme-a), SME B (org-sme-b), the Tokyo
 * and Osaka associations, the secretariat and the dashboard service account. The booking and the
 * inquiry under test belong to SME A and to Tokyo (13). Every refusal is problem+json.
 */
@QuarkusTest
class AuthorizationTest {
    private static final List<String> ACTORS = List.of(ANONYMOUS, "sme-a", "sme-b", "assoc-tokyo", "assoc-osaka", "secretariat",
            DASHBOARD);

    private static Map<String, Integer> expect(int anonymous, int smeA, int smeB, int tokyo, int osaka, int secretariat,
            int dashboard) {
        Map<String, Integer> m = new LinkedHashMap<>();
        int[] codes = { anonymous, smeA, smeB, tokyo, osaka, secretariat, dashboard };
        for (int i = 0; i < ACTORS.size(); i++) {
            m.put(ACTORS.get(i), codes[i]);
        }
        return m;
    }

    /** Runs the call once per actor and reports every mismatch at once. */
    private static void check(String endpoint, Map<String, Integer> expected, Function<String, Response> call) {
        List<String> wrong = new ArrayList<>();
        expected.forEach((actor, status) -> {
            Response r = call.apply(actor);
            if (r.statusCode() != status) {
                wrong.add(actor + " got " + r.statusCode() + " (expected " + status + "): " + r.asString());
            } else if (status >= 400) {
                String type = r.contentType();
                if (type == null || !type.startsWith("application/problem+json")) {
                    wrong.add(actor + " got " + status + " without problem+json: " + type);
                }
            }
        });
        assertTrue(wrong.isEmpty(), endpoint + ":\n" + String.join("\n", wrong));
    }

    private static SlotV1 tokyoSlot(int capacity) {
        return announce(slot("13", 60, capacity));
    }

    @Test
    void slotsArePublic() {
        SlotV1 s = tokyoSlot(2);
        check("GET /slots", expect(200, 200, 200, 200, 200, 200, 200), a -> as(a).get("/api/v1/slots"));
        check("GET /slots/{id}", expect(200, 200, 200, 200, 200, 200, 200), a -> as(a).get("/api/v1/slots/" + s.slotId()));
    }

    @Test
    void booking() {
        // a slot per actor: one organization holds one place of a slot, and the associations and the secretariat book
        // for the same caller's organization; Osaka may not book Tokyo's slots
        check("POST /consultations", expect(401, 201, 201, 201, 403, 201, 403),
                a -> as(a).contentType("application/json").body(bookingBody(tokyoSlot(2).slotId())).post("/api/v1/consultations"));
    }

    @Test
    void readingBookings() {
        SlotV1 s = tokyoSlot(3);
        UUID id = book("sme-a", s.slotId());
        check("GET /consultations/{id}", expect(401, 200, 404, 200, 404, 200, 403),
                a -> as(a).get("/api/v1/consultations/" + id));
        check("GET /consultations", expect(401, 200, 200, 200, 200, 200, 403), a -> as(a).get("/api/v1/consultations"));
        String day = s.date().toString();
        for (String actor : List.of("sme-a", "assoc-tokyo", "secretariat")) {
            List<String> ids = as(actor).queryParam("from", day).queryParam("to", day).queryParam("size", "100")
                    .get("/api/v1/consultations").jsonPath().getList("items.id");
            assertTrue(ids.contains(id.toString()), actor + " sees the booking");
        }
        for (String actor : List.of("sme-b", "assoc-osaka")) {
            List<String> ids = as(actor).queryParam("from", day).queryParam("to", day).queryParam("size", "100")
                    .get("/api/v1/consultations").jsonPath().getList("items.id");
            assertTrue(!ids.contains(id.toString()), actor + " does not see the booking");
        }
    }

    @Test
    void cancelling() {
        check("POST /consultations/{id}/cancel", expect(401, 200, 404, 200, 404, 200, 403), a -> {
            UUID id = book("sme-a", tokyoSlot(2).slotId());
            return as(a).contentType("application/json").body("{\"reason\":\"Cannot attend\"}")
                    .post("/api/v1/consultations/" + id + "/cancel");
        });
    }

    @Test
    void rescheduling() {
        // the requester, its association (on the phone) and the secretariat move it; Osaka does not see it
        check("POST /consultations/{id}/reschedule", expect(401, 200, 404, 200, 404, 200, 403), a -> {
            UUID id = book("sme-a", tokyoSlot(2).slotId());
            SlotV1 other = announce(slot("13", 61, 2));
            return as(a).contentType("application/json").body("{\"slotId\":\"" + other.slotId() + "\"}")
                    .post("/api/v1/consultations/" + id + "/reschedule");
        });
    }

    @Test
    void recordingOutcomes() {
        SlotV1 s = tokyoSlot(10);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < ACTORS.size(); i++) {
            // Tokyo bookings of seven callers, taken on the phone by the secretariat
            ids.add(UUID.fromString(as("secretariat").contentType("application/json")
                    .body(Fixtures.phoneBookingBody(s.slotId(), null, "Outcome Caller " + i)).post("/api/v1/consultations")
                    .then().statusCode(201).extract().path("id")));
        }
        // the consultation took place yesterday
        announce(Fixtures.revise(s, LocalDate.now(Tokyo.ZONE).minusDays(1), 10, SlotV1.OPEN));
        check("POST /consultations/{id}/outcome", expect(401, 403, 403, 200, 404, 200, 403),
                a -> as(a).contentType("application/json").body("{\"outcome\":\"COMPLETED\",\"summary\":\"Done\"}")
                        .post("/api/v1/consultations/" + ids.get(ACTORS.indexOf(a)) + "/outcome"));
    }

    @Test
    void statistics() {
        check("GET /consultations/statistics", expect(401, 403, 403, 403, 403, 200, 200),
                a -> as(a).get("/api/v1/consultations/statistics"));
    }

    @Test
    void submittingInquiries() {
        check("POST /inquiries", expect(201, 201, 201, 403, 403, 403, 403),
                a -> as(a).contentType("application/json").body(inquiryBody("13", "someone@example.jp")).post("/api/v1/inquiries"));
    }

    private static String smeAInquiry() {
        return as("sme-a").contentType("application/json").body(inquiryBody("13", null)).post("/api/v1/inquiries")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void readingInquiries() {
        String id = smeAInquiry();
        check("GET /inquiries/{id}", expect(401, 200, 404, 200, 404, 200, 404), a -> as(a).get("/api/v1/inquiries/" + id));
        check("GET /inquiries", expect(401, 200, 200, 200, 200, 200, 403), a -> as(a).get("/api/v1/inquiries"));
        List<String> smeB = as("sme-b").queryParam("size", "100").get("/api/v1/inquiries").jsonPath().getList("items.id");
        assertTrue(!smeB.contains(id));
    }

    @Test
    void answeringInquiries() {
        check("POST /inquiries/{id}/answer", expect(401, 403, 403, 200, 404, 200, 403),
                a -> as(a).contentType("application/json").body("{\"answer\":\"See the guidelines.\"}")
                        .post("/api/v1/inquiries/" + smeAInquiry() + "/answer"));
    }

    @Test
    void closingInquiries() {
        check("POST /inquiries/{id}/close", expect(401, 200, 404, 200, 404, 200, 404), a -> {
            String id = smeAInquiry();
            as("secretariat").contentType("application/json").body("{\"answer\":\"See the guidelines.\"}")
                    .post("/api/v1/inquiries/" + id + "/answer").then().statusCode(200);
            return as(a).post("/api/v1/inquiries/" + id + "/close");
        });
    }

    @Test
    void brokenTokensAre401() {
        SlotV1 s = tokyoSlot(2);
        String token = Fixtures.token("sme-a");
        for (String bad : List.of(Jwt.forgedSignature(token), Jwt.algNone(token), "not.a.jwt")) {
            Response r = io.restassured.RestAssured.given().auth().oauth2(bad).contentType("application/json")
                    .body(bookingBody(s.slotId())).post("/api/v1/consultations");
            assertEquals(401, r.statusCode(), r.asString());
            assertTrue(r.contentType().startsWith("application/problem+json"));
        }
        String claims = Jwt.claims(token).toString().replace("\"org-sme-a\"", "\"org-sme-b\"");
        assertEquals(401, io.restassured.RestAssured.given().auth().oauth2(Jwt.withClaims(token, claims))
                .get("/api/v1/consultations").statusCode());
    }
}
