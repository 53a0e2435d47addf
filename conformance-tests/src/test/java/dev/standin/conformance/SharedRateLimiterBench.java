package dev.standin.conformance;

import dev.standin.server.ServerConfig;
import dev.standin.server.StandinServer;
import dev.standin.server.apify.auth.UserToken;
import dev.standin.server.kernel.store.Database;
import dev.standin.server.kernel.store.DatabaseConfig;
import dev.standin.server.kernel.wire.LocalRateLimiter;
import dev.standin.server.kernel.wire.RateLimiter;
import dev.standin.server.kernel.wire.RateLimits;
import dev.standin.server.kernel.wire.SharedRateLimiter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the rate limiter shared on PostgreSQL costs, against the in-memory one (BENCHMARKS.md). Not
 * part of the build: {@code mvn -B -o verify -pl conformance-tests -am
 * -Dtest=SharedRateLimiterBench -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false -DskipITs
 * -Djib.skip=true -Dcds.skip=true}; it prints its figures.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class SharedRateLimiterBench {

  private static final RateLimits.Limit HIGH =
      new RateLimits.Limit(1_000_000, Duration.ofSeconds(1));
  private static final String TOKEN = "apify_api_benchBenchBenchBenchBenchBench01";

  @TempDir Path dir;

  @Test
  void limiterChecksAndRequests() throws Exception {
    DatabaseConfig pg = TestPostgres.shared().newDatabase();
    try (Database db = Database.open(dir.resolve("db"), pg);
        SharedRateLimiter shared = new SharedRateLimiter(db)) {
      RateLimiter local = new LocalRateLimiter(Duration.ofMinutes(1));
      RateLimiter onPg = shared.forApi("bench");
      for (int r = 0; r < 2; r++) { // the first round warms up
        int round = r;
        report("in memory, one hot key", 1, checks(local, 1, 200_000, i -> "hot"));
        report("in memory, 8 threads, one hot key", 8, checks(local, 8, 200_000, i -> "hot"));
        report("PostgreSQL, one hot key", 1, checks(onPg, 1, 5_000, i -> "hot"));
        report("PostgreSQL, a new key each", 1, checks(onPg, 1, 5_000, i -> "k" + round + i));
        report("PostgreSQL, 8 threads, one hot key", 8, checks(onPg, 8, 10_000, i -> "hot"));
        report("PostgreSQL, 8 threads, a key each", 8, checks(onPg, 8, 10_000, i -> "t" + (i % 8)));
      }
    }
    for (int round = 0; round < 2; round++) {
      for (RateLimits.Scope scope : RateLimits.Scope.values()) {
        report("GET /v2/actor-tasks/x, 8 connections, limits " + scope, 8, requests(scope));
      }
    }
  }

  /** Nanoseconds per check, {@code threads} checking together. */
  private static double checks(RateLimiter limiter, int threads, int total, IntFunction<String> key)
      throws Exception {
    return timed(
        threads,
        total,
        i -> {
          limiter.tryAcquire(key.apply(i), HIGH);
          return null;
        });
  }

  /** Nanoseconds per request (wall time over all of them), 8 connections, 20 000 GETs (404). */
  private double requests(RateLimits.Scope scope) throws Exception {
    ServerConfig config =
        ServerConfig.forDataDir(dir.resolve("server-" + scope))
            .withDatabase(TestPostgres.shared().newDatabase())
            .withUsers(List.of(new UserToken("bench", TOKEN)))
            .withRateLimits(new RateLimits(HIGH, HIGH, scope));
    try (StandinServer server = StandinServer.start(config)) {
      HttpClient http = HttpClient.newHttpClient();
      URI uri = server.baseUri().resolve("v2/actor-tasks/x");
      HttpRequest get =
          HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + TOKEN).build();
      IntFunction<Void> one =
          i -> {
            try {
              http.send(get, HttpResponse.BodyHandlers.discarding());
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
            return null;
          };
      timed(8, 5_000, one); // warm-up
      return timed(8, 20_000, one);
    }
  }

  private static double timed(int threads, int total, IntFunction<Void> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      long start = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        int offset = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = offset; i < total; i += threads) {
                    work.apply(i);
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      return (System.nanoTime() - start) / (double) total;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void report(String what, int threads, double nanos) {
    System.out.printf(
        Locale.ROOT, "BENCH %-58s %8.1f µs each, %9.0f /s%n", what, nanos / 1_000, 1e9 / nanos);
  }
}
