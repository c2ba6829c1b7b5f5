package jp.telework.desk.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;


import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jp.telework.desk.gateway.routing.Service;

/**
 * Every route group × every kind of caller, with real Keycloak tokens, against the gateway's own
 * decision (the stand-ins answer 200 to whatever reaches them; what a service then decides for a
 * prefecture or an organization is that service's test). A refusal must come from the gateway: the
 * service never sees the request.
 */
@QuarkusTest
class AuthorizationTableTest extends FreshGateway {
    static final String[] CALLERS = { "anonymous", "sme-a", "assoc-tokyo", "assoc-osaka", "secretariat", Tokens.DASHBOARD };
    static final String SEMINAR = "3f2b8c1e-4a5d-4e6f-8a9b-0c1d2e3f4a5b";
    static final String BODY = "{\"note\":\"gateway test\"}";

    /** Expected status per caller, in the order of {@link #CALLERS}. */
    record Case(String group, String method, String path, Service service, int... expected) {
    }

    static final int[] PUBLIC = { 200, 200, 200, 200, 200, 200 };
    static final int[] BUSINESS = { 401, 200, 200, 200, 200, 403 };
    static final int[] STATISTICS = { 401, 403, 403, 403, 200, 200 };
    static final int[] UNKNOWN = { 404, 404, 404, 404, 404, 404 };

    static final List<Case> TABLE = List.of(
            new Case("public: contact points", "GET", "/api/v1/contact-points?region=KANTO", Service.CONTACT_POINTS, PUBLIC),
            new Case("public: one contact point", "GET", "/api/v1/contact-points/13", Service.CONTACT_POINTS, PUBLIC),
            new Case("public: slots of a contact point", "GET", "/api/v1/contact-points/13/slots?from=2026-11-01", Service.CONTACT_POINTS, PUBLIC),
            new Case("public: availability plan", "GET", "/api/v1/contact-points/13/availability/plan", Service.CONTACT_POINTS, PUBLIC),
            new Case("public: Navi Dial routing", "GET", "/api/v1/contact-points/route?prefecture=13&mode=IN_PERSON", Service.CONTACT_POINTS, PUBLIC),
            new Case("public: free slots", "GET", "/api/v1/slots?prefecture=13", Service.CONSULTATIONS, PUBLIC),
            new Case("public: one free slot", "GET", "/api/v1/slots/" + SEMINAR, Service.CONSULTATIONS, PUBLIC),
            new Case("public: published seminars", "GET", "/api/v1/seminars?region=KANTO", Service.SEMINARS, PUBLIC),
            new Case("public: one seminar", "GET", "/api/v1/seminars/" + SEMINAR, Service.SEMINARS, PUBLIC),
            new Case("public: seminar calendar", "GET", "/api/v1/seminars/calendar.ics?region=KANTO", Service.SEMINARS, PUBLIC),
            new Case("public: a service's OpenAPI", "GET", "/api/v1/openapi/consultations", Service.CONSULTATIONS, PUBLIC),
            new Case("public: send an inquiry", "POST", "/api/v1/inquiries", Service.CONSULTATIONS, PUBLIC),
            new Case("public: read an inquiry by access key", "GET", "/api/v1/inquiries/abc", Service.CONSULTATIONS, PUBLIC),
            new Case("business: availability plan", "PUT", "/api/v1/contact-points/13/availability/plan", Service.CONTACT_POINTS, BUSINESS),
            new Case("business: contact point update", "PUT", "/api/v1/contact-points/27", Service.CONTACT_POINTS, BUSINESS),
            new Case("business: a GET not listed as public", "GET", "/api/v1/contact-points/13/bookings", Service.CONTACT_POINTS, BUSINESS),
            new Case("business: book", "POST", "/api/v1/consultations", Service.CONSULTATIONS, BUSINESS),
            new Case("business: list bookings", "GET", "/api/v1/consultations", Service.CONSULTATIONS, BUSINESS),
            new Case("business: cancel a booking", "POST", "/api/v1/consultations/b-1/cancel", Service.CONSULTATIONS, BUSINESS),
            new Case("business: list inquiries", "GET", "/api/v1/inquiries", Service.CONSULTATIONS, BUSINESS),
            new Case("business: answer an inquiry", "POST", "/api/v1/inquiries/abc/answer", Service.CONSULTATIONS, BUSINESS),
            new Case("business: create a seminar", "POST", "/api/v1/seminars", Service.SEMINARS, BUSINESS),
            new Case("business: register for a seminar", "POST", "/api/v1/seminars/" + SEMINAR + "/registrations", Service.SEMINARS, BUSINESS),
            new Case("business: my registrations", "GET", "/api/v1/seminars/my-registrations", Service.SEMINARS, BUSINESS),
            new Case("statistics: contact points", "GET", "/api/v1/contact-points/statistics", Service.CONTACT_POINTS, STATISTICS),
            new Case("statistics: consultations", "GET", "/api/v1/consultations/statistics", Service.CONSULTATIONS, STATISTICS),
            new Case("statistics: seminars", "GET", "/api/v1/seminars/statistics", Service.SEMINARS, STATISTICS),
            new Case("statistics: the overview", "GET", "/api/v1/dashboard/overview", null, STATISTICS),
            new Case("unknown route", "GET", "/api/v1/nothing-here", null, UNKNOWN),
            new Case("unknown dashboard route", "GET", "/api/v1/dashboard/secrets", null, UNKNOWN));


    @Test
    void everyRouteGroupForEveryCaller() {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Case c : TABLE) {
            for (int i = 0; i < CALLERS.length; i++) {
                String caller = CALLERS[i];
                int expected = c.expected()[i];
                String requestId = "authz-" + UUID.randomUUID();
                RequestSpecification spec = given().header("X-Request-Id", requestId);
                String token = caller.equals("anonymous") ? null : Tokens.of(caller);
                if (token != null) {
                    spec.auth().oauth2(token);
                }
                if (!c.method().equals("GET")) {
                    spec.contentType("application/json").body(BODY);
                }
                Response r = spec.when().request(c.method(), c.path());
                checked++;
                String where = c.group() + " [" + c.method() + " " + c.path() + "] as " + caller;
                if (r.statusCode() != expected) {
                    mismatches.add(where + ": expected " + expected + ", got " + r.statusCode() + " " + r.asString());
                    continue;
                }
                if (expected >= 400) {
                    if (!r.contentType().startsWith("application/problem+json") || r.jsonPath().getInt("status") != expected) {
                        mismatches.add(where + ": not problem+json: " + r.contentType() + " " + r.asString());
                    }
                    if (c.service() != null && StandIns.get(c.service()).sawRequestId(requestId)) {
                        mismatches.add(where + ": refused, yet the service was called");
                    }
                } else if (c.service() != null) {
                    var seen = StandIns.get(c.service()).byRequestId(requestId);
                    if (seen.isEmpty()) {
                        mismatches.add(where + ": the " + c.service().slug() + " service never saw the request");
                    } else if (token != null && !("Bearer " + token).equals(seen.get().header("Authorization"))) {
                        mismatches.add(where + ": the token was not forwarded unchanged");
                    } else if (token == null && seen.get().header("Authorization") != null) {
                        mismatches.add(where + ": an Authorization header appeared from nowhere");
                    }
                }
            }
        }
        assertEquals(TABLE.size() * CALLERS.length, checked);
        assertTrue(mismatches.isEmpty(), mismatches.size() + " of " + checked + " cells wrong:\n" + String.join("\n", mismatches));
    }
}
