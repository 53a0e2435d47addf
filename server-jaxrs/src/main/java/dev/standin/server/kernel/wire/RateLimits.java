package dev.standin.server.kernel.wire;

import java.time.Duration;

/**
 * The configured limits: requests per resource (the vendor's default is 60 per second) and per user
 * (250 000 per minute; per client IP address for requests without an authenticated user).
 */
public record RateLimits(Limit perResource, Limit perUser) {

  public static final RateLimits VENDOR =
      new RateLimits(
          new Limit(60, Duration.ofSeconds(1)), new Limit(250_000, Duration.ofMinutes(1)));

  /** The longer of the two periods: how long a bucket must be remembered. */
  public Duration longestPeriod() {
    return perResource.period.compareTo(perUser.period) > 0 ? perResource.period : perUser.period;
  }

  /** At most {@code requests} per {@code period}. */
  public record Limit(long requests, Duration period) {
    public Limit {
      if (requests <= 0 || period.isNegative() || period.isZero()) {
        throw new IllegalArgumentException(
            "a rate limit needs a positive count and period, got " + requests + "/" + period);
      }
    }

    /** "60 requests per second", for messages. */
    public String describe() {
      String unit =
          period.equals(Duration.ofSeconds(1))
              ? "second"
              : period.equals(Duration.ofMinutes(1))
                  ? "minute"
                  : period.toMillis() + " milliseconds";
      return requests + " requests per " + unit;
    }
  }
}
