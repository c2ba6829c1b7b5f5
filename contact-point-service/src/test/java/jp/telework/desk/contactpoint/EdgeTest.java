package jp.telework.desk.contactpoint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jp.telework.desk.infra.test.Wire;

/**
 * The hardened edge of this service: strict dates, the one Idempotency-Key form, and links that never
 * name the service's own address. Nagano (20) is this test's own contact point.
 */
@QuarkusTest
class EdgeTest {
    private static final String EXCEPTIONS = "/api/v1/contact-points/20/availability/exceptions";

    @Test
    void aDateGivenAsAnInstantIsRefusedNotTruncated() {
        LocalDate day = Api.today().plusDays(10);
        // 15:00Z on the 10th is already the 11th in Tokyo: a lenient reader would close the wrong day
        given().auth().oauth2(Api.token("secretariat")).contentType("application/json")
                .body("{\"date\":\"" + day + "T15:00:00Z\",\"kind\":\"CLOSED\"}")
                .when().post(EXCEPTIONS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("date"));
        given().auth().oauth2(Api.token("secretariat")).contentType("application/json")
                .body("{\"date\":[" + day.getYear() + "," + day.getMonthValue() + "," + day.getDayOfMonth() + "],\"kind\":\"CLOSED\"}")
                .when().post(EXCEPTIONS)
                .then().statusCode(400).body("errors[0].field", equalTo("date"));
        exceptionsOn(day).then().statusCode(200).header("X-Total-Count", "0");

        for (String from : new String[] { day + "T15:00:00Z", "+999999999-12-31", "1999-12-31", day + "T00:00" }) {
            given().queryParam("from", from).when().get(EXCEPTIONS)
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        }
        given().queryParam("to", "2101-01-01").when().get("/api/v1/contact-points/20/slots")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
    }

    @Test
    void anEmptyOrMalformedIdempotencyKeyIsRefusedBeforeAnythingIsWritten() throws Exception {
        LocalDate day = Api.today().plusDays(11);
        String body = "{\"date\":\"" + day + "\",\"kind\":\"CLOSED\",\"reason\":\"inventory\"}";
        String token = Api.token("secretariat");
        // written on the wire by hand: HTTP clients tend to drop a header with an empty value
        for (String key : new String[] { "", "   ", "k".repeat(201), "two words" }) {
            String answer = Wire.post(RestAssured.port, EXCEPTIONS, token, "Idempotency-Key: " + key, body);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.contains("\"field\":\"Idempotency-Key\""), answer);
        }
        String twice = Wire.post(RestAssured.port, EXCEPTIONS, token, "Idempotency-Key: a\r\nIdempotency-Key: b", body);
        assertTrue(twice.startsWith("HTTP/1.1 400"), twice);
        exceptionsOn(day).then().statusCode(200).header("X-Total-Count", "0");
    }

    @Test
    void locationIsAPathWhateverHostTheRequestClaims() {
        LocalDate day = Api.today().plusDays(12);
        String key = "edge-" + UUID.randomUUID();
        Response created = given().auth().oauth2(Api.token("secretariat")).header("Idempotency-Key", key)
                .header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https").header("Forwarded", "host=evil.example")
                .contentType("application/json").body("{\"date\":\"" + day + "\",\"kind\":\"CLOSED\"}")
                .when().post(EXCEPTIONS);
        created.then().statusCode(201);
        String id = created.jsonPath().getString("exception.id");
        // a path: the client resolves it against the gateway URL it called, never http://127.0.0.1:8081/...
        assertEquals(EXCEPTIONS + "/" + id, created.header("Location"));
        given().auth().oauth2(Api.token("secretariat")).header("Idempotency-Key", key)
                .contentType("application/json").body("{\"date\":\"" + day + "\",\"kind\":\"CLOSED\"}")
                .when().post(EXCEPTIONS)
                .then().statusCode(201).header("Idempotent-Replayed", "true").header("Location", EXCEPTIONS + "/" + id);
    }

    private static Response exceptionsOn(LocalDate day) {
        return given().queryParam("from", day.toString()).queryParam("to", day.toString()).when().get(EXCEPTIONS);
    }
}
