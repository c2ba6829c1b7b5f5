package jp.telework.desk.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.UUID;


import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.telework.desk.gateway.routing.Service;

/** What the HTTP layer itself refuses is problem+json too: limits, malformed paths, foreign browser origins. */
@QuarkusTest
class HttpLayerTest extends FreshGateway {
    @TestHTTPResource("/")
    URL gateway;


    @Test
    void aTooLongRequestLineIs414() {
        RawSocket.Answers answers = RawSocket.exchange(gateway.getPort(), "GET /api/v1/seminars?q=" + "x".repeat(5000)
                + " HTTP/1.1\r\nHost: gateway\r\n\r\n");
        FramingTest.assertRefused(answers, 414, "uri-too-long", "request line");
    }

    @Test
    void tooLargeHeaderFieldsAre431() {
        RawSocket.Answers answers = RawSocket.exchange(gateway.getPort(), "GET /api/v1/seminars HTTP/1.1\r\nHost: gateway\r\n"
                + "X-Padding: " + "x".repeat(30_000) + "\r\n\r\n");
        FramingTest.assertRefused(answers, 431, "headers-too-large", "header fields");
    }

    @Test
    void aDeclaredBodyAboveTheBackstopIs413BeforeAnythingReadsIt() {
        for (String path : List.of("/api/v1/inquiries", "/no-such-page")) {
            RawSocket.Answers answers = RawSocket.exchange(gateway.getPort(), "POST " + path + " HTTP/1.1\r\nHost: gateway\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 20000000\r\n\r\n{}");
            FramingTest.assertRefused(answers, 413, "payload-too-large", "20000000");
        }
    }

    @Test
    void aBackslashInThePathIs400() {
        String id = "backslash-" + UUID.randomUUID();
        RawSocket.Answers answers = RawSocket.exchange(gateway.getPort(), "GET /api/v1/slots\\..\\consultations HTTP/1.1\r\n"
                + "Host: gateway\r\nX-Request-Id: " + id + "\r\nConnection: close\r\n\r\n");
        FramingTest.assertRefused(answers, 400, "bad-request", "backslash");
        for (Service s : Service.values()) {
            assertFalse(StandIns.get(s).sawRequestId(id));
        }
    }

    @Test
    void aForeignOriginReadsLikeAnyClientButWithoutCorsHeaders() {
        given().header("Origin", "http://attacker.example").when().get("/api/v1/seminars")
                .then().statusCode(200).header("Access-Control-Allow-Origin", nullValue())
                .header("Vary", containsString("Origin"));
    }

    @Test
    void aForeignOriginMayNotWriteNorPreflight() {
        String id = "foreign-" + UUID.randomUUID();
        given().header("Origin", "http://attacker.example").header("X-Request-Id", id).contentType("text/plain").body("hello")
                .when().post("/api/v1/inquiries")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:telework:problem:forbidden"))
                .body("detail", containsString("http://attacker.example"))
                .header("Access-Control-Allow-Origin", nullValue());
        assertFalse(StandIns.get(Service.CONSULTATIONS).sawRequestId(id));
        given().header("Origin", "http://attacker.example").header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/consultations")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("preflight"))
                .header("Access-Control-Allow-Origin", nullValue());
        // the portal still may
        given().header("Origin", "http://127.0.0.1:3000").contentType("application/json").body("{}")
                .when().post("/api/v1/inquiries")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "http://127.0.0.1:3000");
    }
}
