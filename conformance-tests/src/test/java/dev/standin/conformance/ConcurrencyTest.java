package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.apify.model.Task;
import dev.standin.apify.model.TaskOptions;
import dev.standin.apify.model.UpdateTaskRequest;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Concurrent partial updates of one task never lose each other's changes: 64 clients × 25 merges of
 * distinct keys into one input, on each backend.
 */
class ConcurrencyTest extends ConformanceTest {

  @Test
  void manyClientsMergingDistinctKeysIntoOneInputLoseNothing() throws Exception {
    Task task = newTask(alice);
    ConcurrentMerges.runAndCheck(
        task.getId(), c -> server.unvalidatedClient(ServerHarness.ALICE_TOKEN), alice);
  }

  @Test
  void concurrentUpdatesOfDifferentTaskFieldsKeepBoth() throws Exception {
    Task task = newTask(alice);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 20; round++) {
        String title = "title-" + round;
        int memory = round % 2 == 0 ? 256 : 512;
        Future<?> titles =
            pool.submit(
                () -> alice.task(task.getId()).update(new UpdateTaskRequest().title(title)));
        Future<?> inputs =
            pool.submit(() -> alice.task(task.getId()).updateInput(Map.of("round", title)));
        titles.get();
        inputs.get();
        alice
            .task(task.getId())
            .update(new UpdateTaskRequest().options(new TaskOptions().memoryMbytes(memory)));

        Task after = alice.task(task.getId()).get().orElseThrow();
        assertThat(after.getTitle()).isEqualTo(title);
        assertThat(after.getInput()).containsEntry("round", title);
        assertThat(after.getOptions().getMemoryMbytes()).isEqualTo(memory);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
