package jp.telework.desk.contactpoint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.telework.desk.contactpoint.domain.HolidayCalendar;
import jp.telework.desk.events.EventTypes;
import jp.telework.desk.events.Topics;
import jp.telework.desk.infra.test.TestInfra;
import jp.telework.desk.infra.test.TopicProbe;

/** Plans and exceptions over HTTP against the real PostgreSQL, Kafka and Keycloak. */
@QuarkusTest
class AvailabilityResourceTest {
    private static final HolidayCalendar CALENDAR = HolidayCalendar.computed();

    @Test
    void planBecomesSlotsAndSlotEventsOnTheRealBroker() {
        // start from an empty plan (whatever ran before), then publish a real one as Tokyo's association
        Api.putPlan("13", "assoc-tokyo", "*", "{\"windows\":[]}").then().statusCode(200);
        String etag = Api.etag("13");
        String body = "{\"windows\":[" + String.join(",", Api.EVERY_DAY.stream()
                .map(d -> Api.window(d, "10:00", "12:00", 60, 2, "IN_PERSON")).toList())
                + "," + Api.window("TUESDAY", "13:00", "15:00", 30, 1, "ONLINE") + "]}";

        int expected = 0;
        LocalDate today = Api.today();
        for (LocalDate d = today; d.isBefore(today.plusDays(Api.HORIZON_DAYS)); d = d.plusDays(1)) {
            if (!CALENDAR.isClosedDay(d)) {
                expected += 2 + (d.getDayOfWeek() == DayOfWeek.TUESDAY ? 4 : 0);
            }
        }
        Response put = Api.putPlan("13", "assoc-tokyo", etag, body);
        put.then().statusCode(200)
                .body("plan.contactPointCode", equalTo("13"))
                .body("plan.windows", hasSize(8))
                .body("plan.windows[0].startTime", equalTo("10:00"))
                .body("materialization.opened", equalTo(expected))
                .body("materialization.closed", equalTo(0))
                .body("materialization.from", equalTo(today.toString()))
                .body("materialization.to", equalTo(today.plusDays(Api.HORIZON_DAYS - 1).toString()))
                .body("materialization.affectedSlots", hasSize(0));
        assertNotEquals(etag, put.header("ETag"), "the plan's version moved on");
        assertEquals(put.header("ETag"), Api.etag("13"));

        List<Map<String, Object>> slots = Api.slots("13", "");
        assertEquals(expected, slots.size());
        given().when().get("/api/v1/contact-points/13/slots?size=5&page=1").then().statusCode(200)
                .header("X-Total-Count", String.valueOf(expected)).body("items", hasSize(5)).body("page", equalTo(1));
        Map<String, Object> first = slots.get(0);
        assertEquals("OPEN", first.get("status"));
        assertTrue(((String) first.get("startsAt")).endsWith("+09:00"), "times carry the Tokyo offset: " + first.get("startsAt"));
        assertEquals(2, first.get("remaining"));

        // closed calendar days in the horizon have no slots
        for (LocalDate d = today; d.isBefore(today.plusDays(Api.HORIZON_DAYS)); d = d.plusDays(1)) {
            if (CALENDAR.isClosedDay(d)) {
                given().when().get("/api/v1/contact-points/13/slots?from=" + d + "&to=" + d).then().statusCode(200)
                        .body("total", equalTo(0));
            }
        }
        // filters
        assertTrue(Api.slots("13", "mode=ONLINE").stream().allMatch(s -> "ONLINE".equals(s.get("mode"))));

        try (TopicProbe probe = TestInfra.probe(Topics.CONTACT_POINTS)) {
            var event = probe.await(e -> EventTypes.SLOT_OPENED.is(e.type()) && e.data().contains((String) first.get("id")),
                    Duration.ofSeconds(30));
            assertEquals("13", event.key());
            assertTrue(event.data().contains("\"status\":\"OPEN\""), event.data());
            assertTrue(event.data().contains("\"revision\":"), event.data());
        }
    }

