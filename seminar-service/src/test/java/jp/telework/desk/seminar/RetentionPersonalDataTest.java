package jp.telework.desk.seminar;

import static jp.telework.desk.seminar.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.telework.desk.common.housekeeping.Housekeeping;
import jp.telework.desk.common.vocabulary.Tokyo;
import jp.telework.desk.infra.test.PersonalData;
import jp.telework.desk.seminar.config.SeminarConfig;
import jp.telework.desk.seminar.service.MaintenanceJobs;

/**
 * What retention leaves of a registrant: once the seminar ended longer ago than the retention period,
 * no text column of any table of seminar-service's database holds the contact's name, email or phone or
 * an attendee's name (registrations confirmed and waitlisted, their stored idempotent responses, the
 * outbox), and the statistics still count the registrations.
 */
@QuarkusTest
class RetentionPersonalDataTest {
    @Inject
    MaintenanceJobs jobs;
    @Inject
    Housekeeping housekeeping;
    @Inject
    SeminarConfig config;
    @Inject
    DataSource db;

    private final String probe = UUID.randomUUID().toString().substring(0, 8);
    private final String name = "Hozon Hanako " + probe;
    private final String attendee = "Sanka Jiro " + probe;
    private final String email = "hozon." + probe + "@example.jp";
    private final String phone = "099-" + probe.substring(0, 4).replaceAll("[^0-9]", "2") + "-1111";

    @Test
    void afterRetentionNoColumnHoldsARegistrantsDetailsAndTheStatisticsStillCount() throws Exception {
        Map<String, Object> seminar = Fixtures.seminar();
        seminar.put("capacity", 1);
        String seminarId = Fixtures.published(seminar);
        String confirmed = register(seminarId, "org-hozon-1-" + probe);
        String waiting = register(seminarId, "org-hozon-2-" + probe);
        as("secretariat").get("/api/v1/seminars/" + seminarId + "/registrations/" + waiting).then().body("status", equalTo("WAITLISTED"));
        List<String> values = List.of(name, attendee, email, phone);
        List<String> before = whereFound(values);
        assertTrue(before.stream().anyMatch(f -> f.startsWith("registration.")) && before.stream()
                .anyMatch(f -> f.startsWith("idempotency_record.")), "the search sees them before: " + before);

        // the seminar ended longer ago than the retention period (and its window was before its start)
        sql("UPDATE seminar SET registration_opens_at = now() - interval '400 days', registration_closes_at = now() - interval"
                + " '399 days', starts_at = now() - interval '398 days', ends_at = now() - interval '398 days' + interval '2 hours'"
                + " WHERE id = '" + seminarId + "'");
        int anonymized = jobs.anonymize(Tokyo.now(java.time.Clock.systemUTC()).minus(config.retention().personalData()));
        assertTrue(anonymized >= 2, "anonymized " + anonymized);
        housekeeping.purge(Instant.now().plus(Duration.ofHours(25))); // and the Idempotency-Key window passed

        assertEquals(List.of(), whereFound(values), "left after retention");
        as("secretariat").get("/api/v1/seminars/" + seminarId + "/registrations/" + confirmed).then().statusCode(200)
                .body("contact.name", nullValue()).body("contact.email", nullValue());
        // the statistics of the seminar's days still count its seat and its waiting registration
        JsonPath figures = figures();
        assertEquals(1, figures.getLong("totals.seminars"), figures.prettify());
        assertEquals(1, figures.getLong("totals.confirmedSeats"), figures.prettify());
        assertEquals(1, figures.getLong("totals.waitlisted"), figures.prettify());
    }

    private String register(String seminarId, String organization) {
        Map<String, Object> body = Fixtures.registration(1, organization);
        body.put("contact", Map.of("name", name, "email", email, "phone", phone));
        body.put("attendees", List.of(attendee));
        return as("secretariat").header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(Fixtures.json(body)).post("/api/v1/seminars/" + seminarId + "/registrations").then().statusCode(201)
                .extract().path("id");
    }

    /** The figures of the days around the seminar's (moved) start: this test's seminar only. */
    private JsonPath figures() {
        java.time.LocalDate today = java.time.LocalDate.now(Tokyo.ZONE);
        return as("secretariat").queryParam("from", today.minusDays(399).toString()).queryParam("to", today.minusDays(397).toString())
                .get("/api/v1/seminars/statistics").then().statusCode(200).extract().jsonPath();
    }

    private List<String> whereFound(List<String> values) throws Exception {
        try (Connection c = db.getConnection()) {
            return PersonalData.whereFound(c, values);
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
