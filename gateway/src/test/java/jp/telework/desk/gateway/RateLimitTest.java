package jp.telework.desk.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jp.telework.desk.gateway.ratelimit.RateLimiter;

/** A burst over a route group's limit is refused with 429 for that caller only. */
@QuarkusTest
class RateLimitTest {
    static final String INQUIRIES = "/api/v1/inquiries";
    static final String BODY = "{\"category\":\"OTHER\",\"prefecture\":\"13\",\"question\":\"rate limit test\"}";

    @Inject
    RateLimiter rateLimiter;

    int limit;

    @BeforeEach
    void fresh() {
        StandIns.ready();
        rateLimiter.reset();
        limit = ConfigProvider.getConfig().getValue("telework.rate-limits.inquiry-submit.requests", Integer.class);
    }

    @AfterEach
    void forget() {
        rateLimiter.reset();
    }

    @Test
    void aSubjectOverItsLimitGets429WhileOthersGoOn() {
        String smeA = Tokens.of("sme-a");
        for (int i = 1; i <= limit; i++) {
            send(smeA).then().statusCode(200)
                    .header("RateLimit-Limit", Integer.toString(limit))
                    .header("RateLimit-Remaining", Integer.toString(limit - i))
                    .header("RateLimit-Policy", limit + ";w=60");
        }
        Response refused = send(smeA);
        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:telework:problem:rate-limited"))
                .body("status", equalTo(429))
                .header("Retry-After", notNullValue())
                .header("RateLimit-Remaining", "0");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        // 5 per 60 s refill one token every 12 s
        assertTrue(retryAfter >= 1 && retryAfter <= 60 / limit + 1, "Retry-After " + retryAfter);

        // another subject, and an anonymous caller, are not affected
        send(Tokens.of("sme-b")).then().statusCode(200).header("RateLimit-Remaining", Integer.toString(limit - 1));
        send(null).then().statusCode(200);
        // nor is another route group of the same subject
        given().auth().oauth2(smeA).when().get("/api/v1/consultations").then().statusCode(200);
        // and the refused subject stays refused
        send(smeA).then().statusCode(429);
    }

    @Test
    void anonymousCallersAreLimitedPerAddress() {
        int allowed = 0;
        Response last = null;
        for (int i = 0; i < limit + 1; i++) {
            last = send(null);
            if (last.statusCode() == 200) {
                allowed++;
            }
        }
        assertEquals(limit, allowed);
        last.then().statusCode(429).header("Retry-After", notNullValue()).contentType("application/problem+json");
        // an authenticated subject from the same address has its own bucket
        send(Tokens.of("sme-a")).then().statusCode(200);
    }

    private static Response send(String token) {
        RequestSpecification spec = given().contentType("application/json").body(BODY);
        if (token != null) {
            spec.auth().oauth2(token);
        }
        return spec.when().post(INQUIRIES);
    }
}
