package jp.telework.desk.gateway;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;

import io.quarkus.test.common.http.TestHTTPResource;
import jp.telework.desk.gateway.ratelimit.RateLimiter;

/**
 * Where every test of the gateway in front of the stand-in services starts: all three stand-ins up and
 * answering normally, and no caller's rate limit spent by an earlier test. Health and metrics are on the
 * management interface ({@link #management(String)}), not on the port the tests send requests to.
 */
abstract class FreshGateway {
    @Inject
    RateLimiter rateLimiter;

    @TestHTTPResource(value = "/", management = true)
    URL managementRoot;

    @BeforeEach
    void freshGateway() {
        StandIns.ready();
        rateLimiter.reset();
    }

    /**
     * The absolute URL of an endpoint of the gateway's management interface, e.g. {@code health/ready}: relative
     * to its root, which is {@code /q/} on the management port.
     */
    String management(String endpoint) {
        String root = managementRoot.toString();
        return (root.endsWith("/") ? root : root + "/") + endpoint;
    }
}
