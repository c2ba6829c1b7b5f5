package jp.telework.desk.contactpoint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jp.telework.desk.contactpoint.domain.ContactPoint;
import jp.telework.desk.events.EventTypes;
import jp.telework.desk.events.Topics;
import jp.telework.desk.infra.test.TestInfra;
import jp.telework.desk.infra.test.TopicProbe;

@QuarkusTest
class ContactPointResourceTest {

    @Test
    void theFortySevenAreSeededAndFilterable() {
        given().when().get("/api/v1/contact-points").then().statusCode(200).body("$", hasSize(47))
                .body("[12].code", equalTo("13")).body("[12].nameJa", equalTo("東京都"));
        given().queryParam("region", "KANTO").when().get("/api/v1/contact-points")
                .then().statusCode(200).body("code", contains("08", "09", "10", "11", "12", "13", "14"));
        given().queryParam("mode", "IN_PERSON").when().get("/api/v1/contact-points")
                .then().statusCode(200).body("code", not(hasItem("32")));
    }

    @Test
    void rowWrittenThroughPanacheIsReadBack() {
        // the seed went through Flyway into the real PostgreSQL; Panache writes and reads it back
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            ContactPoint fukuoka = ContactPoint.findById("40");
            fukuoka.note = "written by a test";
        });
        ContactPoint fukuoka = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> ContactPoint.findById("40"));
        assertEquals("Fukuoka", fukuoka.nameEn);
        assertEquals("written by a test", fukuoka.note);
        assertTrue(fukuoka.version > 0, "the optimistic version moved on");
    }

    @Test
    void badCodesAreProblems() {
        // a malformed code names no contact point: 404 like an unknown one; a bad filter value is a 400 naming it
        for (String code : new String[] { "48", "00", "1", "abc" }) {
            given().when().get("/api/v1/contact-points/" + code).then().statusCode(404)
                    .contentType("application/problem+json").body("type", equalTo("urn:telework:problem:not-found"))
                    .body("detail", equalTo("contact point does not exist or is not visible to you"));
        }
        given().queryParam("region", "ATLANTIS").when().get("/api/v1/contact-points").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("region"));
        given().queryParam("mode", "FAX").when().get("/api/v1/contact-points").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("mode"));
        // a known path with a method it does not take: 405 naming the methods it does
        given().when().delete("/api/v1/contact-points").then().statusCode(405)
                .contentType("application/problem+json").body("type", equalTo("urn:telework:problem:method-not-allowed"))
                .header("Allow", org.hamcrest.Matchers.containsString("GET"));
        given().when().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anUpdateIsVersionedAndPublishedOnTheRealBroker() {
        String token = TestInfra.tokens().password("assoc-osaka");
        String etag = given().when().get("/api/v1/contact-points/27").then().statusCode(200).extract().header("ETag");
        String body = """
                {"modes":["PHONE","ONLINE"],"languages":["ja","en"],"active":true,"openOnHolidays":false,
                 "phone":"06-0000-0000","note":"Face-to-face paused during renovation"}""";
        // a shared mutable resource: no update without naming the version it replaces
        given().auth().oauth2(token).contentType("application/json").body(body).when().put("/api/v1/contact-points/27")
                .then().statusCode(428).contentType("application/problem+json")
                .body("type", equalTo("urn:telework:problem:precondition-required")).body("errors[0].field", equalTo("If-Match"));
        String newEtag = given().auth().oauth2(token).header("If-Match", etag).contentType("application/json").body(body)
                .when().put("/api/v1/contact-points/27")
                .then().statusCode(200).body("faceToFaceAvailable", equalTo(false)).extract().header("ETag");
        assertTrue(!newEtag.equals(etag), "version moved on");

        // the same If-Match again is stale now
        given().auth().oauth2(token).header("If-Match", etag).contentType("application/json").body(body)
                .when().put("/api/v1/contact-points/27")
                .then().statusCode(412).contentType("application/problem+json");

        try (TopicProbe probe = new TopicProbe(TestInfra.kafka(), Topics.CONTACT_POINTS)) {
            var event = probe.await(e -> "27".equals(e.key()) && EventTypes.CONTACT_POINT_CHANGED.is(e.type())
                    && e.data().contains("\"faceToFaceAvailable\":false"), Duration.ofSeconds(30));
            assertEquals("27", event.subject());
            assertTrue(!event.data().contains("06-0000-0000"), "no contact details in events");
        }
    }

    @Test
    void unknownFieldsAndWrongTypesAreNamed() {
        String token = TestInfra.tokens().password("secretariat");
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"modes\":[\"PHONE\"],\"languages\":[\"ja\"],\"active\":true,\"openOnHolidays\":false,\"colour\":\"red\"}")
                .when().put("/api/v1/contact-points/01")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("colour"));
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"modes\":[\"TELEPATHY\"],\"languages\":[\"ja\"],\"active\":true,\"openOnHolidays\":false}")
                .when().put("/api/v1/contact-points/01")
                .then().statusCode(400).body("errors[0].field", equalTo("modes[0]"));
        given().auth().oauth2(token).contentType("application/json").body("{\"modes\":")
                .when().put("/api/v1/contact-points/01")
                .then().statusCode(400).contentType("application/problem+json").body("title", equalTo("Malformed JSON"));
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"modes\":[],\"languages\":[\"ja\"],\"active\":true,\"openOnHolidays\":false}")
                .when().put("/api/v1/contact-points/01")
                .then().statusCode(400).body("errors[0].field", equalTo("modes"));
        // hostile lists are stopped while reading, before validation would collect a violation per element
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"modes\":[" + "null,".repeat(99_999) + "null],\"languages\":[\"ja\"],\"active\":true,\"openOnHolidays\":false}")
                .when().put("/api/v1/contact-points/01")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"modes\":[" + "null,".repeat(1_500) + "null],\"languages\":[\"ja\"],\"active\":true,\"openOnHolidays\":false}")
                .when().put("/api/v1/contact-points/01")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("modes"))
                .body("errors[0].message", containsString("at most 1000"));
    }
}
