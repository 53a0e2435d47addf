package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.apify.client.ApifyClient;
import dev.standin.apify.model.CreateTaskRequest;
import dev.standin.apify.model.Task;
import dev.standin.apify.model.TaskOptions;
import dev.standin.apify.model.UpdateTaskRequest;
import dev.standin.spaaza.client.SpaazaClient;
import dev.standin.spaaza.model.TaskStateCode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
