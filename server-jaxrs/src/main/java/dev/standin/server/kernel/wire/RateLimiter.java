package dev.standin.server.kernel.wire;

/**
 * Counts requests against limits, by key. The in-process implementation is {@link
 * LocalRateLimiter}; a store shared by several server instances (PostgreSQL) provides one whose
 * counts hold across all of them (ADR 0017).
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
