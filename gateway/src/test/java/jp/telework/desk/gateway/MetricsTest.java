package jp.telework.desk.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;


import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The HTTP request metrics name routes by template, never by the ids in the path. */
@QuarkusTest
class MetricsTest extends FreshGateway {

    @Test
    void requestMetricsCarryRouteTemplatesNotIds() {
        String booking = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.of("sme-a")).when().post("/api/v1/consultations/" + booking + "/cancel").then().statusCode(200);
        given().when().get("/api/v1/contact-points/13/slots").then().statusCode(200);
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(text.contains("uri=\"/api/v1/consultations/{id}/cancel\""), "no templated uri tag in the metrics");
        assertTrue(text.contains("uri=\"/api/v1/contact-points/{id}/slots\""), "no templated uri tag in the metrics");
        assertFalse(text.contains(booking), "a booking id is in the metrics");
        assertFalse(text.contains("/contact-points/13"), "a contact point code is in the metrics");
    }
}
