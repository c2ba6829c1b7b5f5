package jp.telework.desk.gateway.upstream;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.vertx.core.http.HttpClosedException;
import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.common.problem.ProblemType;
import jp.telework.desk.gateway.routing.Service;

/** Why an upstream call failed, as the client will be told (never with internal host names). */
public final class UpstreamFailure extends RuntimeException {
    public enum Kind {
        /** The breaker is open: refused without trying. */
        CIRCUIT_OPEN,
        /** No connection (refused, unreachable, pool exhausted). */
        UNAVAILABLE,
        /** No response headers within the response timeout, or a stalled body. */
        TIMEOUT,
        /** The connection broke or the answer was unusable. */
        BAD_GATEWAY
    }

    private final Kind kind;
    private final Service service;
    private final Duration retryAfter;
    private final boolean connectionLost;

    public UpstreamFailure(Kind kind, Service service, String detail, Duration retryAfter) {
        this(kind, service, detail, retryAfter, false);
    }

    private UpstreamFailure(Kind kind, Service service, String detail, Duration retryAfter, boolean connectionLost) {
        super(detail, null, false, false);
        this.connectionLost = connectionLost;
        this.kind = kind;
        this.service = service;
        this.retryAfter = retryAfter;
    }

    public static UpstreamFailure classify(Service service, Throwable cause) {
        if (cause instanceof UpstreamFailure f) {
            return f;
        }
        if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
            return new UpstreamFailure(Kind.UNAVAILABLE, service, "the " + service.slug() + " service is unavailable",
                    Duration.ofSeconds(1), cause instanceof ConnectException);
        }
        if (cause instanceof HttpClosedException || cause instanceof IOException) {
            // closed or reset before the answer's headers: the service may have died with the request
            return new UpstreamFailure(Kind.BAD_GATEWAY, service, "the " + service.slug() + " service closed the connection"
                    + " without an answer", null, true);
        }
        if (cause instanceof TimeoutException) {
            return timeout(service);
        }
        return new UpstreamFailure(Kind.BAD_GATEWAY, service, "the " + service.slug() + " service gave no usable answer", null);
    }

    public static UpstreamFailure timeout(Service service) {
        return new UpstreamFailure(Kind.TIMEOUT, service, "the " + service.slug() + " service did not answer in time", null);
    }

    /** Every pooled connection stayed busy for the queue timeout, or the wait queue was full. */
    public static UpstreamFailure busy(Service service) {
        return new UpstreamFailure(Kind.UNAVAILABLE, service, "the " + service.slug() + " service is busy with other requests",
                Duration.ofSeconds(1));
    }

    public static UpstreamFailure circuitOpen(Service service, Duration retryAfter) {
        return new UpstreamFailure(Kind.CIRCUIT_OPEN, service,
                "the " + service.slug() + " service is failing; the gateway stopped calling it for a moment", retryAfter);
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The connection failed before any answer: refused, or closed or reset while the request was sent or
     * waited for. Not a timeout (the service may still be working on it) and not an open breaker.
     */
    public boolean connectionLost() {
        return connectionLost;
    }

    public Service service() {
        return service;
    }

    public int status() {
        return switch (kind) {
            case CIRCUIT_OPEN, UNAVAILABLE -> 503;
            case TIMEOUT -> 504;
            case BAD_GATEWAY -> 502;
        };
    }

    public ProblemException toProblem() {
        ProblemException problem = switch (kind) {
            case CIRCUIT_OPEN, UNAVAILABLE -> ProblemType.UPSTREAM_UNAVAILABLE.problem(getMessage() + "; try again shortly");
            case TIMEOUT -> ProblemType.UPSTREAM_TIMEOUT.problem(getMessage());
            case BAD_GATEWAY -> ProblemType.BAD_GATEWAY.problem(getMessage());
        };
        if (retryAfter != null) {
            problem.withHeader("Retry-After", Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
        }
        return problem;
    }
}
