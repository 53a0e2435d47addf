package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.apify.client.ApifyClient;
import dev.standin.apify.model.CreateTaskRequest;
import dev.standin.apify.model.Task;
import dev.standin.apify.model.TaskOptions;
import dev.standin.apify.model.UpdateTaskRequest;
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
 * other serves, and concurrent updates through both never lose each other.
 */
class SharedDatabaseTest {

  private static final SpecValidator VALIDATOR = new SpecValidator("/openapi/apify.yaml");

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
