package jp.telework.desk.seminar;

import static io.restassured.RestAssured.given;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jp.telework.desk.infra.test.ApiLint;
import jp.telework.desk.infra.test.OpenApiRules;

@QuarkusTest
class OpenApiTest {

    @Test
    void everyErrorIsAProblemAndSecurityFollowsTheRoles() {
        OpenApiRules.check(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString(),
                Set.of("GET /api/v1/seminars", "GET /api/v1/seminars/calendar.ics", "GET /api/v1/seminars/{id}"));
    }

    @Test
    void theDocumentLintsCleanWithSpectralAndRedocly() {
        ApiLint.assertClean("seminar-service", given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
    }
}
