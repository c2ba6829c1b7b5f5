package jp.telework.desk.seminar;

import static jp.telework.desk.seminar.Fixtures.as;
import static jp.telework.desk.seminar.Fixtures.json;
import static jp.telework.desk.seminar.Fixtures.published;
import static jp.telework.desk.seminar.Fixtures.register;
import static jp.telework.desk.seminar.Fixtures.registration;
import static jp.telework.desk.seminar.Fixtures.seminar;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jp.telework.desk.infra.test.Jwt;

/**
 * Who may call what: anonymous, SME A and B, the host association (Tokyo), another association
 * (Osaka), the secretariat and the dashboard client, against every endpoint. Seminar hosted by
 * Tokyo; SME A holds a confirmed online seat, SME B a confirmed in-person seat.
 */
@QuarkusTest
class AuthorizationTest {
    static final String ANON = "anonymous";
    static final List<String> ACTORS = List.of(ANON, "sme-a", "sme-b", "assoc-tokyo", "assoc-osaka", "secretariat", Fixtures.DASHBOARD);

    private static RequestSpecification spec(String actor) {
        return as(ANON.equals(actor) ? null : actor);
    }

    /** One row of the table: an endpoint and the status each actor must get. */
    record Row(String name, Function<String, Response> call, Map<String, Integer> expected) {
    }

    private static Map<String, Integer> codes(int anon, int smeA, int smeB, int tokyo, int osaka, int secretariat, int dashboard) {
        Map<String, Integer> m = new LinkedHashMap<>();
        int[] all = { anon, smeA, smeB, tokyo, osaka, secretariat, dashboard };
        for (int i = 0; i < ACTORS.size(); i++) {
            m.put(ACTORS.get(i), all[i]);
        }
        return m;
    }

    @Test
    void authorizationTable() {
        String id = published("assoc-tokyo", Fixtures.hybrid(10, 10));
        Map<String, Object> online = registration(1, null);
        online.put("participation", "ONLINE");
        Map<String, Object> inPerson = registration(1, null);
        inPerson.put("participation", "IN_PERSON");
        String regA = register("sme-a", id, online);
        register("sme-b", id, inPerson);
        String seminarPath = "/api/v1/seminars/" + id;
        String regPath = seminarPath + "/registrations/" + regA;

        Map<String, Object> tokyoBody = seminar();
        Map<String, Object> update = Fixtures.hybrid(12, 10);
        Map<String, Object> onBehalf = registration(1, null);
        onBehalf.put("participation", "IN_PERSON");

        List<Row> table = List.of(
                new Row("GET /seminars", a -> spec(a).get("/api/v1/seminars"), codes(200, 200, 200, 200, 200, 200, 200)),
                new Row("GET /seminars/{id}", a -> spec(a).get(seminarPath), codes(200, 200, 200, 200, 200, 200, 200)),
                new Row("GET /seminars/calendar.ics", a -> spec(a).get("/api/v1/seminars/calendar.ics"),
                        codes(200, 200, 200, 200, 200, 200, 200)),
                new Row("POST /seminars (host 13)", a -> spec(a).contentType("application/json").body(json(tokyoBody))
                        .post("/api/v1/seminars"), codes(401, 403, 403, 201, 403, 201, 403)),
                new Row("PUT /seminars/{id}", a -> spec(a).header("If-Match", "*").contentType("application/json").body(json(update)).put(seminarPath),
                        codes(401, 403, 403, 200, 403, 200, 403)),
                new Row("POST /seminars/{draft}/publish", a -> spec(a).header("If-Match", "*").post("/api/v1/seminars/" + draft() + "/publish"),
                        codes(401, 403, 403, 200, 404, 200, 403)),
                new Row("POST /seminars/{id}/cancel", a -> spec(a).header("If-Match", "*").post("/api/v1/seminars/" + publishedSeminar() + "/cancel"),
                        codes(401, 403, 403, 200, 403, 200, 403)),
                new Row("POST /seminars/{id}/complete", a -> spec(a).header("If-Match", "*").post(seminarPath + "/complete"),
                        codes(401, 403, 403, 409, 403, 409, 403)),
                new Row("POST /registrations", a -> spec(a).contentType("application/json")
                        .body(json(a.startsWith("sme") ? onBehalf : withOrg(onBehalf, "behalf-" + a))).post(seminarPath + "/registrations"),
                        codes(401, 409, 409, 201, 403, 201, 403)),
                new Row("GET /registrations", a -> spec(a).get(seminarPath + "/registrations"), codes(401, 200, 200, 200, 403, 200, 403)),
                new Row("GET /registrations/{sme-a's}", a -> spec(a).get(regPath), codes(401, 200, 404, 200, 403, 200, 403)),
                new Row("PUT /registrations/{sme-a's}/attendance", a -> spec(a).contentType("application/json")
                        .body("{\"attendance\":\"ATTENDED\"}").put(regPath + "/attendance"), codes(401, 403, 403, 409, 403, 409, 403)),
                new Row("POST /registrations/{sme-a's}/cancel (denied only)", a -> spec(a).post(regPath + "/cancel"),
                        codesWithout(codes(401, -1, 404, -1, 403, -1, 403))),
                new Row("GET /seminars/my-registrations", a -> spec(a).get("/api/v1/seminars/my-registrations"),
                        codes(401, 200, 200, 403, 403, 403, 403)),
                new Row("GET /seminars/statistics", a -> spec(a).get("/api/v1/seminars/statistics"),
                        codes(401, 403, 403, 403, 403, 200, 200)));

        List<String> failures = new ArrayList<>();
        for (Row row : table) {
            row.expected().forEach((actor, status) -> {
                Response r = row.call().apply(actor);
                if (r.statusCode() != status) {
                    failures.add(row.name() + " as " + actor + ": expected " + status + ", got " + r.statusCode() + " " + r.asString());
                } else if (status >= 400 && !r.contentType().startsWith("application/problem+json")) {
                    failures.add(row.name() + " as " + actor + ": " + status + " is not problem+json");
                }
            });
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));

