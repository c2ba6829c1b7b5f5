package jp.telework.desk.contactpoint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Navi Dial over HTTP. Shikoku is this test's own: Kochi (39) offers no face-to-face consultations;
 * Ehime (38, ~78 km from Kochi's office) and Kagawa (37, ~99 km) get plans here. PHONE slots are
 * never planned by any test, which makes "nobody can serve" deterministic.
 */
@QuarkusTest
class RoutingResourceTest {
    private static final String EVERY_DAY_ALL_DAY = "08:00";

    @Test
    void homeFirstThenTheNearestThatCanServe() {
        String online = Api.plan(Api.EVERY_DAY, EVERY_DAY_ALL_DAY, "20:00", 60, 1, "ONLINE");
        String both = "{\"windows\":[" + String.join(",", Api.EVERY_DAY.stream()
                .flatMap(d -> java.util.stream.Stream.of(Api.window(d, "08:00", "20:00", 60, 1, "ONLINE"),
                        Api.window(d, "08:00", "20:00", 60, 1, "IN_PERSON"))).toList()) + "]}";
        Api.putPlan("39", "secretariat", "*", "{\"windows\":[]}").then().statusCode(200);
        Api.putPlan("38", "secretariat", "*", both).then().statusCode(200);
        Api.putPlan("37", "secretariat", "*", both).then().statusCode(200);

        // Kochi has no online slots: the nearest association that has some takes the call
        given().queryParam("prefecture", "39").queryParam("mode", "ONLINE").queryParam("within", "P14D")
                .when().get("/api/v1/contact-points/route")
                .then().statusCode(200)
                .body("reason", equalTo("NEAREST_TO_HOME"))
                .body("prefecture", equalTo("39"))
                .body("contactPoint.code", equalTo("38"))
                .body("contactPoint.nameEn", equalTo("Ehime"))
                .body("contactPoint.distanceKm", greaterThan(60f))
                .body("contactPoint.distanceKm", lessThan(95f))
                .body("contactPoint.firstFreeSlot.slotId", notNullValue())
                .body("contactPoint.firstFreeSlot.startsAt", endsWith("+09:00"))
                .body("contactPoint.nextFreeSlots", hasSize(3))
                .body("alternatives[0].code", equalTo("37"))
                .body("alternatives[0].nextFreeSlots", nullValue())
                .body("alternatives.size()", greaterThan(0))
                .body("alternatives.size()", lessThan(4));

        // once Kochi publishes online slots, it answers its own callers
        Api.putPlan("39", "secretariat", "*", online).then().statusCode(200);
        given().queryParam("prefecture", "39").queryParam("mode", "ONLINE")
                .when().get("/api/v1/contact-points/route")
                .then().statusCode(200)
                .body("reason", equalTo("HOME"))
                .body("within", equalTo("P14D"))
                .body("contactPoint.code", equalTo("39"))
                .body("contactPoint.distanceKm", equalTo(0.0f))
                .body("alternatives[0].code", equalTo("38"));

        // face to face is never offered in Kochi: Ehime, the nearest that offers it
        given().queryParam("prefecture", "39").queryParam("mode", "IN_PERSON")
                .when().get("/api/v1/contact-points/route")
                .then().statusCode(200).body("reason", equalTo("NEAREST_TO_HOME")).body("contactPoint.code", equalTo("38"));

        // a caller located in Takamatsu
        given().queryParam("latitude", 34.35).queryParam("longitude", 134.05).queryParam("mode", "IN_PERSON")
                .when().get("/api/v1/contact-points/route")
                .then().statusCode(200).body("reason", equalTo("NEAREST_TO_CALLER")).body("contactPoint.code", equalTo("37"))
                .body("prefecture", nullValue()).body("contactPoint.distanceKm", lessThan(3f));
    }

    @Test
    void nobodyCanServeIsAProblem() {
        given().queryParam("prefecture", "13").queryParam("mode", "PHONE").queryParam("within", "P2W")
                .when().get("/api/v1/contact-points/route")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:telework:problem:no-contact-point-available"))
                .body("detail", containsString("PHONE"));
    }

    @Test
    void badParametersAreNamed() {
        route("prefecture=48&mode=ONLINE").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("prefecture"));
        route("prefecture=Tokyo&mode=ONLINE").then().statusCode(400).body("errors[0].field", equalTo("prefecture"));
        route("mode=ONLINE").then().statusCode(400).body("errors[0].field", equalTo("prefecture"));
        route("prefecture=13&mode=TELEPATHY").then().statusCode(400).body("errors[0].field", equalTo("mode"));
        route("prefecture=13").then().statusCode(400).body("errors[0].field", equalTo("mode"));
        route("prefecture=13&mode=ONLINE&within=soon").then().statusCode(400).body("errors[0].field", equalTo("within"));
        route("prefecture=13&mode=ONLINE&within=P1Y").then().statusCode(400).body("errors[0].field", equalTo("within"));
        route("prefecture=13&mode=ONLINE&within=-P1D").then().statusCode(400).body("errors[0].field", equalTo("within"));
        route("prefecture=13&latitude=35&longitude=139&mode=ONLINE").then().statusCode(400).body("errors[0].field", equalTo("prefecture"));
        route("latitude=95&longitude=139&mode=ONLINE").then().statusCode(400).body("errors.field", hasItem("latitude"));
        route("latitude=35&mode=ONLINE").then().statusCode(400).body("errors.field", hasItem("longitude"));
        // not a finite number, or not a point in Japan: refused, never routed with a distance of NaN or 0
        String[][] points = { { "latitude=NaN&longitude=139", "latitude" }, { "latitude=35&longitude=Infinity", "longitude" },
                { "latitude=-Infinity&longitude=139", "latitude" }, { "latitude=0x1p5&longitude=139", "latitude" },
                { "latitude=35.6d&longitude=139", "latitude" }, { "latitude=3.5e1&longitude=139", "latitude" },
                { "latitude=abc&longitude=139", "latitude" }, { "latitude=31.23&longitude=121.47", "longitude" }, // Shanghai
                { "latitude=19.9&longitude=139", "latitude" }, { "latitude=46.1&longitude=142", "latitude" } };
        for (String[] point : points) {
            route(point[0] + "&mode=ONLINE").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(point[1]));
        }
        route("latitude=35.68&longitude=139.77&mode=PHONE").then().statusCode(404);
        route("prefecture=99&mode=FAX&within=x").then().statusCode(400).body("errors", hasSize(3));
    }

    private static io.restassured.response.Response route(String query) {
        return given().when().get("/api/v1/contact-points/route?" + query);
    }
}
