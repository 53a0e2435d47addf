package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.apify.model.Task;
import dev.standin.apify.model.TaskOptions;
import dev.standin.apify.model.UpdateTaskRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Concurrent partial updates of one task never lose each other's changes. */
class ConcurrencyTest extends ConformanceTest {

  @Test
  void manyClientsMergingDistinctKeysIntoOneInputLoseNothing() throws Exception {
    Task task = newTask(alice);
    int clients = 16;
    int mergesEach = 25;

    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        done.add(
            pool.submit(
                () -> {
                  var own = server.client(ServerHarness.ALICE_TOKEN);
                  for (int i = 0; i < mergesEach; i++) {
                    own.task(task.getId()).updateInput(Map.of("k-" + client + "-" + i, i));
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    Map<String, Object> input = alice.task(task.getId()).getInput().orElseThrow();
    assertThat(input).hasSize(clients * mergesEach);
    for (int c = 0; c < clients; c++) {
      for (int i = 0; i < mergesEach; i++) {
        assertThat(input).containsEntry("k-" + c + "-" + i, i);
      }
    }
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