        // what the allowed ones see: an SME its own organization's registrations only
        as("sme-a").get(seminarPath + "/registrations").then().body("items.organization.id", everyItem(equalTo("org-sme-a")));
        as("sme-b").get(seminarPath + "/registrations").then().body("items.organization.id", everyItem(equalTo("org-sme-b")));
        int all = as("assoc-tokyo").get(seminarPath + "/registrations").then().extract().path("total");
        assertEquals(4, all); // sme-a, sme-b and the two registered on behalf by the host and the secretariat
        // join details: the confirmed online registrant and the host side only
        for (String actor : ACTORS) {
            boolean sees = List.of("sme-a", "assoc-tokyo", "secretariat").contains(actor);
            Object join = spec(actor).get(seminarPath).then().statusCode(200).extract().path("onlineJoin");
            assertEquals(sees, join != null, actor + (sees ? " should" : " should not") + " see the join details");
        }
        // and the owner may cancel
        as("sme-a").post(regPath + "/cancel").then().statusCode(200);
    }

    private static Map<String, Integer> codesWithout(Map<String, Integer> codes) {
        codes.values().removeIf(v -> v < 0);
        return codes;
    }

    private static Map<String, Object> withOrg(Map<String, Object> body, String org) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        @SuppressWarnings("unchecked")
        Map<String, Object> organization = new LinkedHashMap<>((Map<String, Object>) body.get("organization"));
        organization.put("id", org);
        copy.put("organization", organization);
        return copy;
    }

    private static String draft() {
        return as("secretariat").contentType("application/json").body(json(seminar())).post("/api/v1/seminars")
                .then().statusCode(201).extract().path("id");
    }

    private static String publishedSeminar() {
        return published("secretariat", seminar());
    }

    @Test
    void brokenTokensAre401() {
        String token = Fixtures.token("secretariat");
        for (String bad : List.of(Jwt.forgedSignature(token), Jwt.algNone(token), "not-a-jwt")) {
            as(null).auth().oauth2(bad).contentType("application/json").body(json(seminar())).post("/api/v1/seminars")
                    .then().statusCode(401).contentType("application/problem+json");
            as(null).auth().oauth2(bad).get("/api/v1/seminars/statistics").then().statusCode(401);
        }
    }
}
