package jp.telework.desk.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets keyed by (route group, client). A bucket holds at most {@code capacity} tokens and
 * refills continuously at {@code capacity / per}; every request takes one. Kept in this process's
 * memory only: with N gateway instances behind a load balancer a client may get up to N times the
 * limit (see the gateway README).
 *
 * <p>Memory is bounded: buckets that have refilled completely are forgotten (a full bucket is the same
 * as none), and beyond {@code maxKeys} tracked clients new clients share one overflow bucket per group.
 */
public final class TokenBuckets {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final LongSupplier nanoClock;
    private final int maxKeys;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(LongSupplier nanoClock, int maxKeys) {
        this.nanoClock = nanoClock;
        this.maxKeys = maxKeys;
    }

    /**
     * @param remaining tokens left after this request
     * @param resetSeconds seconds until the bucket is full again
     * @param retryAfterSeconds when refused: seconds until one token is back (at least 1)
     */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds, long windowSeconds) {
    }

    public Decision take(String group, String client, int capacity, Duration per) {
        String key = group + '|' + client;
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxKeys) {
                key = group + "|(overflow)";
            }
            bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, nanoClock.getAsLong()));
        }
        double perSecond = capacity / (double) Math.max(1, per.toNanos()) * NANOS_PER_SECOND;
        long windowSeconds = Math.max(1, (long) Math.ceil(per.toNanos() / (double) NANOS_PER_SECOND));
        synchronized (bucket) {
            bucket.refill(capacity, perSecond, nanoClock.getAsLong());
            boolean allowed = bucket.tokens >= 1;
            if (allowed) {
                bucket.tokens -= 1;
            }
            long reset = (long) Math.ceil((capacity - bucket.tokens) / perSecond);
            long retryAfter = allowed ? 0 : Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perSecond));
            return new Decision(allowed, capacity, (int) Math.floor(bucket.tokens), reset, retryAfter, windowSeconds);
        }
    }

    /** Forgets buckets that are full again; call periodically. */
    public void evictRefilled(Map<String, GroupRate> rates) {
        long now = nanoClock.getAsLong();
        buckets.entrySet().removeIf(e -> {
            String group = e.getKey().substring(0, e.getKey().indexOf('|'));
            GroupRate rate = rates.get(group);
            if (rate == null) {
                return true;
            }
            Bucket b = e.getValue();
            synchronized (b) {
                b.refill(rate.capacity(), rate.perSecond(), now);
                return b.tokens >= rate.capacity();
            }
        });
    }

    public int size() {
        return buckets.size();
    }

    public void clear() {
        buckets.clear();
    }

    public record GroupRate(int capacity, double perSecond) {
        public static GroupRate of(int capacity, Duration per) {
            return new GroupRate(capacity, capacity / (double) Math.max(1, per.toNanos()) * NANOS_PER_SECOND);
        }
    }

    private static final class Bucket {
        double tokens;
        long last;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.last = now;
        }

        void refill(int capacity, double perSecond, long now) {
            long elapsed = now - last;
            if (elapsed > 0) {
                tokens = Math.min(capacity, tokens + elapsed * perSecond / NANOS_PER_SECOND);
                last = now;
            }
        }
    }
}
