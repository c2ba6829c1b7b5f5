package jp.telework.desk.consultation;

import static jp.telework.desk.consultation.Fixtures.announce;
import static jp.telework.desk.consultation.Fixtures.as;
import static jp.telework.desk.consultation.Fixtures.revise;
import static jp.telework.desk.consultation.Fixtures.slot;
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
import jp.telework.desk.common.housekeeping.Housekeeping;
import jp.telework.desk.common.vocabulary.Tokyo;
import jp.telework.desk.consultation.config.ConsultationConfig;
import jp.telework.desk.consultation.service.RetentionService;
import jp.telework.desk.events.SlotV1;
import jp.telework.desk.infra.test.PersonalData;

/**
 * What retention leaves of a requester: after the periods have passed, no text column of any table of
 * consultation-service's database holds the name, email or phone number submitted (bookings in every
 * ending: cancelled, completed, never closed, left needing a new date; an inquiry with its question and
 * answer; the stored idempotent responses; the outbox), and the statistics still count every booking.
 */
@QuarkusTest
class RetentionPersonalDataTest {
    @Inject
    RetentionService retention;
    @Inject
    Housekeeping housekeeping;
    @Inject
    ConsultationConfig config;
    @Inject
    DataSource db;

    private final String probe = UUID.randomUUID().toString().substring(0, 8);
    private final String name = "Hozon Taro " + probe;
    private final String email = "hozon." + probe + "@example.jp";
    private final String phone = "099-" + probe.substring(0, 4).replaceAll("[^0-9]", "1") + "-0000";

    @Test
    void afterRetentionNoColumnHoldsTheRequestersNameEmailOrPhoneAndTheStatisticsStillCount() throws Exception {
        long before = total();
        // four bookings in prefecture 45 (Miyazaki, this test's own), each taken with an Idempotency-Key
        SlotV1 cancelled = announce(slot("45", 20, 3));
        SlotV1 completed = announce(slot("45", 21, 3));
        SlotV1 neverClosed = announce(slot("45", 22, 3));
        SlotV1 closedDay = announce(slot("45", 23, 3));
        UUID a = book(cancelled);
        UUID b = book(completed);
        UUID c = book(neverClosed);
        UUID d = book(closedDay);
        as("sme-a").contentType("application/json").body("{\"reason\":\"" + name + " is ill, call " + phone + "\"}")
                .post("/api/v1/consultations/" + a + "/cancel").then().statusCode(200);
        // the association closes a day: the booking needs a new date, and nobody gives it one
        announce(revise(closedDay, closedDay.date(), 3, SlotV1.CLOSED));
        as("secretariat").get("/api/v1/consultations/" + d).then().body("status", equalTo("NEEDS_RESCHEDULE"));
        // the consultations took place 40 days ago (the retention job only looks at slots that ended)
        sql("UPDATE slot SET slot_date = current_date - 40 WHERE id IN ('" + completed.slotId() + "', '" + neverClosed.slotId()
                + "', '" + closedDay.slotId() + "')");
        as("secretariat").contentType("application/json")
                .body("{\"outcome\":\"COMPLETED\",\"summary\":\"Advised " + name + " (" + email + ") on VPN rules\"}")
                .post("/api/v1/consultations/" + b + "/outcome").then().statusCode(200);
        // an inquiry whose question and answer name the requester
        String inquiryId = as("sme-a").header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body("{\"category\":\"SECURITY\",\"prefecture\":\"45\",\"question\":\"I am " + name + ", phone " + phone
                        + ". Which rules for home PCs?\",\"contactName\":\"" + name + "\",\"email\":\"" + email + "\"}")
                .post("/api/v1/inquiries").then().statusCode(201).extract().path("id");
        as("secretariat").contentType("application/json").body("{\"answer\":\"Dear " + name + ", see our guide.\"}")
                .post("/api/v1/inquiries/" + inquiryId + "/answer").then().statusCode(200);

        List<String> values = List.of(name, email, phone);
        List<String> found = whereFound(values);
        assertTrue(found.stream().anyMatch(f -> f.startsWith("booking.")) && found.stream().anyMatch(f -> f.startsWith("inquiry."))
                && found.stream().anyMatch(f -> f.startsWith("idempotency_record.")), "the search sees them before: " + found);

        // the retention job's steps with the clock moved: bookings nobody closed, then the anonymization
        int closed = retention.closeUnfinishedEndedBefore(Tokyo.now(java.time.Clock.systemUTC())
                .minus(config.retention().outcomeMissingAfter()));
        assertTrue(closed >= 2, "closed as OUTCOME_MISSING: " + closed);
        as("sme-a").get("/api/v1/consultations/" + c).then().body("status", equalTo("OUTCOME_MISSING"));
        as("sme-a").get("/api/v1/consultations/" + d).then().body("status", equalTo("OUTCOME_MISSING"));
        // as if the retention period had passed since they closed
        retention.anonymizeClosedBefore(Tokyo.now(java.time.Clock.systemUTC()).plusDays(1));
        // and the Idempotency-Key window (24 h) has passed for the stored responses
        housekeeping.purge(Instant.now().plus(Duration.ofHours(25)));

        assertEquals(List.of(), whereFound(values), "left after retention");
        for (UUID id : List.of(a, b, c, d)) {
            as("sme-a").get("/api/v1/consultations/" + id).then().statusCode(200).body("anonymized", equalTo(true))
                    .body("requester.contactPerson", nullValue()).body("notes", nullValue());
        }
        as("secretariat").get("/api/v1/inquiries/" + inquiryId).then().statusCode(200).body("anonymized", equalTo(true))
                .body("question", nullValue()).body("answer", nullValue()).body("category", equalTo("SECURITY"));
        // the statistics still count all four, by how they ended
        Map<String, Integer> byStatus = as("secretariat").queryParam("prefecture", "45").get("/api/v1/consultations/statistics")
                .then().statusCode(200).extract().jsonPath().getMap("byStatus");
        assertEquals(before + 4, total());
        assertTrue(byStatus.getOrDefault("OUTCOME_MISSING", 0) >= 2 && byStatus.getOrDefault("COMPLETED", 0) >= 1
                && byStatus.getOrDefault("CANCELLED", 0) >= 1, "counted: " + byStatus);
    }

    private UUID book(SlotV1 slot) {
        String body = """
                {"slotId":"%s","topics":["SECURITY"],
                 "requester":{"organizationName":"Hozon Shoji K.K.","organizationType":"SME","employeeCount":8,
                   "industry":"Retail","prefecture":"45","contactPerson":"%s","email":"%s","phone":"%s"},
                 "notes":"Please ask for %s at %s"}""".formatted(slot.slotId(), name, email, phone, name, phone);
        return UUID.fromString(as("sme-a").header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(body).post("/api/v1/consultations").then().statusCode(201).extract().path("id"));
    }

    private long total() {
        return as("secretariat").queryParam("prefecture", "45").get("/api/v1/consultations/statistics").then().statusCode(200)
                .extract().jsonPath().getLong("totalBookings");
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
