package dev.standin.client;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before trying a call again, like the official clients: 429 and 5xx
 * answers and network failures are retried with exponential backoff and jitter, starting from
 * {@code minDelay}; other 4xx never are. A {@code Retry-After} the server sends is a lower bound.
 *
 * @param maxRetries attempts after the first (0 turns retrying off)
 * @param minDelay the wait before the first retry; each further retry waits about twice as long
 */
public record RetryPolicy(int maxRetries, Duration minDelay) {

  /** The JavaScript client's defaults: up to 8 retries, starting at 500 ms. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofMillis(500));

  /** No wait is ever longer than this, whatever the backoff or the server says. */
  static final Duration MAX_DELAY = Duration.ofMinutes(2);

  public RetryPolicy {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative, got " + maxRetries);
    }
    if (minDelay.isNegative()) {
      throw new IllegalArgumentException("minDelay must not be negative, got " + minDelay);
    }
  }

  static boolean isRetryable(int status) {
    return status == 429 || status >= 500;
  }

  /**
   * The wait before retry number {@code retry} (1 for the first): {@code minDelay · 2^(retry-1)},
   * times a random factor in [1, 2) so that many clients do not retry in step, and never shorter
   * than {@code Retry-After}.
   */
  Duration delayBefore(int retry, Optional<Duration> retryAfter) {
    long base = minDelay.toMillis() << Math.min(retry - 1, 20);
    long jittered = (long) (base * (1 + ThreadLocalRandom.current().nextDouble()));
    long millis = Math.max(jittered, retryAfter.map(Duration::toMillis).orElse(0L));
    return Duration.ofMillis(Math.min(millis, MAX_DELAY.toMillis()));
  }

  /** Reads {@code Retry-After} in its seconds form; the date form is rare and ignored. */
  static Optional<Duration> parseRetryAfter(Optional<String> header) {
    return header
        .map(String::trim)
        .filter(v -> v.matches("[0-9]{1,9}"))
        .map(v -> Duration.ofSeconds(Long.parseLong(v)));
  }
}
