package dev.standin.server.kernel.wire;

/**
 * Counts requests against limits, by key. The one implementation today is the in-process {@link
 * LocalRateLimiter}, so each server instance counts on its own, even on a shared PostgreSQL
 * database (ADR 0017); a limiter whose counts hold across instances would implement this.
 */
public interface RateLimiter {

  /** Takes one request from the budget of {@code key} under {@code limit}. */
  Decision tryAcquire(String key, RateLimits.Limit limit);

  /** Whether the request may go on; when not, how long until it could. */
  record Decision(boolean allowed, long retryAfterNanos) {

    public static final Decision ALLOWED = new Decision(true, 0);

    /** Whole seconds to wait, rounded up, for {@code Retry-After}. */
    public long retryAfterSeconds() {
      return Math.max(1, (retryAfterNanos + 999_999_999L) / 1_000_000_000L);
    }
  }
}
