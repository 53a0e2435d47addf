package dev.standin.server.spaaza.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * Bounds the PBKDF2 work that wrong token secrets can cost (ADR 0036). Each client address may have
 * {@link #FAILURES} secrets checked and found wrong per {@link #PERIOD} (a Bucket4j token bucket,
 * refilled greedily): a check takes one from the address's budget before hashing, and a secret that
 * proves right gives it back, so only failures use it up. A wrong secret seen recently for the same
 * token is known to be wrong without hashing again. Both are held in bounded caches.
 */
final class SecretCheckBudget {

  /** Wrong secrets one address may have checked per {@link #PERIOD}, at once or spread out. */
  static final int FAILURES = 20;

  static final Duration PERIOD = Duration.ofMinutes(1);

  private static final long MAX_ADDRESSES = 100_000;
  private static final long MAX_KNOWN_WRONG = 10_000;
  private static final Duration KNOWN_WRONG_FOR = Duration.ofMinutes(10);

  private final int failures;
  private final Cache<String, Bucket> buckets;
  private final Cache<String, Boolean> knownWrong =
      Caffeine.newBuilder().maximumSize(MAX_KNOWN_WRONG).expireAfterWrite(KNOWN_WRONG_FOR).build();

  SecretCheckBudget() {
    this(FAILURES);
  }

  SecretCheckBudget(int failures) {
    this.failures = failures;
    // A bucket idle for a period is full again anyway and may go.
    this.buckets =
        Caffeine.newBuilder()
            .maximumSize(MAX_ADDRESSES)
            .expireAfterAccess(PERIOD.multipliedBy(2))
            .build();
  }

  int failures() {
    return failures;
  }

  /**
   * Takes one check from {@code address}'s budget.
   *
   * @return 0 when taken, else the nanoseconds until one is available
   */
  long reserve(String address) {
    ConsumptionProbe probe = bucket(address).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
  }

  /** Gives back a check whose secret proved right. */
  void refund(String address) {
    bucket(address).addTokens(1);
  }

  boolean isKnownWrong(String attempt) {
    return knownWrong.getIfPresent(attempt) != null;
  }

  void rememberWrong(String attempt) {
    knownWrong.put(attempt, Boolean.TRUE);
  }

  private Bucket bucket(String address) {
    return buckets.get(
        address,
        a ->
            Bucket.builder()
                .addLimit(l -> l.capacity(failures).refillGreedy(failures, PERIOD))
                .build());
  }
}
