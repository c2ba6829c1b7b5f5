package jp.telework.desk.contactpoint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import jp.telework.desk.infra.test.ApiLint;
import jp.telework.desk.infra.test.OpenApiRules;

@QuarkusTest
class OpenApiTest {
    @Test
    void everyErrorIsAProblemAndSecurityFollowsTheRoles() {
        OpenApiRules.check(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString(),
                Set.of("GET /api/v1/contact-points", "GET /api/v1/contact-points/{code}", "GET /api/v1/contact-points/holidays",
                        "GET /api/v1/contact-points/route", "GET /api/v1/contact-points/{code}/slots",
                        "GET /api/v1/contact-points/{code}/slots/{id}", "GET /api/v1/contact-points/{code}/availability/plan",
                        "GET /api/v1/contact-points/{code}/availability/exceptions",
                        "GET /api/v1/contact-points/{code}/availability/exceptions/{id}"));
    }

    @Test
    void everyEndpointIsDescribed() throws Exception {
        String json = given().queryParam("format", "json").when().get("/q/openapi").then().extract().asString();
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/openapi.json"), json);
        var doc = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/contact-points/{code}/availability/plan"))
                .body("paths", hasKey("/api/v1/contact-points/{code}/availability/exceptions"))
                .body("paths", hasKey("/api/v1/contact-points/{code}/availability/exceptions/{id}"))
                .body("paths", hasKey("/api/v1/contact-points/{code}/slots"))
                .body("paths", hasKey("/api/v1/contact-points/route"))
                .body("paths", hasKey("/api/v1/contact-points/statistics"))
                .body("paths", hasKey("/api/v1/contact-points/holidays"))
                .body("components.schemas.PlanWindow.properties.startTime.examples[0]", org.hamcrest.Matchers.equalTo("10:00"))
                .body("components.schemas.Route", notNullValue())
                .body("paths.'/api/v1/contact-points/{code}/availability/plan'.put.responses", hasKey("412"))
                .body("paths.'/api/v1/contact-points/{code}/availability/plan'.put.responses", hasKey("413"))
                .body("paths.'/api/v1/contact-points/route'.get.responses", hasKey("404"))
                .extract().jsonPath();
        // every operation names at least one error response
        java.util.Map<String, java.util.Map<String, java.util.Map<String, Object>>> paths = doc.getMap("paths");
        paths.forEach((path, ops) -> ops.forEach((method, op) -> {
            if (op instanceof java.util.Map<?, ?> operation && operation.get("responses") instanceof java.util.Map<?, ?> responses) {
                org.junit.jupiter.api.Assertions.assertTrue(responses.keySet().stream().anyMatch(k -> k.toString().startsWith("4")),
                        method + " " + path + " documents no error response");
                org.junit.jupiter.api.Assertions.assertNotNull(operation.get("summary"), method + " " + path + " has no summary");
            }
        }));
    }

    @Test
    void theDocumentLintsCleanWithSpectralAndRedocly() {
        ApiLint.assertClean("contact-point-service", given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
    }
}
