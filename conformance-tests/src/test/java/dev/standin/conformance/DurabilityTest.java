package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.apify.client.ApifyClient;
import dev.standin.apify.model.CreateTaskRequest;
import dev.standin.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The server as its own process, killed with SIGKILL while clients are still writing: every write
 * it acknowledged with a 200 must be there when it starts again: the embedded store (PostgreSQL:
 * {@link PostgresDurabilityTest}).
 */
class DurabilityTest {

  private static final String TOKEN = "apify_api_durableDurableDurableDurable01";
  private static final int WRITERS = 8;

  /** Acknowledged writes to wait for before the kill (the writers keep going meanwhile). */
  private static final int ACKNOWLEDGED_BEFORE_KILL = 200;

  @TempDir Path dataDir;

  private static ServerProcess startServer(ServerConfig config) throws IOException {
    List<String> options =
        new ArrayList<>(
            List.of(
                "--data-dir",
                config.dataDir().toString(),
                "--user",
                "dora:" + TOKEN,
                // Many writers on one task: the vendor's 60 requests/s per resource would throttle
                // the load this test needs (the limiter has its own test).
                "--rate-limit-per-resource",
                "1000000"));
    if (config.database() != null) {
      options.addAll(
          List.of(
              "--database-url",
              config.database().url(),
              "--database-user",
              config.database().user()));
    }
    return ServerProcess.start(options);
  }

  private static ApifyClient client(ServerProcess server) {
    return ApifyClient.builder().baseUrl(server.apifyUrl()).token(TOKEN).build();
  }

  @ParameterizedTest
  @EnumSource(
      value = Backend.class,
      // The in-memory store promises nothing after a kill; PostgreSQL's kill -9 is
      // PostgresDurabilityTest's (two instances under load, one killed, then the database).
      names = {"SQLITE"})
  void everyAcknowledgedWriteSurvivesKillDashNineUnderLoad(Backend backend) throws Exception {
    ServerConfig config = backend.newConfig(dataDir);
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();

    ServerProcess first = startServer(config);
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    try {
      ApifyClient setup = client(first);
      setup.actors().create(ConformanceTest.actorRequest().name("durable-actor"));
      setup.tasks().create(new CreateTaskRequest().actId("~durable-actor").name("durable-task"));
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.submit(
            () -> {
              // No retries: after the kill a retrying client would wait out its whole backoff
              // (minutes) against a dead port before this writer could stop.
              ApifyClient own =
                  ApifyClient.builder()
                      .baseUrl(first.apifyUrl())
                      .token(TOKEN)
                      .retries(0, Duration.ofMillis(1))
                      .build();
              for (int i = 0; ; i++) {
                String key = "w-" + writer + "-" + i;
                try {
                  own.task("~durable-task").updateInput(Map.of(key, i));
                } catch (RuntimeException serverGone) {
                  return; // killed: this write may or may not have landed; it was not acknowledged
                }
                acknowledged.add(key); // only after the 200 arrived
              }
            });
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    } finally {
      first.kill(); // while the writers are mid-request
      writers.shutdown();
      writers.awaitTermination(60, TimeUnit.SECONDS);
    }
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);

    ServerProcess second = startServer(config);
    try {
      Map<String, Object> input = client(second).task("dora/durable-task").getInput().orElseThrow();
      assertThat(input.keySet()).containsAll(acknowledged);
    } finally {
      second.kill();
    }
  }
}
