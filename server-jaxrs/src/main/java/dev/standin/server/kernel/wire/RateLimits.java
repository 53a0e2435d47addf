package dev.standin.server.kernel.wire;

import java.time.Duration;

/**
 * The configured limits: requests per resource (the vendor's default is 60 per second) and per user
 * (250 000 per minute; per client IP address for requests without an authenticated user), and where
 * they are counted.
 */
public record RateLimits(Limit perResource, Limit perUser, Scope scope) {

  public static final RateLimits VENDOR =
      new RateLimits(
          new Limit(60, Duration.ofSeconds(1)), new Limit(250_000, Duration.ofMinutes(1)));

  /** Where requests are counted. */
  public enum Scope {
    /**
     * Across every instance on a shared database (PostgreSQL: the buckets live there, ADR 0017); in
     * this process's memory on the embedded and in-memory stores, which one instance owns.
     */
    SHARED,
    /** In this process's memory whatever the store: N instances accept N times each limit. */
    INSTANCE;

    /** {@code shared} or {@code instance}, as the command line writes them. */
    public static Scope parse(String text) {
      return switch (text.trim()) {
        case "shared" -> SHARED;
        case "instance" -> INSTANCE;
        default ->
            throw new IllegalArgumentException(
                "--rate-limit-scope must be shared or instance, got '" + text.trim() + "'");
      };
    }
  }

  public RateLimits {
    java.util.Objects.requireNonNull(scope, "scope");
  }

  /** These limits, counted across instances where the store is shared ({@link Scope#SHARED}). */
  public RateLimits(Limit perResource, Limit perUser) {
    this(perResource, perUser, Scope.SHARED);
  }

  public RateLimits withScope(Scope newScope) {
    return new RateLimits(perResource, perUser, newScope);
  }

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
