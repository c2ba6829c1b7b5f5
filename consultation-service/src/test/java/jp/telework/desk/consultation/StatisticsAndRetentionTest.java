package jp.telework.desk.consultation;

import static jp.telework.desk.consultation.Fixtures.announce;
import static jp.telework.desk.consultation.Fixtures.as;
import static jp.telework.desk.consultation.Fixtures.slot;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.telework.desk.common.vocabulary.Tokyo;
import jp.telework.desk.consultation.service.RetentionService;
import jp.telework.desk.events.SlotV1;

@QuarkusTest
class StatisticsAndRetentionTest {
    @Inject
    RetentionService retention;

    private static UUID book(String user, UUID slotId, String topics) {
        String id = as(user).contentType("application/json")
                .body(Fixtures.bookingBody(slotId, topics, "kenji@example.co.jp", "Call me"))
                .post("/api/v1/consultations").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    /** Prefecture 44 (Oita) is used by this test only, so the figures are exact. */
    @Test
    void statisticsCountByPrefectureTopicModeStatusAndMonth() {
        LocalDate day = LocalDate.now(Tokyo.ZONE).plusDays(70);
        SlotV1 phone = announce(slot("44", day, LocalTime.of(13, 0), "PHONE", 5));
        SlotV1 online = announce(slot("44", day, LocalTime.of(14, 0), "ONLINE", 5));
        UUID completed = book("sme-a", phone.slotId(), "[\"SECURITY\",\"ICT_ENVIRONMENT\"]");
        UUID noShow = book("sme-b", phone.slotId(), "[\"SECURITY\"]");
        book("sme-a", online.slotId(), "[\"LABOR_MANAGEMENT\"]");
        UUID cancelled = book("sme-b", online.slotId(), "[\"GENERAL_INTRODUCTION\"]");
        as("sme-b").contentType("application/json").body("{}").post("/api/v1/consultations/" + cancelled + "/cancel")
                .then().statusCode(200);
        // the phone consultations took place yesterday
        LocalDate yesterday = LocalDate.now(Tokyo.ZONE).minusDays(1);
        announce(Fixtures.revise(phone, yesterday, 5, SlotV1.OPEN));
        as("secretariat").contentType("application/json").body("{\"outcome\":\"COMPLETED\",\"summary\":\"ok\"}")
                .post("/api/v1/consultations/" + completed + "/outcome").then().statusCode(200);
        as("secretariat").contentType("application/json").body("{\"outcome\":\"NO_SHOW\",\"summary\":\"absent\"}")
                .post("/api/v1/consultations/" + noShow + "/outcome").then().statusCode(200);

        String answered = as("sme-a").contentType("application/json").body(Fixtures.inquiryBody("44", null))
                .post("/api/v1/inquiries").then().statusCode(201).extract().path("id");
        as("sme-a").contentType("application/json").body(Fixtures.inquiryBody("44", null)).post("/api/v1/inquiries")
                .then().statusCode(201);
        as("secretariat").contentType("application/json").body("{\"answer\":\"Yes.\"}")
                .post("/api/v1/inquiries/" + answered + "/answer").then().statusCode(200);

        JsonPath stats = as(Fixtures.DASHBOARD).queryParam("prefecture", "44").get("/api/v1/consultations/statistics")
                .then().statusCode(200).body("inquiries.medianTimeToAnswer", notNullValue())
                .body("inquiries.oldestOpenSince", notNullValue()).extract().jsonPath();
        assertEquals(4, stats.getInt("totalBookings"));
        assertEquals(Map.of("44", 4), stats.getMap("byPrefecture"));
        assertEquals(Map.of("SECURITY", 2, "ICT_ENVIRONMENT", 1, "LABOR_MANAGEMENT", 1, "GENERAL_INTRODUCTION", 1),
                stats.getMap("byTopic"));
        assertEquals(Map.of("PHONE", 2, "ONLINE", 2), stats.getMap("byMode"));
        assertEquals(Map.of("COMPLETED", 1, "NO_SHOW", 1, "BOOKED", 1, "CANCELLED", 1), stats.getMap("byStatus"));
        // 70 days apart: always two different months
        assertEquals(Map.of(yesterday.toString().substring(0, 7), 2, day.toString().substring(0, 7), 2), stats.getMap("byMonth"));
        assertEquals(0.25, stats.getDouble("cancellationRate"), 1e-9);
        assertEquals(0.5, stats.getDouble("noShowRate"), 1e-9);
        assertEquals(2, stats.getInt("inquiries.submitted"));
        assertEquals(1, stats.getInt("inquiries.backlog"));
        assertEquals(Map.of("OPEN", 1, "ANSWERED", 1), stats.getMap("inquiries.byStatus"));
        assertTrue(stats.getDouble("inquiries.medianHoursToAnswer") >= 0);

        // a date range without consultations
        as("secretariat").queryParam("prefecture", "44").queryParam("from", "2001-01-01").queryParam("to", "2001-12-31")
                .get("/api/v1/consultations/statistics").then().statusCode(200).body("totalBookings", equalTo(0))
                .body("cancellationRate", nullValue()).body("noShowRate", nullValue());
        as("secretariat").queryParam("prefecture", "4").get("/api/v1/consultations/statistics").then().statusCode(400)
                .body("errors[0].field", equalTo("prefecture"));
    }

    @Test
    void contactDetailsOfClosedBookingsAndInquiriesAreAnonymizedAfterRetention() {
        SlotV1 s = announce(slot("41", 71, 5));
        UUID closed = book("sme-a", s.slotId(), "[\"OTHER\"]");
        as("sme-a").contentType("application/json").body("{}").post("/api/v1/consultations/" + closed + "/cancel")
                .then().statusCode(200);
        // the cancelled booking no longer holds sme-a's place in the slot
        UUID open = book("sme-a", s.slotId(), "[\"OTHER\"]");
        var inquiry = io.restassured.RestAssured.given().contentType("application/json")
                .body(Fixtures.inquiryBody("41", "hidden@example.jp")).post("/api/v1/inquiries").then().statusCode(201).extract();
        String inquiryId = inquiry.path("id");
        String key = inquiry.path("accessKey");
        as("assoc-tokyo").get("/api/v1/inquiries/" + inquiryId).then().statusCode(404);
        as("secretariat").contentType("application/json").body("{\"answer\":\"Yes.\"}")
                .post("/api/v1/inquiries/" + inquiryId + "/answer").then().statusCode(200);
        io.restassured.RestAssured.given().header("X-Inquiry-Access-Key", key).post("/api/v1/inquiries/" + inquiryId + "/close")
                .then().statusCode(200);

        // nothing is due yet with the configured period
        var none = retention.anonymizeClosedBefore(Tokyo.now(java.time.Clock.systemUTC()).minusDays(1));
        as("sme-a").get("/api/v1/consultations/" + closed).then().body("requester.email", equalTo("kenji@example.co.jp"));
        assertEquals(0, none.bookings());

        // as if the retention period had passed
        var done = retention.anonymizeClosedBefore(Tokyo.now(java.time.Clock.systemUTC()).plusMinutes(1));
        assertTrue(done.bookings() >= 1 && done.inquiries() >= 1, done.toString());
        as("sme-a").get("/api/v1/consultations/" + closed).then().statusCode(200)
                .body("anonymized", equalTo(true)).body("requester.email", nullValue()).body("requester.phone", nullValue())
                .body("requester.contactPerson", nullValue()).body("notes", nullValue())
                .body("requester.organizationName", equalTo("Sakura Trading K.K.")).body("status", equalTo("CANCELLED"));
        as("sme-a").get("/api/v1/consultations/" + open).then().statusCode(200)
                .body("anonymized", equalTo(false)).body("requester.email", equalTo("kenji@example.co.jp"));
        io.restassured.RestAssured.given().header("X-Inquiry-Access-Key", key).get("/api/v1/inquiries/" + inquiryId)
                .then().statusCode(200).body("anonymized", equalTo(true)).body("email", nullValue())
                .body("contactName", nullValue()).body("question", nullValue()).body("answer", nullValue())
                .body("category", equalTo("SECURITY"));
    }
}
