package jp.telework.desk.gateway.config;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Everything the gateway can be told, under {@code telework.*} (four roots, so that other
 * {@code telework.*} keys, e.g. of the test infrastructure, do not trip the validation). Each key has
 * an environment variable twin (e.g. {@code telework.upstreams.contact-points} ↔
 * {@code TELEWORK_UPSTREAMS_CONTACT_POINTS}).
 */
@ApplicationScoped
public class GatewayConfig {
    @Inject
    Upstreams upstreams;

    @Inject
    Resilience resilience;

    @Inject
    RateLimits rateLimits;

    @Inject
    Gateway gateway;

    public Upstreams upstreams() {
        return upstreams;
    }

    public Resilience resilience() {
        return resilience;
    }

    public RateLimits rateLimits() {
        return rateLimits;
    }

    public Gateway gateway() {
        return gateway;
    }

    /** Base URLs of the three services (scheme, host, port; no path). */
    @ConfigMapping(prefix = "telework.upstreams")
    public interface Upstreams {
        @WithDefault("http://127.0.0.1:8081")
        String contactPoints();

        @WithDefault("http://127.0.0.1:8082")
        String consultations();

        @WithDefault("http://127.0.0.1:8083")
        String seminars();
    }

    /** Timeouts, connection pool and circuit breaker, separately for each upstream. */
    @ConfigMapping(prefix = "telework.resilience")
    public interface Resilience {
        UpstreamResilience contactPoints();

        UpstreamResilience consultations();

        UpstreamResilience seminars();
    }

    public interface UpstreamResilience {
        /** How long to wait for a TCP connection to the upstream. */
        @WithDefault("1s")
        Duration connectTimeout();

        /**
         * How long the upstream may take, from the moment it has the request (a pooled connection was
         * free) until its response headers. Time spent waiting for a connection is not counted here.
         */
        @WithDefault("5s")
        Duration responseTimeout();

        /**
         * How long a request may wait for one of the pooled connections (all busy) before the gateway
         * answers 503 with Retry-After. A burst waits here instead of timing out as if the upstream were slow;
         * 30 s stays within what browsers and nginx (60 s read timeout) give a request.
         */
        @WithDefault("30s")
        Duration queueTimeout();

        /** How long a streaming request or response body may stall. */
        @WithDefault("30s")
        Duration idleTimeout();

        /** Pooled HTTP/1.1 connections to the upstream. */
        @WithDefault("64")
        int maxConnections();

        /** Requests waiting for a pooled connection before the gateway answers 503 at once. */
        @WithDefault("2048")
        int maxWaitQueue();

        CircuitBreakerSettings circuitBreaker();
    }

    public interface CircuitBreakerSettings {
        /** The last N calls whose outcome decides. */
        @WithDefault("20")
        int window();

        /** No opening before this many calls are in the window. */
        @WithDefault("5")
        int minimumCalls();

        /** Opens when failures / calls in the window reach this ratio. */
        @WithDefault("0.5")
        double failureRatio();

        /** Stays open (answering 503 at once) this long, then lets one probe through. */
        @WithDefault("10s")
        Duration openFor();
    }

    /**
     * Token buckets per subject (per client IP for anonymous calls) and route group, held in the
     * memory of each gateway instance.
     */
    @ConfigMapping(prefix = "telework.rate-limits")
    public interface RateLimits {
        @WithDefault("true")
        boolean enabled();

        /** Anonymous reads: contact points, free slots, routing, published seminars, OpenAPI documents. */
        Limit publicRead();

        /** POST /api/v1/inquiries, open to anonymous senders. */
        Limit inquirySubmit();

        /** Everything else that needs a token (bookings, registrations, availability, inquiries). */
        Limit api();

        /** Statistics endpoints and the secretariat overview. */
        Limit statistics();

        /** Beyond this many tracked clients, new ones share one overflow bucket per group (bounded memory). */
        @WithDefault("100000")
        int maxTrackedClients();
    }

    public interface Limit {
        /** Requests allowed in a burst (the bucket's capacity). */
        int requests();

        /** The period over which {@link #requests()} are refilled. */
        Duration per();
    }

    @ConfigMapping(prefix = "telework.gateway")
    public interface Gateway {
        /** Request bodies above this size are refused with 413 (also when sent chunked). */
        @WithDefault("1M")
        MemorySize maxBodySize();

        /**
         * Only behind a trusted load balancer: keep incoming X-Forwarded-* (append to them) and take the
         * client address for anonymous rate limits from the last X-Forwarded-For entry.
         */
        @WithDefault("false")
        boolean trustForwardedHeaders();

        /** Strict-Transport-Security value; {@code off} sends none (e.g. plain HTTP in development). */
        @WithDefault("max-age=31536000; includeSubDomains")
        String hsts();

        @WithDefault("DENY")
        String frameOptions();

        @WithDefault("frame-ancestors 'none'")
        String contentSecurityPolicy();

        @WithDefault("no-referrer")
        String referrerPolicy();

        /** Largest statistics document read from one upstream for the overview. */
        @WithDefault("4M")
        MemorySize maxStatisticsSize();
    }
}