    @Test
    void staleIfMatchIs412AndMissingIfMatchIs428() {
        String etag = Api.etag("13");
        String body = Api.plan(List.of("MONDAY"), "10:00", "11:00", 60, 1, "IN_PERSON");
        Api.putPlan("13", "secretariat", "*", body).then().statusCode(200);
        Api.putPlan("13", "assoc-tokyo", etag, body).then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("urn:telework:problem:stale-version"));
        Api.putPlan("13", "assoc-tokyo", "W/\"" + Api.etag("13").replace("\"", "") + "\"", body).then().statusCode(200);
        Api.putPlan("13", "assoc-tokyo", null, body).then().statusCode(428).contentType("application/problem+json")
                .body("errors[0].field", equalTo("If-Match"));
        Api.putPlan("13", "assoc-tokyo", "not-a-version", body).then().statusCode(400).body("errors[0].field", equalTo("If-Match"));
    }

    @Test
    void concurrentUpdatesWithTheSameETagLetExactlyOneWin() throws Exception {
        Api.putPlan("10", "secretariat", "*", "{\"windows\":[]}").then().statusCode(200);
        String etag = Api.etag("10");
        String token = Api.token("secretariat");
        int writers = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String body = Api.plan(List.of("WEDNESDAY"), "10:00", "11:00", 60, i + 1, "IN_PERSON");
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(token).header("If-Match", etag).contentType("application/json").body(body)
                            .when().put("/api/v1/contact-points/10/availability/plan").then().extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var a : answers) {
                statuses.add(a.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(writers - 1, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        given().when().get("/api/v1/contact-points/10/availability/plan").then().statusCode(200).body("windows", hasSize(1));
    }

    @Test
    void onlyTheOwnAssociationOrTheSecretariatMayWrite() {
        String body = Api.plan(List.of("MONDAY"), "10:00", "11:00", 60, 1, "ONLINE");
        Api.putPlan("27", "assoc-tokyo", "*", body).then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("27"));
        Api.putPlan("27", "sme-a", "*", body).then().statusCode(403).contentType("application/problem+json");
        given().contentType("application/json").header("If-Match", "*").body(body)
                .when().put("/api/v1/contact-points/27/availability/plan")
                .then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").body("{\"date\":\"" + Api.today().plusDays(3) + "\",\"kind\":\"CLOSED\"}")
                .when().post("/api/v1/contact-points/27/availability/exceptions")
                .then().statusCode(401).contentType("application/problem+json");
        given().when().delete("/api/v1/contact-points/27/availability/exceptions/" + UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Api.token("assoc-tokyo")).contentType("application/json")
                .body("{\"date\":\"" + Api.today().plusDays(3) + "\",\"kind\":\"CLOSED\"}")
                .when().post("/api/v1/contact-points/27/availability/exceptions")
                .then().statusCode(403).contentType("application/problem+json");
        // anyone may read
        given().when().get("/api/v1/contact-points/27/availability/plan").then().statusCode(200).header("ETag", notNullValue());
        given().when().get("/api/v1/contact-points/27/slots").then().statusCode(200);
        given().when().get("/api/v1/contact-points/27/availability/exceptions").then().statusCode(200);
    }

    @Test
    void invalidBodiesNameTheFieldAndWriteNothing() {
        String etag = Api.etag("13");
        String ok = Api.window("MONDAY", "10:00", "12:00", 60, 1, "IN_PERSON");
        Api.putPlan("48", "secretariat", "*", "{\"windows\":[" + ok + "]}").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:telework:problem:not-found"));
        Api.putPlan("13", "secretariat", "*", "{\"windows\":[" + Api.window("MONDAY", "12:00", "10:00", 60, 1, "IN_PERSON") + "]}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("windows[0].endTime")).body("errors[0].message", equalTo("must be after startTime"));
        Api.putPlan("13", "secretariat", "*", "{\"windows\":[" + ok + "," + Api.window("MONDAY", "10:00", "11:00", 60, -1, "PHONE") + "]}")
                .then().statusCode(400).body("errors[0].field", equalTo("windows[1].capacity"));
        Api.putPlan("13", "secretariat", "*", "{\"windows\":[" + Api.window("MONDAY", "10:00", "11:00", 45, 1, "PHONE") + "]}")
                .then().statusCode(400).body("errors[0].field", equalTo("windows[0].endTime"));
        Api.putPlan("13", "secretariat", "*", "{\"windows\":[" + Api.window("MONDAY", "10:00", "11:00", 5, 1, "PHONE") + "]}")
                .then().statusCode(400).body("errors.field", hasItem("windows[0].slotMinutes"));
        Api.putPlan("13", "secretariat", "*", "{\"windows\":[" + ok.replace("}", ",\"colour\":\"red\"}") + "]}")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("windows[0].colour"));
        Api.putPlan("13", "secretariat", "*", "{\"windows\":[" + ok.replace("IN_PERSON", "TELEPATHY") + "]}")
                .then().statusCode(400).body("errors[0].field", equalTo("windows[0].mode"));
        Api.putPlan("13", "secretariat", "*", "{\"windows\":[" + ok.replace("MONDAY", "FUNDAY") + "]}")
                .then().statusCode(400).body("errors[0].field", equalTo("windows[0].weekday"));
        Api.putPlan("13", "secretariat", "*", "{\"windows\":[" + ok.replace("10:00", "25:00") + "]}")
                .then().statusCode(400).body("errors[0].field", equalTo("windows[0].startTime"));
        Api.putPlan("13", "secretariat", "*", "{}").then().statusCode(400).body("errors[0].field", equalTo("windows"));
        Api.putPlan("13", "secretariat", "*", "{\"windows\":[" + ok + "," + Api.window("MONDAY", "11:00", "13:00", 60, 1, "IN_PERSON") + "]}")
                .then().statusCode(400).body("errors[0].field", equalTo("windows[1]"))
                .body("errors[0].message", containsString("overlaps windows[0]"));
        // Akita offers no face-to-face consultations
        Api.putPlan("05", "secretariat", "*", "{\"windows\":[" + ok + "]}").then().statusCode(400)
                .body("errors[0].field", equalTo("windows[0].mode")).body("errors[0].message", containsString("does not offer"));
        // more than 1 MB
        String huge = "{\"windows\":[],\"padding\":\"" + "x".repeat(1_100_000) + "\"}";
        Api.putPlan("13", "secretariat", "*", huge).then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413)).body("type", equalTo("urn:telework:problem:payload-too-large"));
        given().auth().oauth2(Api.token("secretariat")).contentType("application/json").body(huge)
                .when().post("/api/v1/contact-points/13/availability/exceptions").then().statusCode(413)
                .contentType("application/problem+json");

        // hostile lists: 100,000 elements stop the parser, 1,001 fail before validation, 201 fail validation
        Api.putPlan("13", "secretariat", "*", "{\"windows\":[" + "null,".repeat(99_999) + "null]}").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        Api.putPlan("13", "secretariat", "*", "{\"windows\":[" + "null,".repeat(1_000) + "null]}").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("windows"));
        Api.putPlan("13", "secretariat", "*", "{\"windows\":[" + (ok + ",").repeat(200) + ok + "]}").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("windows"));

        assertEquals(etag, Api.etag("13"), "nothing was written");
        // the service still answers normally on a fresh request
        given().when().get("/api/v1/contact-points/13/availability/plan").then().statusCode(200);
    }

    @Test
    void shrinkingBelowBookingsIsAllowedAndReported() {
        String body3 = Api.plan(Api.EVERY_DAY, "09:00", "10:00", 60, 3, "IN_PERSON");
        Api.putPlan("14", "secretariat", "*", body3).then().statusCode(200);
        Map<String, Object> slot = Api.slots("14", "available=true&from=" + Api.today().plusDays(1)).get(0);
        Object slotId = slot.get("id");
        long revision = ((Number) slot.get("revision")).longValue();
        for (int i = 0; i < 2; i++) {
            UUID booking = UUID.randomUUID();
            Api.publishConsultation(UUID.randomUUID().toString(), EventTypes.CONSULTATION_BOOKED.name(), booking.toString(),
                    Api.consultation(booking, slotId, null, "14", "BOOKED"));
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> ((Number) Api.slot("14", slotId).get("booked")).intValue() == 2);

        Response shrunk = Api.putPlan("14", "secretariat", Api.etag("14"), Api.plan(Api.EVERY_DAY, "09:00", "10:00", 60, 1, "IN_PERSON"));
        shrunk.then().statusCode(200)
                .body("materialization.changed", greaterThan(0))
                .body("materialization.affectedSlots", hasSize(1))
                .body("materialization.affectedSlots[0].slotId", equalTo(slotId))
                .body("materialization.affectedSlots[0].capacity", equalTo(1))
                .body("materialization.affectedSlots[0].booked", equalTo(2))
                .body("materialization.affectedSlots[0].impact", equalTo("CAPACITY_BELOW_BOOKED"));
        Map<String, Object> after = Api.slot("14", slotId);
        assertEquals(revision + 1, ((Number) after.get("revision")).longValue());
        assertEquals(0, after.get("remaining"));
        try (TopicProbe probe = TestInfra.probe(Topics.CONTACT_POINTS)) {
            probe.await(e -> EventTypes.SLOT_CHANGED.is(e.type()) && e.data().contains((String) slotId)
                    && e.data().contains("\"capacity\":1") && e.data().contains("\"revision\":" + (revision + 1)), Duration.ofSeconds(30));
        }

        // closing the day entirely is reported too
        Api.putPlan("14", "secretariat", Api.etag("14"), "{\"windows\":[]}").then().statusCode(200)
                .body("materialization.affectedSlots", hasSize(1))
                .body("materialization.affectedSlots[0].impact", equalTo("CLOSED_WITH_BOOKINGS"))
                .body("materialization.affectedSlots[0].status", equalTo("CLOSED"));
        assertEquals("CLOSED", Api.slot("14", slotId).get("status"));
        assertFalse(Api.slots("14", "status=CLOSED").isEmpty());
        try (TopicProbe probe = TestInfra.probe(Topics.CONTACT_POINTS)) {
            probe.await(e -> EventTypes.SLOT_CLOSED.is(e.type()) && e.data().contains((String) slotId), Duration.ofSeconds(30));
        }
        // and reopening keeps the slot (same id), a new revision
        Api.putPlan("14", "secretariat", Api.etag("14"), body3).then().statusCode(200);
        Map<String, Object> reopened = Api.slot("14", slotId);
        assertEquals("OPEN", reopened.get("status"));
        assertEquals(revision + 3, ((Number) reopened.get("revision")).longValue());
        assertEquals(2, reopened.get("booked"), "bookings survive closing and reopening");
    }

    @Test
    void datedExceptionsCloseOpenAndAddSlots() {
        String token = Api.token("secretariat");
        Api.putPlan("12", "secretariat", "*", Api.plan(List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
                "10:00", "12:00", 60, 1, "IN_PERSON")).then().statusCode(200);
        LocalDate workday = Api.today().plusDays(1);
        while (CALENDAR.isClosedDay(workday) || workday.getDayOfWeek().getValue() > 5) {
            workday = workday.plusDays(1);
        }
        assertEquals(2, Api.slots("12", "from=" + workday + "&to=" + workday).size());

        // close the day
        Response closed = given().auth().oauth2(token).contentType("application/json")
                .body("{\"date\":\"" + workday + "\",\"kind\":\"CLOSED\",\"reason\":\"staff training\"}")
                .when().post("/api/v1/contact-points/12/availability/exceptions");
        closed.then().statusCode(201).header("Location", containsString("/api/v1/contact-points/12/availability/exceptions/"))
                .body("exception.kind", equalTo("CLOSED")).body("materialization.closed", equalTo(2));
        String closedId = closed.jsonPath().getString("exception.id");
        assertEquals(0, Api.slots("12", "from=" + workday + "&to=" + workday).size());
        given().when().get("/api/v1/contact-points/12/availability/exceptions/" + closedId).then().statusCode(200)
                .body("reason", equalTo("staff training"));
        // the same day cannot be closed twice
        given().auth().oauth2(token).contentType("application/json").body("{\"date\":\"" + workday + "\",\"kind\":\"OPEN\"}")
                .when().post("/api/v1/contact-points/12/availability/exceptions")
                .then().statusCode(409).contentType("application/problem+json");
        // deleting it reopens the slots
        given().auth().oauth2(token).when().delete("/api/v1/contact-points/12/availability/exceptions/" + closedId)
                .then().statusCode(200).body("materialization.opened", equalTo(2));
        assertEquals(2, Api.slots("12", "from=" + workday + "&to=" + workday).size());
        given().when().get("/api/v1/contact-points/12/availability/exceptions/" + closedId).then().statusCode(404);

        // an extra evening window (with an Idempotency-Key: a retry answers the first response)
        String extra = "{\"date\":\"" + workday + "\",\"kind\":\"EXTRA_WINDOW\",\"startTime\":\"18:00\",\"endTime\":\"20:00\","
                + "\"slotMinutes\":60,\"capacity\":2,\"mode\":\"ONLINE\"}";
        String key = "extra-" + UUID.randomUUID();
        Response first = given().auth().oauth2(token).header("Idempotency-Key", key).contentType("application/json").body(extra)
                .when().post("/api/v1/contact-points/12/availability/exceptions");
        first.then().statusCode(201).body("materialization.opened", equalTo(2)).header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType("application/json").body(extra)
                .when().post("/api/v1/contact-points/12/availability/exceptions")
                .then().statusCode(201).header("Location", equalTo(first.header("Location"))).header("Idempotent-Replayed", equalTo("true"))
                .body("exception.id", equalTo(first.jsonPath().getString("exception.id")));
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType("application/json")
                .body(extra.replace("\"capacity\":2", "\"capacity\":3"))
                .when().post("/api/v1/contact-points/12/availability/exceptions")
                .then().statusCode(422).contentType("application/problem+json");
        assertEquals(4, Api.slots("12", "from=" + workday + "&to=" + workday).size());
        given().when().get("/api/v1/contact-points/12/availability/exceptions?from=" + workday + "&to=" + workday)
                .then().statusCode(200).header("X-Total-Count", "1").body("items[0].startTime", equalTo("18:00"));

        // a changed capacity for that day
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"date\":\"" + workday + "\",\"kind\":\"CAPACITY\",\"capacity\":4,\"mode\":\"IN_PERSON\"}")
                .when().post("/api/v1/contact-points/12/availability/exceptions")
                .then().statusCode(201).body("materialization.changed", equalTo(2));
        assertTrue(Api.slots("12", "from=" + workday + "&to=" + workday + "&mode=IN_PERSON").stream()
                .allMatch(s -> ((Number) s.get("capacity")).intValue() == 4));

        // an OPEN exception opens a closed calendar day (if one falls in the horizon)
        LocalDate closedDay = Api.today().plusDays(1);
        while (closedDay.isBefore(Api.today().plusDays(Api.HORIZON_DAYS - 1))
                && !(CALENDAR.isClosedDay(closedDay) && closedDay.getDayOfWeek().getValue() <= 5)) {
            closedDay = closedDay.plusDays(1);
        }
        if (CALENDAR.isClosedDay(closedDay) && closedDay.getDayOfWeek().getValue() <= 5) {
            assertEquals(0, Api.slots("12", "from=" + closedDay + "&to=" + closedDay).size());
            given().auth().oauth2(token).contentType("application/json").body("{\"date\":\"" + closedDay + "\",\"kind\":\"OPEN\"}")
                    .when().post("/api/v1/contact-points/12/availability/exceptions")
                    .then().statusCode(201).body("materialization.opened", equalTo(2));
            assertEquals(2, Api.slots("12", "from=" + closedDay + "&to=" + closedDay).size());
        }
    }

    @Test
    void invalidExceptionsNameTheField() {
        String token = Api.token("secretariat");
        LocalDate day = Api.today().plusDays(2);
        post(token, "{\"date\":\"" + day + "\",\"kind\":\"CLOSED\",\"startTime\":\"10:00\"}").then().statusCode(400)
                .body("errors[0].field", equalTo("startTime")).body("errors[0].message", equalTo("must be absent for CLOSED"));
        post(token, "{\"date\":\"" + day + "\",\"kind\":\"EXTRA_WINDOW\",\"startTime\":\"10:00\",\"endTime\":\"11:00\",\"slotMinutes\":60,"
                + "\"capacity\":1}").then().statusCode(400).body("errors[0].field", equalTo("mode"));
        post(token, "{\"date\":\"" + day + "\",\"kind\":\"EXTRA_WINDOW\",\"startTime\":\"11:00\",\"endTime\":\"10:00\",\"slotMinutes\":60,"
                + "\"capacity\":1,\"mode\":\"ONLINE\"}").then().statusCode(400).body("errors[0].field", equalTo("endTime"));
        post(token, "{\"date\":\"" + day + "\",\"kind\":\"CAPACITY\",\"capacity\":-2}").then().statusCode(400)
                .body("errors[0].field", equalTo("capacity"));
        post(token, "{\"date\":\"" + Api.today().minusDays(1) + "\",\"kind\":\"CLOSED\"}").then().statusCode(400)
                .body("errors[0].field", equalTo("date"));
        post(token, "{\"date\":\"tomorrow\",\"kind\":\"CLOSED\"}").then().statusCode(400).body("errors[0].field", equalTo("date"));
        post(token, "{\"date\":\"" + day + "\",\"kind\":\"HOLIDAY\"}").then().statusCode(400).body("errors[0].field", equalTo("kind"));
        post(token, "{\"date\":\"" + day + "\",\"kind\":\"CLOSED\",\"why\":\"x\"}").then().statusCode(400)
                .body("errors[0].field", equalTo("why"));
        given().auth().oauth2(token).when().delete("/api/v1/contact-points/12/availability/exceptions/not-a-uuid")
                .then().statusCode(404).body("detail", equalTo("exception does not exist or is not visible to you"));
        given().when().get("/api/v1/contact-points/12/slots?from=12/01/2026").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        given().when().get("/api/v1/contact-points/12/slots?mode=FAX").then().statusCode(400).body("errors[0].field", equalTo("mode"));
        given().when().get("/api/v1/contact-points/12/slots?size=0").then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().when().get("/api/v1/contact-points/12/slots?page=abc").then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().when().get("/api/v1/contact-points/12/slots?page=2147483647").then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().when().get("/api/v1/contact-points/12/slots?available=maybe").then().statusCode(400)
                .body("errors[0].field", equalTo("available"));
    }

    private static Response post(String token, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .when().post("/api/v1/contact-points/12/availability/exceptions");
    }

    @Test
    void holidaysAreListed() {
        given().when().get("/api/v1/contact-points/holidays?year=2026").then().statusCode(200)
                .body("find { it.date == '2026-09-22' }.kind", equalTo("BRIDGE"))
                .body("find { it.date == '2026-12-30' }.kind", equalTo("YEAR_END"))
                .body("find { it.date == '2026-01-01' }.kind", equalTo("NATIONAL"))
                .body("size()", equalTo(18 + 5));
        given().when().get("/api/v1/contact-points/holidays?year=1800").then().statusCode(400).body("errors[0].field", equalTo("year"));
    }
}
