package jp.telework.desk.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import jp.telework.desk.infra.test.ApiLint;
import jp.telework.desk.infra.test.OpenApiRules;

/** One Swagger UI: the gateway's own document and the three services' fetched through the gateway. */
@QuarkusTest
class OpenApiTest {

    @BeforeEach
    void upstreamsUp() {
        StandIns.ready();
    }

    @Test
    void theServicesDocumentsComeThroughTheGateway() {
        for (String service : new String[] { "contact-points", "consultations", "seminars" }) {
            given().queryParam("format", "json").when().get("/api/v1/openapi/" + service)
                    .then().statusCode(200).body("info.title", equalTo(service + " stand-in"));
        }
        given().when().get("/api/v1/openapi/billing").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aDocumentsFormatIsJsonOrYamlAndNamedWhenItIsNeither() {
        for (String format : new String[] { "", "xml", "JSON ", "../q/metrics" }) {
            given().queryParam("format", format).when().get("/api/v1/openapi/seminars")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("format"));
        }
        given().queryParam("format", "json").queryParam("format", "yaml").when().get("/api/v1/openapi/seminars")
                .then().statusCode(400).body("errors[0].field", equalTo("format"));
        given().queryParam("format", "yaml").when().get("/api/v1/openapi/seminars").then().statusCode(200);
    }

    @Test
    void everyErrorIsAProblemAndSecurityFollowsTheRoles() {
        OpenApiRules.check(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString(),
                Set.of("GET /api/v1/openapi/{service}"));
    }

    @Test
    void theGatewaysOwnDocumentDescribesItsEndpoints() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/dashboard/overview'.get.responses.'200'", notNullValue())
                .body("paths.'/api/v1/dashboard/overview'.get.responses.'503'", notNullValue())
                .body("paths.'/api/v1/openapi/{service}'.get", notNullValue())
                .body("components.schemas.Overview", notNullValue())
                .body("components.securitySchemes.bearer", notNullValue());
    }

    @Test
    void swaggerUiListsAllFourDocuments() {
        given().when().get("/q/swagger-ui/")
                .then().statusCode(200)
                .body(containsString("/q/openapi"))
                .body(containsString("/api/v1/openapi/contact-points"))
                .body(containsString("/api/v1/openapi/consultations"))
                .body(containsString("/api/v1/openapi/seminars"));
    }

    @Test
    void theDocumentLintsCleanWithSpectralAndRedocly() {
        ApiLint.assertClean("gateway", given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
    }
}
