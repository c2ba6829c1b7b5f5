package jp.telework.desk.contactpoint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.telework.desk.events.EventTypes;
import jp.telework.desk.events.Topics;
import jp.telework.desk.infra.test.TestInfra;
import jp.telework.desk.infra.test.TopicProbe;

@QuarkusTest
class StatisticsResourceTest {

    @Test
    void onlySecretariatAndDashboardSeeStatistics() {
        given().when().get("/api/v1/contact-points/statistics").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Api.token("sme-a")).when().get("/api/v1/contact-points/statistics").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Api.token("assoc-tokyo")).when().get("/api/v1/contact-points/statistics").then().statusCode(403);
        given().auth().oauth2(TestInfra.tokens().clientCredentials()).when().get("/api/v1/contact-points/statistics")
                .then().statusCode(200).body("byPrefecture", hasSize(47)).body("byRegion", hasSize(8));
        given().auth().oauth2(Api.token("secretariat")).when().get("/api/v1/contact-points/statistics?from=2026-12-01&to=2026-11-01")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(Api.token("secretariat")).when().get("/api/v1/contact-points/statistics?from=yesterday")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    void slotsBookingsAndSeminarsAddUp() {
        // Miyazaki is this test's own
        Api.putPlan("45", "secretariat", "*", Api.plan(Api.EVERY_DAY, "10:00", "12:00", 60, 2, "ONLINE")).then().statusCode(200);
        Map<String, Object> slot = Api.slots("45", "from=" + Api.today().plusDays(1)).get(0);
        UUID booking = UUID.randomUUID();
        Api.publishConsultation(UUID.randomUUID().toString(), EventTypes.CONSULTATION_BOOKED.name(), booking.toString(),
                Api.consultation(booking, slot.get("id"), null, "45", "BOOKED"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) Api.slot("45", slot.get("id")).get("booked")).intValue() == 1);

        UUID seminar = UUID.randomUUID();
        LocalDate day = Api.today().plusDays(10);
        try (TopicProbe probe = TestInfra.probe()) {
            probe.publish(Topics.SEMINARS, seminar.toString(), UUID.randomUUID().toString(), EventTypes.SEMINAR_PUBLISHED.name(),
                    "{\"seminarId\":\"" + seminar + "\",\"kind\":\"SEMINAR\",\"format\":\"ONLINE\",\"hostPrefecture\":\"45\","
                            + "\"venuePrefecture\":\"45\",\"startsAt\":\"" + day + "T14:00:00+09:00\",\"capacity\":40,\"status\":\"PUBLISHED\"}");
            for (String status : new String[] { "CONFIRMED", "CONFIRMED", "WAITLISTED" }) {
                probe.publish(Topics.SEMINARS, seminar.toString(), UUID.randomUUID().toString(),
                        "CONFIRMED".equals(status) ? EventTypes.REGISTRATION_CONFIRMED.name() : EventTypes.REGISTRATION_WAITLISTED.name(),
                        "{\"registrationId\":\"" + UUID.randomUUID() + "\",\"seminarId\":\"" + seminar + "\",\"hostPrefecture\":\"45\","
                                + "\"seats\":2,\"status\":\"" + status + "\",\"waitlistPosition\":null}");
            }
        }
        String query = "/api/v1/contact-points/statistics?from=" + Api.today() + "&to=" + Api.today().plusDays(27);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Api.token("secretariat"))
                .when().get(query).then().statusCode(200).extract().jsonPath()
                .getInt("byPrefecture.find { it.prefecture == '45' }.seminars.registeredSeats") == 4);

        JsonPath stats = given().auth().oauth2(Api.token("secretariat")).when().get(query).then().statusCode(200)
                .body("from", equalTo(Api.today().toString()))
                .body("generatedAt", org.hamcrest.Matchers.endsWith("+09:00"))
                .body("totals.slotsOffered", greaterThan(0))
                .body("byWeek.size()", greaterThan(3))
                .body("byWeek[0].week", startsWith(String.valueOf(Api.today().getYear())))
                .extract().jsonPath();
        Map<String, Object> miyazaki = stats.getMap("byPrefecture.find { it.prefecture == '45' }");
        long offered = ((Number) miyazaki.get("slotsOffered")).longValue();
        long capacity = ((Number) miyazaki.get("capacity")).longValue();
        org.junit.jupiter.api.Assertions.assertEquals(offered * 2, capacity);
        org.junit.jupiter.api.Assertions.assertEquals(1, ((Number) miyazaki.get("booked")).intValue());
        org.junit.jupiter.api.Assertions.assertEquals("KYUSHU_OKINAWA", miyazaki.get("region"));
        Map<String, Object> seminars = stats.getMap("byPrefecture.find { it.prefecture == '45' }.seminars");
        org.junit.jupiter.api.Assertions.assertEquals(1, seminars.get("seminars"));
        org.junit.jupiter.api.Assertions.assertEquals(40, seminars.get("capacity"));
        org.junit.jupiter.api.Assertions.assertEquals(2, seminars.get("waitlistedSeats"));
        org.junit.jupiter.api.Assertions.assertEquals(0.1f, ((Number) seminars.get("fillRate")).floatValue(), 1e-6);
        long regionBooked = stats.getLong("byRegion.find { it.region == 'KYUSHU_OKINAWA' }.booked");
        org.junit.jupiter.api.Assertions.assertTrue(regionBooked >= 1);
    }
}
