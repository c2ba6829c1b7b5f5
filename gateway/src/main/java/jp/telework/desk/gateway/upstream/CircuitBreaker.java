package jp.telework.desk.gateway.upstream;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A count-based circuit breaker. CLOSED: calls pass and their outcomes fill a window of the last N;
 * when at least {@code minimumCalls} are in the window and the failure ratio reaches the threshold it
 * turns OPEN: calls are refused at once for {@code openFor}. Then HALF_OPEN: one probe call passes; its
 * success closes the breaker (with a fresh window), its failure opens it again.
 *
 * <p>Thread-safe; every method is cheap. Callers report each permitted call exactly once with
 * {@link #onSuccess()}, {@link #onFailure()} or {@link #onIgnored()} (the call said nothing about the
 * upstream, e.g. the client went away).
 */
public final class CircuitBreaker {
    public enum State {
        CLOSED, OPEN, HALF_OPEN
    }

    private final boolean[] outcomes; // true = failure
    private final int minimumCalls;
    private final double failureRatio;
    private final long openForNanos;
    private final LongSupplier nanoClock;

    private State state = State.CLOSED;
    private int next;
    private int calls;
    private int failures;
    private long openUntil;
    private boolean probeInFlight;

    public CircuitBreaker(int window, int minimumCalls, double failureRatio, Duration openFor, LongSupplier nanoClock) {
        if (window < 1 || minimumCalls < 1 || minimumCalls > window || failureRatio <= 0 || failureRatio > 1) {
            throw new IllegalArgumentException("circuit breaker: need 1 <= minimumCalls <= window and 0 < failureRatio <= 1");
        }
        this.outcomes = new boolean[window];
        this.minimumCalls = minimumCalls;
        this.failureRatio = failureRatio;
        this.openForNanos = openFor.toNanos();
        this.nanoClock = nanoClock;
    }

    /** May a call go to the upstream now? A permitted call must be reported once. */
    public synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (nanoClock.getAsLong() - openUntil < 0) {
                    return false;
                }
                state = State.HALF_OPEN;
                probeInFlight = true;
                return true;
            default: // HALF_OPEN
                if (probeInFlight) {
                    return false;
                }
                probeInFlight = true;
                return true;
        }
    }

    public synchronized void onSuccess() {
        if (state == State.HALF_OPEN) {
            close();
        } else if (state == State.CLOSED) {
            record(false);
        }
    }

    public synchronized void onFailure() {
        if (state == State.HALF_OPEN) {
            open();
        } else if (state == State.CLOSED) {
            record(true);
            if (calls >= minimumCalls && failures >= failureRatio * calls) {
                open();
            }
        }
    }

    /** The permitted call ended without saying anything about the upstream's health. */
    public synchronized void onIgnored() {
        if (state == State.HALF_OPEN) {
            probeInFlight = false;
        }
    }

    public synchronized State state() {
        if (state == State.OPEN && nanoClock.getAsLong() - openUntil >= 0) {
            return State.HALF_OPEN; // the next call will probe
        }
        return state;
    }

    /** How long until a call may be tried again (zero unless open). */
    public synchronized Duration retryAfter() {
        if (state != State.OPEN) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(0, openUntil - nanoClock.getAsLong()));
    }

    private void record(boolean failure) {
        if (calls == outcomes.length) {
            if (outcomes[next]) {
                failures--;
            }
        } else {
            calls++;
        }
        outcomes[next] = failure;
        if (failure) {
            failures++;
        }
        next = (next + 1) % outcomes.length;
    }

    private void open() {
        state = State.OPEN;
        openUntil = nanoClock.getAsLong() + openForNanos;
        probeInFlight = false;
    }

    private void close() {
        state = State.CLOSED;
        probeInFlight = false;
        calls = 0;
        failures = 0;
        next = 0;
    }
}
