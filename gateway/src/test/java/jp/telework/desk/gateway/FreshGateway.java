package jp.telework.desk.gateway;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;

import jp.telework.desk.gateway.ratelimit.RateLimiter;

/**
 * Where every test of the gateway in front of the stand-in services starts: all three stand-ins up and
 * answering normally, and no caller's rate limit spent by an earlier test.
 */
abstract class FreshGateway {
    @Inject
    RateLimiter rateLimiter;

    @BeforeEach
    void freshGateway() {
        StandIns.ready();
        rateLimiter.reset();
    }
}
