package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.apify.client.ApifyClient;
import dev.standin.apify.model.CreateTaskRequest;
import dev.standin.apify.model.Task;
import dev.standin.apify.model.TaskOptions;
import dev.standin.apify.model.UpdateTaskRequest;
import dev.standin.server.kernel.wire.RateLimits;
import dev.standin.spaaza.client.SpaazaClient;
import dev.standin.spaaza.model.TaskStateCode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server instances on one PostgreSQL database, as behind a load balancer: what one accepts the
 * other serves (Spaaza's result files and download links included), and concurrent updates through
 * both never lose each other.
 */
class SharedDatabaseTest {

  private static final SpecValidator VALIDATOR = new SpecValidator("/openapi/apify.yaml");
  private static final SpecValidator SPAAZA_VALIDATOR = new SpecValidator("/openapi/spaaza.yaml");

  @TempDir static Path dataDir;

  static ServerHarness first;
  static ServerHarness second;

  @BeforeAll
  static void startTwoInstances() {
    first = new ServerHarness(Backend.POSTGRES, dataDir, VALIDATOR);
    second = first.secondInstance();
  }

  @AfterAll
  static void stopBoth() {
    second.close();
    first.close();
  }

  @AfterEach
  void everyResponseMatchedTheSpec() {
    assertThat(VALIDATOR.drainViolations()).as("responses that do not match the spec").isEmpty();
    assertThat(SPAAZA_VALIDATOR.drainViolations())
        .as("Spaaza responses that do not match the spec")
        .isEmpty();
  }

  private static ApifyClient alice(ServerHarness instance) {
    return instance.client(ServerHarness.ALICE_TOKEN);
  }

  private static Task newTask(String name) {
    alice(first).actors().create(ConformanceTest.actorRequest().name(name + "-actor"));
    return alice(first)
        .tasks()
        .create(new CreateTaskRequest().actId("~" + name + "-actor").name(name));
  }

  private static SpaazaClient spaaza(ServerHarness instance) {
    return SpaazaClient.builder()
        .baseUrl(instance.spaazaBaseUri().toString())
        .token(ServerHarness.SPAAZA_TOKEN.tokenId(), ServerHarness.SPAAZA_TOKEN.secret())
        .httpClientBuilder(SpecValidatingHttpClient.builder(SPAAZA_VALIDATOR))
        .build();
  }

  /** GET of a download link's path and query on {@code instance}'s Spaaza port. */
  private static HttpResponse<String> download(ServerHarness instance, URI link) throws Exception {
    URI there =
        instance.spaazaBaseUri().resolve(link.getRawPath().substring(1) + "?" + link.getRawQuery());
    return SpecValidatingHttpClient.builder(SPAAZA_VALIDATOR)
        .build()
        .send(HttpRequest.newBuilder(there).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anExportRunByOneInstanceDownloadsThroughTheOther() throws Exception {
    long chain = ServerHarness.SPAAZA_TOKEN.chainId();
    var task = spaaza(first).tasks().create(SpaazaConformanceTest.newTaskRequestFor(chain));
    assertThat(spaaza(first).task(task.getId()).execute().getCode()).isEqualTo(TaskStateCode.DONE);
    URI link = spaaza(first).task(task.getId()).downloadUrl().getUrl();
    HttpResponse<String> onFirst = download(first, link);

    HttpResponse<String> onSecond = download(second, link);

    assertThat(onFirst.statusCode()).isEqualTo(200);
    assertThat(onSecond.statusCode())
        .as("the link of one instance, served by the other")
        .isEqualTo(200);
    assertThat(onSecond.body()).isEqualTo(onFirst.body()).startsWith("chain_id,");
    // and a link the second hands out, for the first's export, works on the first
    URI fromSecond = spaaza(second).task(task.getId()).downloadUrl().getUrl();
    assertThat(download(first, fromSecond).statusCode()).isEqualTo(200);

    spaaza(second).task(task.getId()).delete();
    HttpResponse<String> afterDelete = download(first, link);
    assertThat(afterDelete.statusCode()).as("the file went with its task").isEqualTo(404);
  }

  /** Two more instances on a database of their own, with these rate limits. */
  private static ServerHarness[] limitedPair(Path dir, RateLimits limits) {
    UnaryOperator<dev.standin.server.ServerConfig> configure = c -> c.withRateLimits(limits);
    ServerHarness one = new ServerHarness(Backend.POSTGRES, dir, VALIDATOR, configure);
    return new ServerHarness[] {one, one.secondInstance()};
  }

  @Test
  void theVendorsPerResourceLimitHoldsAcrossInstances(@TempDir Path dir) throws Exception {
    ServerHarness[] pair = limitedPair(dir, RateLimits.VENDOR);
    ExecutorService clients = Executors.newFixedThreadPool(16);
    try {
      alice(pair[0]).actors().create(ConformanceTest.actorRequest().name("hot-actor"));
      Task task =
          alice(pair[0]).tasks().create(new CreateTaskRequest().actId("~hot-actor").name("hot"));
      // One plain client, sending as fast as it can: the burst must fit well inside a second.
      HttpClient http = HttpClient.newHttpClient();
      List<HttpRequest> requests = new ArrayList<>();
      for (int i = 0; i < 150; i++) {
        URI instance = pair[i % 2].baseUri();
        requests.add(
            HttpRequest.newBuilder(instance.resolve("v2/actor-tasks/" + task.getId()))
                .header("Authorization", "Bearer " + ServerHarness.ALICE_TOKEN)
                .build());
      }
      // Warm both servers up on other resources first (a cold server answers slowly), so the
      // burst below takes a fraction of the period.
      List<Future<HttpResponse<String>>> warmUp = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        HttpRequest other =
            HttpRequest.newBuilder(pair[i % 2].baseUri().resolve("v2/actor-tasks/warm" + i))
                .header("Authorization", "Bearer " + ServerHarness.ALICE_TOKEN)
                .build();
        warmUp.add(clients.submit(() -> http.send(other, HttpResponse.BodyHandlers.ofString())));
      }
      for (Future<HttpResponse<String>> answer : warmUp) {
        assertThat(answer.get().statusCode()).isEqualTo(404);
      }
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      long start = System.nanoTime();
      for (HttpRequest request : requests) {
        answers.add(clients.submit(() -> http.send(request, HttpResponse.BodyHandlers.ofString())));
      }
      int allowed = 0;
      List<HttpResponse<String>> refused = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> r = answer.get();
        if (r.statusCode() == 200) {
          allowed++;
        } else {
          refused.add(r);
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;

      // 60 at once, then the bucket refills at 60 per second while the burst goes on; counted per
      // instance, each would have let 60 (and its refill) through, 120 or more in all.
      assertThat(allowed)
          .as("requests let through of 150 over %.2f s", seconds)
          .isGreaterThanOrEqualTo(60)
          .isLessThanOrEqualTo(60 + (int) Math.ceil(60 * seconds));
      assertThat(refused).isNotEmpty();
      assertThat(refused)
          .allSatisfy(
              r -> {
                assertThat(r.statusCode()).isEqualTo(429);
                assertThat(r.body()).contains("\"rate-limit-exceeded\"");
                assertThat(r.headers().allValues("X-RateLimit-Limit")).containsExactly("60");
              });
    } finally {
      clients.shutdownNow();
      pair[1].close();
      pair[0].close();
    }
  }

  @Test
  void thePerUserLimitHoldsAcrossInstances(@TempDir Path dir) {
    // Slow to refill, so the count is exact: 10 per 10 minutes, whichever instance is asked.
    RateLimits tiny =
        new RateLimits(
            new RateLimits.Limit(1_000, Duration.ofSeconds(1)),
            new RateLimits.Limit(10, Duration.ofMinutes(10)));
    ServerHarness[] pair = limitedPair(dir, tiny);
    try {
      int allowed = 0;
      for (int i = 0; i < 20; i++) {
        int status =
            pair[i % 2]
                .raw("GET", "/v2/acts/absent" + i, ServerHarness.BOB_TOKEN, null, null)
                .status();
        if (status != 429) {
          allowed++;
        }
      }
      assertThat(allowed).as("bob's requests let through by both instances together").isEqualTo(10);
      // Alice's budget is her own, on either instance.
      assertThat(pair[1].raw("GET", "/v2/acts/x", ServerHarness.ALICE_TOKEN, null, null).status())
          .isEqualTo(404);
    } finally {
      pair[1].close();
      pair[0].close();
    }
  }

  @Test
  void whatOneInstanceWritesTheOtherServes() {
    Task task = newTask("seen-by-both");
    alice(first).task(task.getId()).updateInput(Map.of("from", "first"));

    assertThat(alice(second).task("alice/seen-by-both").get()).isPresent();
    assertThat(alice(second).task(task.getId()).getInput()).contains(Map.of("from", "first"));
  }

  @Test
  void clientsSpreadOverTwoInstancesLoseNoMerge() throws Exception {
    Task task = newTask("spread-merges");
    ConcurrentMerges.runAndCheck(
        task.getId(),
        c -> (c % 2 == 0 ? first : second).unvalidatedClient(ServerHarness.ALICE_TOKEN),
        alice(second));
  }

  @Test
  void updatesOfDifferentFieldsThroughDifferentInstancesKeepBoth() throws Exception {
    Task task = newTask("two-fields");
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      for (int round = 0; round < 20; round++) {
        String title = "title-" + round;
        int memory = round % 2 == 0 ? 256 : 512;
        Future<?> titles =
            pool.submit(
                () -> alice(first).task(task.getId()).update(new UpdateTaskRequest().title(title)));
        Future<?> inputs =
            pool.submit(() -> alice(second).task(task.getId()).updateInput(Map.of("round", title)));
        Future<?> options =
            pool.submit(
                () ->
                    alice(second)
                        .task(task.getId())
                        .update(
                            new UpdateTaskRequest()
                                .options(new TaskOptions().memoryMbytes(memory))));
        titles.get();
        inputs.get();
        options.get();

        Task after = alice(first).task(task.getId()).get().orElseThrow();
        assertThat(after.getTitle()).isEqualTo(title);
        assertThat(after.getInput()).containsEntry("round", title);
        assertThat(after.getOptions().getMemoryMbytes()).isEqualTo(memory);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
