package dev.standin.server.kernel.wire;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * Token buckets (Bucket4j) held in this process, one per key, refilled greedily over the limit's
 * period. The buckets live in a bounded cache, so requests naming ever new resources cannot grow
 * memory without bound; a bucket idle for longer than its period is full again anyway and may go.
 */
public final class LocalRateLimiter implements RateLimiter {

  private static final long MAX_KEYS = 100_000;

  private final Cache<String, Bucket> buckets;

  public LocalRateLimiter(Duration longestPeriod) {
    this.buckets =
        Caffeine.newBuilder()
            .maximumSize(MAX_KEYS)
            .expireAfterAccess(longestPeriod.multipliedBy(2))
            .build();
  }

  @Override
  public Decision tryAcquire(String key, RateLimits.Limit limit) {
    // The limit is part of the key: two limits never share one bucket.
    Bucket bucket =
        buckets.get(
            key + "|" + limit.requests() + "/" + limit.period().toMillis(),
            k ->
                Bucket.builder()
                    .addLimit(
                        l ->
                            l.capacity(limit.requests())
                                .refillGreedy(limit.requests(), limit.period()))
                    .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    return probe.isConsumed()
        ? Decision.ALLOWED
        : new Decision(false, probe.getNanosToWaitForRefill());
  }
}
