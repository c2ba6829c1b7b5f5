package jp.telework.desk.system;

import static jp.telework.desk.system.Api.anonymous;
import static jp.telework.desk.system.Api.as;
import static jp.telework.desk.system.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Hostile input through the gateway on every write endpoint: broken JSON, wrong types, huge bodies and
 * strings, invalid Unicode, injection fragments, path traversal, absurd numbers, duplicate keys, and
 * other organizations' ids. Always a 4xx problem+json, never a 5xx, and nothing is written (checked by
 * reading every list and resource the requests aimed at, before and after).
 */
@SuiteClock.SystemTest
@Order(6)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {
    /** A write endpoint, a user allowed to call it, and a body it would accept. */
    record Target(String name, String user, String method, String path, ObjectNode template, Set<String> freeText,
            Supplier<Map<String, String>> headers) {
    }

    /** Endpoints whose body may be left out altogether. */
    private static final Set<String> BODY_OPTIONAL = Set.of("cancel booking", "cancel seminar");

    /** Creation endpoints: each request gets its own Idempotency-Key. */
    private static final Supplier<Map<String, String>> IDEMPOTENT = Map::of;

    private String bookingId;
    private String freeSlotId;
    private String otherSlotId;
    private String inquiryId;
    private String seminarId;
    private String registrationId;
    private String exceptionId;
    private LocalDate exceptionDay;
    private Map<String, Object> seminarBody;

    /** Open bookings of the demo SMEs before this class: whatever else is open afterwards was made here. */
    private final Set<String> openBefore = new java.util.HashSet<>();

    private static List<String> openBookings(String sme) {
        return as(sme).queryParam("status", "BOOKED").queryParam("size", 100).get("/api/v1/consultations")
                .then().statusCode(200).extract().path("items.id");
    }

    @BeforeAll
    void createWhatTheRequestsAimAt() {
        for (String sme : List.of("sme-a", "sme-b", "sme-c")) {
            openBefore.addAll(openBookings(sme));
        }
        Fixtures.ensureTokyoPlan();
        LocalDate day = Fixtures.claimDay("13", "IN_PERSON");
        List<Map<String, Object>> slots = Fixtures.slotsOn("13", "IN_PERSON", day, 2);
        bookingId = Fixtures.book("sme-a", Fixtures.slotId(slots.get(0)));
        freeSlotId = Fixtures.slotId(slots.get(1));
        otherSlotId = Fixtures.slotId(Fixtures.slotsOn("13", "IN_PERSON", Fixtures.claimDay("13", "IN_PERSON"), 2).get(0));

        Response inquiry = json(as("sme-a"), Bodies.inquiry("13", "How do we keep working hours for teleworkers?"))
                .post("/api/v1/inquiries");
        inquiry.then().statusCode(201);
        inquiryId = inquiry.path("id");

        seminarBody = Bodies.seminar("13", "13", 30, 60, null);
        Response seminar = json(as("assoc-tokyo"), seminarBody).post("/api/v1/seminars");
        seminar.then().statusCode(201);
        seminarId = seminar.path("id");
        as("assoc-tokyo").header("If-Match", seminar.header("ETag")).post("/api/v1/seminars/{id}/publish", seminarId)
                .then().statusCode(200);
        Response registration = json(as("sme-a"), Bodies.registration("sme-a", 2))
                .post("/api/v1/seminars/{id}/registrations", seminarId);
        registration.then().statusCode(201);
        registrationId = registration.path("id");

        LocalDate capacityDay = Fixtures.claimDay("13", "ONLINE");
        Response exception = json(as("assoc-tokyo"), Map.of("date", capacityDay.toString(), "kind", "CAPACITY", "capacity", 2,
                "mode", "ONLINE", "reason", "One attorney on leave")).post("/api/v1/contact-points/13/availability/exceptions");
        exception.then().statusCode(201);
        exceptionId = exception.path("exception.id");
        exceptionDay = Fixtures.claimDay("13", "ONLINE");
    }

    /**
     * Bookings this class made, or that hostile requests made although they should not have, are
     * cancelled so that the organizations' booking caps are not used up for the tests after this one.
     */
    @org.junit.jupiter.api.AfterAll
    void cancelWhatWasBookedHere() {
        for (String sme : List.of("sme-a", "sme-b", "sme-c")) {
            openBookings(sme).stream().filter(id -> !openBefore.contains(id)).forEach(id -> Fixtures.cancel("secretariat", id));
        }
    }

    private List<Target> targets() {
        List<Target> t = new ArrayList<>();
        Supplier<Map<String, String>> none = Map::of;
        Supplier<Map<String, String>> idempotent = IDEMPOTENT;
        t.add(new Target("update contact point", "assoc-tokyo", "PUT", "/api/v1/contact-points/13",
                tree(Map.of("modes", List.of("IN_PERSON", "PHONE", "ONLINE"), "languages", List.of("ja", "en"), "active", true,
                        "openOnHolidays", false, "phone", "03-5289-0751", "note", "Reservations by phone")),
                Set.of("note"), ifMatch("/api/v1/contact-points/13", null)));
        t.add(new Target("replace plan", "assoc-tokyo", "PUT", "/api/v1/contact-points/13/availability/plan",
                tree(Bodies.weekdayPlan(2, 3)), Set.of(), ifMatch("/api/v1/contact-points/13/availability/plan", null)));
        Map<String, Object> exception = new LinkedHashMap<>();
        exception.put("date", exceptionDay.toString());
        exception.put("kind", "EXTRA_WINDOW");
        exception.put("startTime", "18:00");
        exception.put("endTime", "20:00");
        exception.put("slotMinutes", 60);
        exception.put("capacity", 1);
        exception.put("mode", "ONLINE");
        exception.put("reason", "Evening consultations");
        t.add(new Target("add exception", "assoc-tokyo", "POST", "/api/v1/contact-points/13/availability/exceptions",
                tree(exception), Set.of("reason"), idempotent));
        t.add(new Target("book", "sme-a", "POST", "/api/v1/consultations", tree(Bodies.booking(freeSlotId, "sme-a")),
                Set.of("notes", "requester.organizationName", "requester.industry", "requester.contactPerson"), idempotent));
        t.add(new Target("cancel booking", "sme-a", "POST", "/api/v1/consultations/" + bookingId + "/cancel",
                tree(Map.of("reason", "Plans changed")), Set.of("reason"), none));
        t.add(new Target("reschedule", "sme-a", "POST", "/api/v1/consultations/" + bookingId + "/reschedule",
                tree(Map.of("slotId", otherSlotId)), Set.of(), none));
        t.add(new Target("record outcome", "assoc-tokyo", "POST", "/api/v1/consultations/" + bookingId + "/outcome",
                tree(Map.of("outcome", "COMPLETED", "summary", "Explained VPN options")), Set.of("summary"), none));
        t.add(new Target("send inquiry", "sme-a", "POST", "/api/v1/inquiries",
                tree(Bodies.inquiry("13", "Can part-time staff telework?")), Set.of("question", "contactName"), idempotent));
        t.add(new Target("answer inquiry", "assoc-tokyo", "POST", "/api/v1/inquiries/" + inquiryId + "/answer",
                tree(Map.of("answer", "Yes, under the same rules.")), Set.of("answer"), none));
        t.add(new Target("create seminar", "secretariat", "POST", "/api/v1/seminars", tree(Bodies.seminar("SECRETARIAT", "27", 20, 70, null)),
                Set.of("titleJa", "titleEn", "descriptionJa", "venue.name", "venue.address"), none));
        Map<String, Object> update = new LinkedHashMap<>(seminarBody);
        update.put("capacity", 40);
        t.add(new Target("update seminar", "secretariat", "PUT", "/api/v1/seminars/" + seminarId, tree(update),
                Set.of("titleJa", "titleEn", "descriptionJa", "venue.name", "venue.address"),
                ifMatch("/api/v1/seminars/" + seminarId, "secretariat")));
        t.add(new Target("cancel seminar", "secretariat", "POST", "/api/v1/seminars/" + seminarId + "/cancel",
                tree(Map.of("reason", "Speaker ill")), Set.of("reason"), ifMatch("/api/v1/seminars/" + seminarId, "secretariat")));
        t.add(new Target("register", "sme-b", "POST", "/api/v1/seminars/" + seminarId + "/registrations",
                tree(Bodies.registration("sme-b", 1)), Set.of("organization.name", "contact.name", "attendees[0]"), idempotent));
        t.add(new Target("record attendance", "assoc-tokyo", "PUT",
                "/api/v1/seminars/" + seminarId + "/registrations/" + registrationId + "/attendance",
                tree(Map.of("attendance", "ATTENDED")), Set.of(), none));
        return t;
    }

    private static ObjectNode tree(Map<String, Object> body) {
        return Mutations.JSON.valueToTree(body);
    }

    private static Supplier<Map<String, String>> ifMatch(String resource, String user) {
        String etag = (user == null ? anonymous() : as(user)).get(resource).then().statusCode(200).extract().header("ETag");
        return () -> Map.of("If-Match", etag);
    }

    /** Everything the hostile requests aim at, as read through the gateway. */
    private Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("consultations", total(as("secretariat").queryParam("size", 1).get("/api/v1/consultations")));
        s.put("inquiries", total(as("secretariat").queryParam("size", 1).get("/api/v1/inquiries")));
        s.put("seminars", total(as("secretariat").queryParam("size", 1).get("/api/v1/seminars")));
        s.put("draft seminars", total(as("secretariat").queryParam("size", 1).queryParam("status", "DRAFT").get("/api/v1/seminars")));
        s.put("registrations", total(as("secretariat").queryParam("size", 1).get("/api/v1/seminars/{id}/registrations", seminarId)));
        s.put("plan 13", body(Fixtures.plan("13")));
        s.put("contact point 13", body(anonymous().get("/api/v1/contact-points/13")));
        s.put("exceptions 13", body(anonymous().queryParam("size", 500).get("/api/v1/contact-points/13/availability/exceptions")));
        s.put("booking", body(as("sme-a").get("/api/v1/consultations/{id}", bookingId)));
        s.put("free slot", body(anonymous().get("/api/v1/slots/{id}", freeSlotId)));
        s.put("inquiry", body(as("sme-a").get("/api/v1/inquiries/{id}", inquiryId)));
        s.put("seminar", body(as("secretariat").get("/api/v1/seminars/{id}", seminarId)));
        s.put("registration", body(as("secretariat").get("/api/v1/seminars/{id}/registrations/{rid}", seminarId, registrationId)));
        return s;
    }

    private static Object total(Response r) {
        r.then().statusCode(200);
        return r.path("total");
    }

    private static String body(Response r) {
        r.then().statusCode(200);
        return r.asString();
    }

    private static void check(List<String> failures, String what, int status, String contentType, String body, int expected) {
        boolean ok = expected != 0 ? status == expected : status >= 400 && status < 500;
        if (!ok) {
            failures.add(what + " -> " + status + " (expected " + (expected == 0 ? "4xx" : expected) + "): " + Api.abbreviate(body));
            return;
        }
        if (contentType == null || !contentType.startsWith(Api.PROBLEM)) {
            failures.add(what + " -> " + status + " with Content-Type " + contentType + ": " + Api.abbreviate(body));
        } else if (body.contains("\tat ") || body.matches("(?s).*(java\\.|org\\.hibernate|org\\.postgresql|io\\.vertx|jdbc:|SQLState).*")) {
            failures.add(what + " -> " + status + " leaks internals: " + Api.abbreviate(body));
        }
    }

    /** What differs between two snapshots, one line per resource (abbreviated). */
    private static void compare(Map<String, Object> before, Map<String, Object> after, List<String> failures) {
        before.forEach((k, v) -> {
            Object now = after.get(k);
            if (!java.util.Objects.equals(v, now)) {
                failures.add("CHANGED " + k + ": before " + Api.abbreviate(String.valueOf(v)) + "\n    after " + Api.abbreviate(String.valueOf(now)));
            }
        });
    }

    private static void assertNoFailures(List<String> failures, int requests) {
        System.out.println("[hostile] " + requests + " requests, " + failures.size() + " unexpected answers");
        failures.stream().limit(200).forEach(f -> System.out.println("[hostile] " + f));
        assertTrue(failures.isEmpty(), () -> failures.size() + " of " + requests + " hostile requests were not refused cleanly:\n"
                + String.join("\n", failures.subList(0, Math.min(60, failures.size()))));
    }

    @Test
    @Order(1)
    void everyWriteEndpointRefusesHostileBodiesAndNothingIsWritten() {
        Map<String, Object> before = snapshot();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Target target : targets()) {
            Map<String, String> fixed = target.headers().get();
            for (Mutations.Variant v : Mutations.of(target.template(), target.freeText())) {
                if (BODY_OPTIONAL.contains(target.name()) && v.name().equals("empty body")) {
                    continue; // no body is a valid cancellation (without a reason)
                }
                // byte-exact: no client library re-encodes the body or adds a charset
                Map<String, String> headers = new LinkedHashMap<>(fixed);
                headers.put("Authorization", "Bearer " + SystemStack.token(target.user()));
                headers.put("Content-Type", v.contentType());
                headers.put("Accept", "application/json");
                if (target.headers() == IDEMPOTENT) {
                    // a fresh key each time: a replayed key would only hide what the body itself does
                    headers.put("Idempotency-Key", UUID.randomUUID().toString());
                }
                RawHttp.Answer a = RawHttp.send(target.method(), target.path(), headers, v.body(), false);
                requests++;
                check(failures, target.name() + " / " + v.name(), a.status(), a.contentType(), a.text(), v.expectedStatus());
            }
            // the same body over 1 MB sent chunked (no Content-Length): counted while streaming
            byte[] big = Mutations.JSON.createObjectNode().put("padding", "x".repeat(Mutations.OVER_LIMIT)).toString()
                    .getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>(fixed);
            headers.put("Authorization", "Bearer " + SystemStack.token(target.user()));
            headers.put("Content-Type", "application/json");
            RawHttp.Answer a = RawHttp.send(target.method(), target.path(), headers, big, true);
            requests++;
            check(failures, target.name() + " / chunked body over 1 MB", a.status(), a.contentType(), a.text(), 413);
        }
        compare(before, snapshot(), failures);
        assertNoFailures(failures, requests);
    }

    @Test
    @Order(2)
    void pathTraversalInIdsIsRefused() {
        Map<String, Object> before = snapshot();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        String b = bookingId;
        String s = seminarId;
        List<String[]> cases = new ArrayList<>();
        // {user, method, target, body}
        for (String id : List.of("../" + b, "x/../" + b, "..%2F" + b, "%2e%2e%2f" + b, "..%5c" + b, "%252e%252e%252f" + b,
                b + "%00", b + "/../" + b, "%c0%ae%c0%ae%c0%af" + b, "....//" + b, ".%2e/" + b)) {
            cases.add(new String[] { "sme-a", "POST", "/api/v1/consultations/" + id + "/cancel", "{\"reason\":\"x\"}" });
        }
        cases.add(new String[] { "sme-a", "POST", "/api/v1/consultations/" + b + "/../../inquiries/" + inquiryId + "/close", "{}" });
        cases.add(new String[] { "sme-a", "POST", "/api/v1/consultations/..%2F..%2Finquiries%2F" + inquiryId + "%2Fclose", "{}" });
        cases.add(new String[] { "assoc-tokyo", "PUT", "/api/v1/contact-points/..%2F14/availability/plan",
                tree(Bodies.weekdayPlan(1, 1)).toString() });
        cases.add(new String[] { "assoc-tokyo", "PUT", "/api/v1/contact-points/13/../14/availability/plan",
                tree(Bodies.weekdayPlan(1, 1)).toString() });
        cases.add(new String[] { "assoc-tokyo", "PUT", "/api/v1/contact-points/13%2F..%2F14/availability/plan",
                tree(Bodies.weekdayPlan(1, 1)).toString() });
        cases.add(new String[] { "assoc-tokyo", "DELETE", "/api/v1/contact-points/13/availability/exceptions/..%2F..%2F..%2F" + exceptionId,
                null });
        cases.add(new String[] { "assoc-tokyo", "DELETE", "/api/v1/contact-points/13/availability/exceptions/" + exceptionId + "%2F..",
                null });
        cases.add(new String[] { "secretariat", "POST", "/api/v1/seminars/" + s + "/registrations/../../" + s + "/cancel", "{}" });
        cases.add(new String[] { "secretariat", "POST", "/api/v1/seminars/..%2F" + s + "/cancel", "{}" });
        cases.add(new String[] { "sme-a", "POST", "/api/v1/seminars/" + s + "/registrations/" + registrationId + "%2F..%2F" + registrationId
                + "/cancel", "{}" });
        cases.add(new String[] { "assoc-tokyo", "POST", "/api/v1/inquiries/" + inquiryId + "/..;/" + inquiryId + "/answer",
                "{\"answer\":\"x\"}" });
        cases.add(new String[] { "assoc-tokyo", "POST", "/api/v1/inquiries/%2e%2e/" + inquiryId + "/answer", "{\"answer\":\"x\"}" });
        // not even a valid request target (RFC 3986 has no raw backslash): refused by the HTTP layer, any 400 will do
        RawHttp.Answer invalid = RawHttp.send("POST", "/api/v1/seminars/" + s + "/registrations/..\\" + registrationId + "/cancel",
                Map.of("Authorization", "Bearer " + SystemStack.token("sme-a"), "Content-Type", "application/json"),
                "{}".getBytes(StandardCharsets.UTF_8), false);
        requests++;
        if (invalid.status() != 400) {
            failures.add("raw backslash in the request target -> " + invalid.status() + ": " + Api.abbreviate(invalid.text()));
        }
        for (String[] c : cases) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Authorization", "Bearer " + SystemStack.token(c[0]));
            headers.put("If-Match", "*");
            if (c[3] != null) {
                headers.put("Content-Type", "application/json");
            }
            RawHttp.Answer a = RawHttp.send(c[1], c[2], headers, c[3] == null ? null : c[3].getBytes(StandardCharsets.UTF_8), false);
            requests++;
            check(failures, c[0] + " " + c[1] + " " + c[2], a.status(), a.contentType(), a.text(), 0);
        }
        compare(before, snapshot(), failures);
        assertNoFailures(failures, requests);
    }

    @Test
    @Order(3)
    void anotherOrganizationsIdsAreNotFound() {
        Map<String, Object> before = snapshot();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        record Attempt(String user, String method, String path, Object body, int expected) {
        }
        List<Attempt> attempts = List.of(
                new Attempt("sme-b", "GET", "/api/v1/consultations/" + bookingId, null, 404),
                new Attempt("sme-b", "POST", "/api/v1/consultations/" + bookingId + "/cancel", Map.of(), 404),
                new Attempt("sme-b", "POST", "/api/v1/consultations/" + bookingId + "/reschedule", Map.of("slotId", otherSlotId), 404),
                new Attempt("assoc-osaka", "GET", "/api/v1/consultations/" + bookingId, null, 404),
                new Attempt("assoc-osaka", "POST", "/api/v1/consultations/" + bookingId + "/cancel", Map.of("reason", "not ours"), 404),
                new Attempt("assoc-osaka", "POST", "/api/v1/consultations/" + bookingId + "/outcome",
                        Map.of("outcome", "NO_SHOW", "summary", "x"), 404),
                new Attempt("sme-b", "GET", "/api/v1/inquiries/" + inquiryId, null, 404),
                new Attempt("sme-b", "POST", "/api/v1/inquiries/" + inquiryId + "/close", Map.of(), 404),
                new Attempt("assoc-osaka", "GET", "/api/v1/inquiries/" + inquiryId, null, 404),
                new Attempt("assoc-osaka", "POST", "/api/v1/inquiries/" + inquiryId + "/answer", Map.of("answer", "x"), 404),
                new Attempt("sme-b", "GET", "/api/v1/seminars/" + seminarId + "/registrations/" + registrationId, null, 404),
                new Attempt("sme-b", "POST", "/api/v1/seminars/" + seminarId + "/registrations/" + registrationId + "/cancel", Map.of(),
                        404),
                new Attempt("sme-c", "POST", "/api/v1/seminars/" + seminarId + "/registrations/" + registrationId + "/cancel", Map.of(),
                        404),
                // associations and codes are public facts: another prefecture's resources are forbidden, not hidden
                new Attempt("assoc-osaka", "PUT", "/api/v1/contact-points/13/availability/plan", Bodies.weekdayPlan(1, 1), 403),
                new Attempt("assoc-osaka", "DELETE", "/api/v1/contact-points/13/availability/exceptions/" + exceptionId, null, 403),
                new Attempt("assoc-osaka", "PUT", "/api/v1/seminars/" + seminarId + "/registrations/" + registrationId + "/attendance",
                        Map.of("attendance", "NO_SHOW"), 0),
                new Attempt("assoc-osaka", "POST", "/api/v1/seminars/" + seminarId + "/cancel", Map.of("reason", "x"), 0));
        for (Attempt a : attempts) {
            RequestSpecification spec = as(a.user()).header("If-Match", "*");
            if (a.body() != null) {
                spec = json(spec, a.body());
            }
            Response r = spec.request(a.method(), a.path());
            requests++;
            check(failures, a.user() + " " + a.method() + " " + a.path(), r.statusCode(), r.contentType(), r.asString(), a.expected());
        }
        // lists show only what is one's own
        List<String> bookings = as("sme-b").queryParam("size", 100).get("/api/v1/consultations").then().statusCode(200)
                .extract().path("items.id");
        if (bookings.contains(bookingId)) {
            failures.add("sme-b's booking list contains sme-a's booking");
        }
        List<String> orgs = as("sme-b").queryParam("size", 100).get("/api/v1/seminars/my-registrations").then().statusCode(200)
                .extract().path("items.organization.id");
        if (orgs.stream().anyMatch(o -> !"org-sme-b".equals(o))) {
            failures.add("sme-b's registrations contain other organizations: " + orgs);
        }
        compare(before, snapshot(), failures);
        assertNoFailures(failures, requests);
    }

    @Test
    @Order(4)
    void injectionFragmentsInFreeTextAreStoredVerbatimAndNeverExecuted() {
        String sql = "Robert'); DROP TABLE booking; DROP TABLE inquiry; -- \" OR 1=1; SELECT pg_sleep(10);";
        String script = "<script>alert(document.cookie)</script><img src=x onerror=alert(1)>";
        Object totalBefore = total(as("secretariat").queryParam("size", 1).get("/api/v1/inquiries"));

        Map<String, Object> inquiry = Bodies.inquiry("13", sql + " " + script);
        Response sent = json(as("sme-a"), inquiry).post("/api/v1/inquiries");
        assertEquals(201, sent.statusCode(), sent::asString);
        assertTrue(sent.contentType().startsWith("application/json"), "answered as JSON, never as HTML");
        Response read = as("sme-a").get("/api/v1/inquiries/{id}", (String) sent.path("id"));
        assertEquals(sql + " " + script, read.path("question"), "stored verbatim");
        assertEquals(((Number) totalBefore).longValue() + 1,
                ((Number) total(as("secretariat").queryParam("size", 1).get("/api/v1/inquiries"))).longValue(),
                "exactly one inquiry more; the table is intact");

        // a slot and an SME of its own, whatever the tests before did
        String slot = Fixtures.slotId(Fixtures.slotsOn("13", "IN_PERSON", Fixtures.claimDay("13", "IN_PERSON"), 2).get(0));
        Map<String, Object> booking = Bodies.booking(slot, "sme-c");
        booking.put("notes", sql);
        @SuppressWarnings("unchecked")
        Map<String, Object> requester = (Map<String, Object>) booking.get("requester");
        requester.put("organizationName", script);
        Response booked = json(as("sme-c"), booking).post("/api/v1/consultations");
        assertEquals(201, booked.statusCode(), booked::asString);
        String id = booked.path("id");
        Response seen = as("assoc-tokyo").get("/api/v1/consultations/{id}", id);
        assertEquals(sql, seen.path("notes"));
        assertEquals(script, seen.path("requester.organizationName"));
        as("secretariat").queryParam("size", 1).get("/api/v1/consultations").then().statusCode(200);
        Fixtures.cancel("sme-c", id);
    }
}
