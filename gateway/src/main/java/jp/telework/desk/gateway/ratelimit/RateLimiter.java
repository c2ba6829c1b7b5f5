package jp.telework.desk.gateway.ratelimit;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;
import jp.telework.desk.gateway.config.GatewayConfig;
import jp.telework.desk.gateway.routing.RateGroup;

/** Per-instance rate limits by route group and client, from {@code telework.rate-limits.*}. */
@ApplicationScoped
public class RateLimiter {
    private final boolean enabled;
    private final Map<RateGroup, GatewayConfig.Limit> limits = new EnumMap<>(RateGroup.class);
    private final Map<String, TokenBuckets.GroupRate> rates = new HashMap<>();
    private final TokenBuckets buckets;

    @Inject
    public RateLimiter(GatewayConfig config) {
        GatewayConfig.RateLimits c = config.rateLimits();
        this.enabled = c.enabled();
        limits.put(RateGroup.PUBLIC_READ, c.publicRead());
        limits.put(RateGroup.INQUIRY_SUBMIT, c.inquirySubmit());
        limits.put(RateGroup.API, c.api());
        limits.put(RateGroup.STATISTICS, c.statistics());
        limits.forEach((group, limit) -> {
            if (limit.requests() < 1 || limit.per().isZero() || limit.per().isNegative()) {
                throw new IllegalArgumentException("telework.rate-limits." + group.key() + ": requests must be >= 1 and per > 0");
            }
            rates.put(group.key(), TokenBuckets.GroupRate.of(limit.requests(), limit.per()));
        });
        this.buckets = new TokenBuckets(System::nanoTime, c.maxTrackedClients());
    }

    /** Null when rate limiting is switched off. */
    public TokenBuckets.Decision take(RateGroup group, String client) {
        if (!enabled) {
            return null;
        }
        GatewayConfig.Limit limit = limits.get(group);
        return buckets.take(group.key(), client, limit.requests(), limit.per());
    }

    @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void evict() {
        buckets.evictRefilled(rates);
    }

    /** Forgets every bucket (tests, and an operator's escape hatch). */
    public void reset() {
        buckets.clear();
    }

    public int trackedClients() {
        return buckets.size();
    }
}
