package jp.telework.desk.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private final AtomicLong now = new AtomicLong();
    private final CircuitBreaker breaker = new CircuitBreaker(10, 4, 0.5, Duration.ofSeconds(10), now::get);

    private void calls(int successes, int failures) {
        for (int i = 0; i < successes; i++) {
            assertTrue(breaker.tryAcquire());
            breaker.onSuccess();
        }
        for (int i = 0; i < failures; i++) {
            assertTrue(breaker.tryAcquire());
            breaker.onFailure();
        }
    }

    @Test
    void staysClosedBelowTheMinimumNumberOfCalls() {
        calls(0, 3);
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
    }

    @Test
    void opensAtTheFailureRatioAndRefusesForTheOpenPeriod() {
        calls(2, 1);
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        calls(0, 1); // 2 of 4 failed
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire());
        assertEquals(Duration.ofSeconds(10), breaker.retryAfter());
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertFalse(breaker.tryAcquire());
        assertEquals(Duration.ofSeconds(6), breaker.retryAfter());
    }

    @Test
    void oneProbeAfterTheOpenPeriodClosesOnSuccess() {
        calls(0, 4);
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
        assertTrue(breaker.tryAcquire(), "the probe");
        assertFalse(breaker.tryAcquire(), "only one probe at a time");
        breaker.onSuccess();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        // a fresh window: three failures are below the minimum again
        calls(0, 3);
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
    }

    @Test
    void aFailedProbeOpensAgain() {
        calls(0, 4);
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        assertTrue(breaker.tryAcquire());
        breaker.onFailure();
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire());
    }

    @Test
    void anIgnoredProbeLetsTheNextOneTry() {
        calls(0, 4);
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        assertTrue(breaker.tryAcquire());
        breaker.onIgnored();
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void theWindowSlides() {
        calls(10, 0);
        calls(0, 4); // 4 failures among the last 10
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        calls(0, 1); // 5 of 10
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
    }

    @Test
    void oldFailuresLeaveTheWindow() {
        calls(0, 1);
        calls(2, 0);
        for (int i = 0; i < 30; i++) {
            calls(1, 0);
            calls(0, 0);
        }
        calls(0, 4); // 4 of the last 10
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThrows(IllegalArgumentException.class, () -> new CircuitBreaker(5, 6, 0.5, Duration.ofSeconds(1), now::get));
        assertThrows(IllegalArgumentException.class, () -> new CircuitBreaker(5, 2, 0, Duration.ofSeconds(1), now::get));
    }
}
