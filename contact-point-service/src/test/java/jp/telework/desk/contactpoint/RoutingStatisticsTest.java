package jp.telework.desk.contactpoint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Every Navi Dial answer is recorded, and the secretariat sees the calls per prefecture and reason and the demand
 * nobody could serve. Oita (44) and Okinawa (47) are this test's own; PHONE slots are never planned by any test.
 */
@QuarkusTest
class RoutingStatisticsTest {

    private static JsonPath figures() {
        return given().auth().oauth2(Api.token("secretariat")).get("/api/v1/contact-points/statistics/routing")
                .then().statusCode(200).extract().jsonPath();
    }

    private static long count(JsonPath figures, String map, String prefecture, String key) {
        Map<String, Map<String, Number>> m = figures.getMap(map);
        Map<String, Number> inner = m == null ? null : m.get(prefecture);
        return inner == null || inner.get(key) == null ? 0 : inner.get(key).longValue();
    }

    private static void route(String query, int status) {
        given().get("/api/v1/contact-points/route?" + query).then().statusCode(status);
    }

    @Test
    void servedAndUnmetCallsAreCountedWithoutPersonalData() {
        Api.putPlan("44", "secretariat", "*", Api.plan(Api.EVERY_DAY, "08:00", "20:00", 60, 1, "ONLINE")).then().statusCode(200);
        JsonPath before = figures();

        route("prefecture=44&mode=ONLINE", 200);
        route("prefecture=47&mode=PHONE", 404);
        route("prefecture=47&mode=PHONE&within=P2D", 404);
        // a caller located in Naha counts for Okinawa, the prefecture of the nearest office; the point is not kept
        route("latitude=26.21&longitude=127.68&mode=PHONE", 404);
        // refused questions are not calls
        route("prefecture=47&mode=FAX", 400);
        route("latitude=NaN&longitude=127.68&mode=PHONE", 400);

        JsonPath after = figures();
        assertEquals(4, after.getLong("calls") - before.getLong("calls"));
        assertEquals(1, after.getLong("served") - before.getLong("served"));
        assertEquals(3, after.getLong("unmet") - before.getLong("unmet"));
        assertEquals(1, count(after, "servedByPrefectureAndReason", "44", "HOME") - count(before, "servedByPrefectureAndReason", "44", "HOME"));
        assertEquals(3, count(after, "unmetByPrefectureAndMode", "47", "PHONE") - count(before, "unmetByPrefectureAndMode", "47", "PHONE"));
        Map<String, Number> chosenBefore = before.getMap("servedByContactPoint");
        Map<String, Number> chosenAfter = after.getMap("servedByContactPoint");
        assertEquals(1, chosenAfter.get("44").longValue() - (chosenBefore.get("44") == null ? 0 : chosenBefore.get("44").longValue()));
    }

    @Test
    void onlyTheSecretariatAndTheDashboardSeeThemAndBadDatesAre400() {
        given().get("/api/v1/contact-points/statistics/routing").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Api.token("sme-a")).get("/api/v1/contact-points/statistics/routing").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Api.token("assoc-tokyo")).get("/api/v1/contact-points/statistics/routing").then().statusCode(403);
        given().auth().oauth2(Api.token("secretariat")).queryParam("from", "2026-12-1").get("/api/v1/contact-points/statistics/routing")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(Api.token("secretariat")).queryParam("from", "2026-12-10").queryParam("to", "2026-12-01")
                .get("/api/v1/contact-points/statistics/routing").then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(Api.token("secretariat")).queryParam("from", "2026-01-01").queryParam("to", "2026-12-31")
                .get("/api/v1/contact-points/statistics/routing").then().statusCode(200)
                .body("from", equalTo("2026-01-01")).body("to", equalTo("2026-12-31"));
    }
}
