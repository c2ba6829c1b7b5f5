package jp.telework.desk.gateway;

import static io.restassured.RestAssured.given;
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

/**
 * RFC 9112 message framing, at the socket: requests whose length is ambiguous are refused with
 * problem+json and the connection is closed, so nothing after them is ever read as a request.
 */
@QuarkusTest
class FramingTest extends FreshGateway {
    @TestHTTPResource("/")
    URL gateway;


    @Test
    void contentLengthWithTransferEncodingIsRefusedAndWhatFollowsIsNeverRun() {
        String front = "front-" + UUID.randomUUID();
        String smuggled = "smuggled-" + UUID.randomUUID();
        // by Transfer-Encoding the body is empty and a GET follows; by Content-Length the GET is body
        RawSocket.Answers answers = RawSocket.exchange(port(), "POST /api/v1/inquiries HTTP/1.1\r\n"
                + "Host: gateway\r\n"
                + "X-Request-Id: " + front + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: 5\r\n"
                + "Transfer-Encoding: chunked\r\n"
                + "\r\n"
                + "0\r\n\r\n"
                + smuggledGet(smuggled));
        assertRefused(answers, 400, "bad-request", "Content-Length and Transfer-Encoding");
        assertNeverProxied(front, smuggled);
    }

    @Test
    void twoHostHeadersAreRefused() {
        String id = "hosts-" + UUID.randomUUID();
        RawSocket.Answers answers = RawSocket.exchange(port(), "GET /api/v1/seminars HTTP/1.1\r\n"
                + "Host: gateway\r\nHost: evil.example\r\nX-Request-Id: " + id + "\r\n\r\n");
        assertRefused(answers, 400, "bad-request", "Host");
        assertNeverProxied(id);
    }

    @Test
    void contentLengthSentTwiceOrAsAListIsRefused() {
        for (String lengths : List.of("Content-Length: 5\r\nContent-Length: 6\r\n", "Content-Length: 5\r\nContent-Length: 5\r\n",
                "Content-Length: 5, 5\r\n")) {
            String id = "lengths-" + UUID.randomUUID();
            RawSocket.Answers answers = RawSocket.exchange(port(), "POST /api/v1/inquiries HTTP/1.1\r\nHost: gateway\r\n"
                    + "X-Request-Id: " + id + "\r\nContent-Type: application/json\r\n" + lengths + "\r\n{\"a\":1}");
            assertRefused(answers, 400, "bad-request", "Content-Length");
            assertNeverProxied(id);
        }
    }

    @Test
    void transferCodingsOtherThanChunkedAloneAreRefused() {
        for (String coding : List.of("gzip, chunked", "chunked, identity", "xchunked", "chunked\r\nTransfer-Encoding: chunked")) {
            String front = "coding-" + UUID.randomUUID();
            String smuggled = "smuggled-" + UUID.randomUUID();
            RawSocket.Answers answers = RawSocket.exchange(port(), "POST /api/v1/inquiries HTTP/1.1\r\nHost: gateway\r\n"
                    + "X-Request-Id: " + front + "\r\nContent-Type: application/json\r\nTransfer-Encoding: " + coding + "\r\n\r\n"
                    + "0\r\n\r\n" + smuggledGet(smuggled));
            assertRefused(answers, 400, "bad-request", "Transfer-Encoding");
            assertNeverProxied(front, smuggled);
        }
    }

    @Test
    void malformedChunksAreAnswered400AndTheConnectionClosed() {
        for (String body : List.of("ffffffffffffffffff\r\n{}\r\n0\r\n\r\n", // chunk size overflow
                "zz\r\n{}\r\n0\r\n\r\n", // not hexadecimal
                "2\r\n{}XX0\r\n\r\n")) { // chunk data not followed by CRLF
            String smuggled = "smuggled-" + UUID.randomUUID();
            RawSocket.Answers answers = RawSocket.exchange(port(), "POST /api/v1/inquiries HTTP/1.1\r\nHost: gateway\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + body + smuggledGet(smuggled));
            assertRefused(answers, 400, "bad-request", "chunk");
            assertNeverProxied(smuggled);
        }
    }

    @Test
    void wellFramedPipelinedRequestsAreAllAnswered() {
        String first = "pipelined-" + UUID.randomUUID();
        String second = "pipelined-" + UUID.randomUUID();
        RawSocket.Answers answers = RawSocket.exchange(port(), "POST /api/v1/inquiries HTTP/1.1\r\nHost: gateway\r\n"
                + "X-Request-Id: " + first + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "2\r\n{}\r\n0\r\n\r\n"
                + "GET /api/v1/seminars HTTP/1.1\r\nHost: gateway\r\nX-Request-Id: " + second + "\r\nConnection: close\r\n\r\n");
        assertEquals(List.of(200, 200), answers.statuses(), answers.raw());
        assertTrue(StandIns.get(Service.CONSULTATIONS).sawRequestId(first));
        assertTrue(StandIns.get(Service.SEMINARS).sawRequestId(second));
    }

    private static String smuggledGet(String requestId) {
        return "GET /api/v1/seminars HTTP/1.1\r\nHost: gateway\r\nX-Request-Id: " + requestId + "\r\n\r\n";
    }

    static void assertRefused(RawSocket.Answers answers, int status, String type, String detailMentions) {
        assertEquals(List.of(status), answers.statuses(), "exactly one answer expected: " + answers.raw());
        assertTrue(answers.headers().getOrDefault("content-type", "").startsWith("application/problem+json"), answers.raw());
        assertEquals("close", answers.headers().get("connection"), answers.raw());
        assertTrue(answers.closedByServer(), "the gateway must close the connection: " + answers.raw());
        String body = answers.body();
        assertTrue(body.contains("\"type\":\"urn:telework:problem:" + type + "\""), body);
        assertTrue(body.contains("\"status\":" + status), body);
        assertTrue(body.contains(detailMentions), "the detail should name " + detailMentions + ": " + body);
        assertTrue(answers.headers().containsKey("x-request-id"), answers.raw());
        assertEquals("nosniff", answers.headers().get("x-content-type-options"), answers.raw());
    }

    /** Neither request reached any service (checked after a later request went all the way through). */
    private void assertNeverProxied(String... requestIds) {
        String barrier = "barrier-" + UUID.randomUUID();
        for (Service s : Service.values()) {
            given().header("X-Request-Id", barrier).when().get("/api/v1/openapi/" + s.slug()).then().statusCode(200);
        }
        for (Service s : Service.values()) {
            for (String id : requestIds) {
                assertFalse(StandIns.get(s).sawRequestId(id), id + " reached " + s.slug());
            }
        }
    }

    private int port() {
        return gateway.getPort();
    }
}
