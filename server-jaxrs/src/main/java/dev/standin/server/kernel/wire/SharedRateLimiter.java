package dev.standin.server.kernel.wire;

import dev.standin.server.kernel.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rate limits counted in the shared PostgreSQL database, so they hold across every server instance
 * on it (ADR 0017): one SQL statement per check, in autocommit, on {@code rate_limit_buckets}
 * (Flyway V8).
 *
 * <p>The bucket is the same token bucket as {@link LocalRateLimiter}'s (capacity {@code n},
 * refilled greedily at {@code n} per period), kept as one number: GCRA's theoretical arrival time
 * ({@code tat}), on the database's clock, so instances need no synchronised clocks. A request is
 * allowed when {@code max(tat, now) + T <= now + period} ({@code T} = period / n, the time one
 * token takes to come back); allowing it moves {@code tat} to {@code max(tat, now) + T}. The
 * statement is an {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE}: the row is locked only while
 * that one statement runs, so checks of one hot key from any instance queue for microseconds, not
 * for round trips. A refused request writes nothing. The table is {@code UNLOGGED}: no write-ahead
 * log, so a check waits for no disk flush; after a crash of the database its buckets start full
 * again, which a rate limit can afford. A row whose {@code tat} has passed is a full bucket, no
 * different from a missing one; every instance deletes such rows every {@link #CLEANUP_INTERVAL},
 * so keys naming endless resources do not grow the table.
 */
public final class SharedRateLimiter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SharedRateLimiter.class);
  static final Duration CLEANUP_INTERVAL = Duration.ofSeconds(30);
  private static final int CLEANUP_BATCH = 10_000;

  /** Keys up to this length, of printable ASCII, are stored as they are; others as a hash. */
  private static final int PLAIN_KEY_LIMIT = 200;

  private static final String NOW_MICROS =
      "(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000)::BIGINT";

  /**
   * Parameters: key, T, T, T, T, T, T, period, key (T and period in microseconds). In the update,
   * {@code EXCLUDED.tat - T} is the statement's {@code now}. The last SELECT reads the row as it
   * was before the statement (a data-modifying CTE's siblings see the prior snapshot), which a
   * refusal needs for its Retry-After.
   */
  private static final String CHECK =
      "WITH clock AS (SELECT "
          + NOW_MICROS
          + " AS now),"
          + " taken AS ("
          + "INSERT INTO rate_limit_buckets AS b (id, tat) SELECT ?, now + ? FROM clock"
          + " ON CONFLICT (id) DO UPDATE SET tat = GREATEST(b.tat, EXCLUDED.tat - ?) + ?"
          + " WHERE GREATEST(b.tat, EXCLUDED.tat - ?) + ? <= EXCLUDED.tat - ? + ?"
          + " RETURNING b.tat)"
          + " SELECT (SELECT tat FROM taken),"
          + " (SELECT tat FROM rate_limit_buckets WHERE id = ?), now FROM clock";

  private static final String CLEANUP =
      "DELETE FROM rate_limit_buckets WHERE id IN"
          + " (SELECT id FROM rate_limit_buckets WHERE tat < "
          + NOW_MICROS
          + " LIMIT ?)";

  private final Database database;
  private final ScheduledExecutorService cleaner;

  public SharedRateLimiter(Database database) {
    this.database = database;
    this.cleaner =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "rate-limit-cleaner");
              t.setDaemon(true);
              return t;
            });
    long every = CLEANUP_INTERVAL.toMillis();
    cleaner.scheduleWithFixedDelay(this::removeFullBuckets, every, every, TimeUnit.MILLISECONDS);
  }

  /** The limiter of one API: its buckets are its own (the API's name is part of every key). */
  public RateLimiter forApi(String api) {
    return (key, limit) -> tryAcquire(api + "|" + key, limit);
  }

  private RateLimiter.Decision tryAcquire(String key, RateLimits.Limit limit) {
    // The limit is part of the key: two limits never share one bucket.
    String id = storedKey(key + "|" + limit.requests() + "/" + limit.period().toMillis());
    long period = limit.period().toNanos() / 1_000;
    long t = Math.max(1, period / limit.requests()); // one token's time, in microseconds
    return database.read(
        c -> {
          try (PreparedStatement st = c.prepareStatement(CHECK)) {
            st.setString(1, id);
            for (int i = 2; i <= 7; i++) {
              st.setLong(i, t);
            }
            st.setLong(8, period);
            st.setString(9, id);
            try (ResultSet rs = st.executeQuery()) {
              rs.next();
              rs.getLong(1);
              if (!rs.wasNull()) {
                return RateLimiter.Decision.ALLOWED;
              }
              long before = rs.getLong(2);
              boolean raced = rs.wasNull(); // the row came after this statement's snapshot
              long now = rs.getLong(3);
              // allowed again once max(tat, now') + T <= now' + period, i.e. now' >= tat + T -
              // period
              long waitMicros = raced ? t : Math.max(0, before + t - period - now);
              return new RateLimiter.Decision(false, waitMicros * 1_000);
            }
          }
        });
  }

  /**
   * The key as stored: as it is when short and plain, else a readable prefix and its SHA-256, so a
   * path parameter of any length or content (an index entry has a size limit; text may not hold
   * NUL) still gets its bucket.
   */
  static String storedKey(String key) {
    if (key.length() <= PLAIN_KEY_LIMIT && key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      return key;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      String prefix = key.substring(0, Math.min(key.indexOf('|') + 1, 40));
      return prefix + "sha256:" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  /** Deletes the rows of full buckets, a batch at a time. */
  void removeFullBuckets() {
    try {
      int deleted;
      do {
        deleted = database.read(c -> Database.execute(c, CLEANUP, CLEANUP_BATCH));
      } while (deleted == CLEANUP_BATCH);
    } catch (RuntimeException e) {
      LOG.warn("full rate-limit buckets were not removed; trying again later", e);
    }
  }

  @Override
  public void close() {
    cleaner.shutdownNow();
  }
}
