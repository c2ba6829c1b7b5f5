package jp.telework.desk.consultation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.telework.desk.infra.test.ApiLint;
import jp.telework.desk.infra.test.OpenApiRules;

@QuarkusTest
class ApiDocumentTest {

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("\"/api/v1/consultations\""))
                .body(containsString("\"/api/v1/consultations/{id}/reschedule\""))
                .body(containsString("\"/api/v1/consultations/statistics\""))
                .body(containsString("\"/api/v1/slots\""))
                .body(containsString("\"/api/v1/inquiries/{id}/answer\""))
                .body(containsString("\"BookingRequest\""))
                .body(containsString("hanako.yamada@example.co.jp"));
    }

    @Test
    void everyErrorIsAProblemAndSecurityFollowsTheRoles() {
        OpenApiRules.check(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString(),
                Set.of("POST /api/v1/inquiries", "GET /api/v1/inquiries/{id}", "POST /api/v1/inquiries/{id}/close",
                        "GET /api/v1/slots", "GET /api/v1/slots/{slotId}"));
    }

    /** The management interface's root ({@code /q/} on its own port). */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void healthIsUpOnTheManagementInterfaceOnly() {
        given().get(management.toString().replaceFirst("/*$", "/") + "health/ready").then().log().ifValidationFails().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(404);
    }

    @Test
    void theDocumentLintsCleanWithSpectralAndRedocly() {
        ApiLint.assertClean("consultation-service", given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
    }
}
