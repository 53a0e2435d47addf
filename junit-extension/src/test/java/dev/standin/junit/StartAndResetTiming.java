package dev.standin.junit;

import dev.standin.server.ServerConfig;
import dev.standin.server.StandinServer;
import dev.standin.server.StateConfig;
import dev.standin.server.kernel.state.SeedMode;
import dev.standin.server.kernel.store.DatabaseConfig;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Measures what {@link StandinTest} costs (BENCHMARKS.md): a server start as the extension does it
 * (seed {@code standin-seed.json}, in memory or SQLite), cold (the JVM's first) and warm (later
 * starts in the same JVM, as the second and later test classes of a run see it), and a reset to the
 * seed after a few writes, as before each test. Not a test: run it with
 *
 * <pre>
 * mvn -B -o -q -pl junit-extension test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.standin.junit.StartAndResetTiming
 * </pre>
 */
public final class StartAndResetTiming {

  public static void main(String[] args) throws Exception {
    byte[] seed;
    try (InputStream in =
        StartAndResetTiming.class.getClassLoader().getResourceAsStream("standin-seed.json")) {
      seed = in.readAllBytes();
    }
    for (String store : new String[] {"memory", "sqlite"}) {
      double[] starts = new double[11];
      double[] resets = new double[200];
      for (int i = 0; i < starts.length; i++) {
        Path dir = Files.createTempDirectory("standin-timing-");
        ServerConfig config = ServerConfig.forDataDir(dir);
        if (store.equals("memory")) {
          config = config.withDatabase(DatabaseConfig.memory());
        }
        config =
            config.withState(
                StateConfig.NONE.withSeed("seed", seed, SeedMode.REPLACE).withAdmin(null));
        long t0 = System.nanoTime();
        try (StandinServer server = StandinServer.start(config)) {
          starts[i] = (System.nanoTime() - t0) / 1e6;
          if (i == starts.length - 1) {
            var alice =
                dev.standin.apify.client.ApifyClient.builder()
                    .baseUrl(server.baseUri().toString())
                    .token("apify_api_seededAliceToken0000000000000001")
                    .build();
            for (int r = 0; r < resets.length; r++) {
              alice.task("~nightly-crawl").updateInput(Map.of("k" + r, r));
              long r0 = System.nanoTime();
              server.state().reset(true, null, null);
              resets[r] = (System.nanoTime() - r0) / 1e6;
            }
          }
        }
      }
      double[] warm = Arrays.copyOfRange(starts, 1, starts.length);
      double[] warmResets = Arrays.copyOfRange(resets, 50, resets.length);
      System.out.printf(
          "%s: first start %.0f ms; warm starts median %.0f ms (max %.0f); resets (after 50"
              + " warm-up) median %.1f ms, p95 %.1f ms, max %.1f ms%n",
          store,
          starts[0],
          median(warm),
          Arrays.stream(warm).max().orElse(0),
          median(warmResets),
          percentile(warmResets, 0.95),
          Arrays.stream(warmResets).max().orElse(0));
    }
  }

  private static double median(double[] values) {
    return percentile(values, 0.5);
  }

  private static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
  }
}
