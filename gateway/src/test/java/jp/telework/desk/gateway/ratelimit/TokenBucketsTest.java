package jp.telework.desk.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TokenBucketsTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final TokenBuckets buckets = new TokenBuckets(now::get, 1000);
    private static final Duration MINUTE = Duration.ofSeconds(60);

    @Test
    void aBurstUpToTheLimitThenRefused() {
        for (int i = 1; i <= 5; i++) {
            TokenBuckets.Decision d = buckets.take("g", "sub:a", 5, MINUTE);
            assertTrue(d.allowed());
            assertEquals(5 - i, d.remaining());
        }
        TokenBuckets.Decision refused = buckets.take("g", "sub:a", 5, MINUTE);
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(12, refused.retryAfterSeconds(), "5 per minute: one token every 12 s");
        assertEquals(60, refused.resetSeconds());
        assertEquals(60, refused.windowSeconds());
    }

    @Test
    void clientsAndGroupsHaveTheirOwnBuckets() {
        for (int i = 0; i < 5; i++) {
            buckets.take("g", "sub:a", 5, MINUTE);
        }
        assertFalse(buckets.take("g", "sub:a", 5, MINUTE).allowed());
        assertTrue(buckets.take("g", "sub:b", 5, MINUTE).allowed());
        assertTrue(buckets.take("other", "sub:a", 5, MINUTE).allowed());
    }

    @Test
    void tokensComeBackOverTime() {
        for (int i = 0; i < 5; i++) {
            buckets.take("g", "ip:1", 5, MINUTE);
        }
        assertFalse(buckets.take("g", "ip:1", 5, MINUTE).allowed());
        now.addAndGet(Duration.ofSeconds(12).toNanos());
        assertTrue(buckets.take("g", "ip:1", 5, MINUTE).allowed());
        assertFalse(buckets.take("g", "ip:1", 5, MINUTE).allowed());
        now.addAndGet(Duration.ofMinutes(10).toNanos());
        assertEquals(4, buckets.take("g", "ip:1", 5, MINUTE).remaining(), "never more than the capacity");
    }

    @Test
    void refilledBucketsAreForgottenAndTheOverflowBucketBoundsMemory() {
        TokenBuckets small = new TokenBuckets(now::get, 3);
        small.take("g", "a", 2, MINUTE);
        small.take("g", "b", 2, MINUTE);
        small.take("g", "c", 2, MINUTE);
        assertEquals(3, small.size());
        // new clients beyond the bound share one bucket
        assertTrue(small.take("g", "d", 2, MINUTE).allowed());
        assertTrue(small.take("g", "e", 2, MINUTE).allowed());
        assertFalse(small.take("g", "f", 2, MINUTE).allowed());
        assertEquals(4, small.size());
        now.addAndGet(MINUTE.toNanos());
        small.evictRefilled(Map.of("g", TokenBuckets.GroupRate.of(2, MINUTE)));
        assertEquals(0, small.size());
    }

    @Test
    void concurrentTakesNeverExceedTheCapacity() throws InterruptedException {
        AtomicInteger allowed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 400; i++) {
            pool.execute(() -> {
                if (buckets.take("g", "sub:burst", 50, Duration.ofHours(1)).allowed()) {
                    allowed.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(50, allowed.get());
    }
}
