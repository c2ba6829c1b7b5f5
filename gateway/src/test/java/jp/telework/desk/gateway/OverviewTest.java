package jp.telework.desk.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;


import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.telework.desk.gateway.routing.Service;

/** GET /api/v1/dashboard/overview composed from the three services' statistics. */
@QuarkusTest
class OverviewTest extends FreshGateway {
    static final String OVERVIEW = "/api/v1/dashboard/overview";


    @Test
    void allThreePartsAndThePerPrefectureTable() {
        given().auth().oauth2(Tokens.of("secretariat")).when().get(OVERVIEW)
                .then().statusCode(200).contentType("application/json")
                .body("complete", equalTo(true))
                .body("missing", empty())
                .body("generatedAt", endsWith("+09:00"))
                .body("sources.seminars.status", equalTo("OK"))
                .body("contactPoints.byCode.'13'.utilization", equalTo(0.5f))
                .body("consultations.byPrefecture.'27'", equalTo(25))
                .body("consultations.inquiries.backlog", equalTo(5))
                .body("seminars.totals.waitlisted", equalTo(14))
                .body("byPrefecture", hasSize(47))
                .body("byPrefecture[12].prefecture", equalTo("13"))
                .body("byPrefecture[12].'consultations.byPrefecture'", equalTo(40))
                .body("byPrefecture[12].'contactPoints.byCode.utilization'", equalTo(0.5f))
                .body("byPrefecture[12].'seminars.byPrefecture.fillRate'", equalTo(0.9f))
                .body("byPrefecture[0].prefecture", equalTo("01"));
    }

    @Test
    void theCallersTokenAndRequestIdGoToEveryService() {
        String token = Tokens.of(Tokens.DASHBOARD);
        String id = "overview-" + UUID.randomUUID();
        given().auth().oauth2(token).header("X-Request-Id", id)
                .queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                .when().get(OVERVIEW).then().statusCode(200).header("X-Request-Id", id);
        for (Service s : Service.values()) {
            StandIns.Received seen = StandIns.get(s).byRequestId(id).orElseThrow(() -> new AssertionError(s + " not asked"));
            assertEquals("/api/v1/" + s.slug() + "/statistics?from=2026-11-01&to=2026-11-30", seen.uri());
            assertEquals("Bearer " + token, seen.header("Authorization"));
        }
    }

    @Test
    void csvGivesThePerPrefectureTable() {
        Response r = given().auth().oauth2(Tokens.of("secretariat")).accept("text/csv").when().get(OVERVIEW);
        r.then().statusCode(200).contentType(startsWith("text/csv"));
        List<String> lines = r.asString().lines().toList();
        assertEquals(48, lines.size(), r.asString());
        List<String> header = List.of(lines.get(0).split(","));
        assertEquals("prefecture", header.get(0));
        assertTrue(header.contains("consultations.byPrefecture"), header.toString());
        String[] tokyo = lines.get(13).split(",", -1);
        assertEquals("13", tokyo[0]);
        assertEquals("40", tokyo[header.indexOf("consultations.byPrefecture")]);
        assertEquals("0.5", tokyo[header.indexOf("contactPoints.byCode.utilization")]);
        String[] hokkaido = lines.get(1).split(",", -1);
        assertEquals("01", hokkaido[0]);
        assertEquals("", hokkaido[header.indexOf("consultations.byPrefecture")]);
        assertTrue(r.asString().contains("\r\n"), "CSV lines end with CRLF");
    }

    @Test
    void badInputIsProblemJson() {
        String token = Tokens.of("secretariat");
        given().auth().oauth2(token).queryParam("from", "November").when().get(OVERVIEW)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
        given().auth().oauth2(token).queryParam("from", "2026-11-30").queryParam("to", "2026-11-01").when().get(OVERVIEW)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("to"));
        given().auth().oauth2(token).accept("application/xml").when().get(OVERVIEW)
                .then().statusCode(406).contentType("application/problem+json");
    }
}
