package jp.telework.desk.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;


import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Health and metrics answer only on the management interface, and the HTTP request metrics name routes by
 * template, never by the ids in the path.
 */
@QuarkusTest
class MetricsTest extends FreshGateway {

    @Test
    void requestMetricsCarryRouteTemplatesNotIds() {
        String booking = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.of("sme-a")).when().post("/api/v1/consultations/" + booking + "/cancel").then().statusCode(200);
        given().when().get("/api/v1/contact-points/13/slots").then().statusCode(200);
        String text = given().when().get(management("metrics")).then().statusCode(200).extract().asString();
        assertTrue(text.contains("uri=\"/api/v1/consultations/{id}/cancel\""), "no templated uri tag in the metrics");
        assertTrue(text.contains("uri=\"/api/v1/contact-points/{id}/slots\""), "no templated uri tag in the metrics");
        assertFalse(text.contains(booking), "a booking id is in the metrics");
        assertFalse(text.contains("/contact-points/13"), "a contact point code is in the metrics");
    }

    @Test
    void healthAndMetricsAreNotOnThePublicPort() {
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready", "/q/health/live", "/q/health/started")) {
            given().when().get(path).then().statusCode(404).contentType("application/problem+json");
            given().when().get(management(path.substring("/q/".length()))).then().statusCode(200);
        }
        given().when().get(management("health/ready")).then().body("status", org.hamcrest.Matchers.equalTo("UP"));
    }
}
