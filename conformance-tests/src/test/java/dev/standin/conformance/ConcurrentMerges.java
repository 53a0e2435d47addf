package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.apify.client.ApifyClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * The lost-update check: many clients at once each merge their own distinct keys into one task's
 * input; afterwards every key must be there.
 */
final class ConcurrentMerges {

  /**
   * 64 clients at once keep every merge racing with others; 25 merges each (1 600 keys in the end)
   * give each client many races while keeping the cost in check: every merge rewrites the whole,
   * growing input, so the work grows with the square of the merges (64 × 100 took minutes per
   * backend and proved nothing more).
   */
  static final int CLIENTS = 64;

  static final int MERGES_EACH = 25;

  private ConcurrentMerges() {}

  /**
   * @param clientFor the client of client number {@code c} (each its own connection pool; spread
   *     over several servers to test instances sharing one database)
   * @param checker a client (validating every response) that reads the result
   */
  static void runAndCheck(String taskId, IntFunction<ApifyClient> clientFor, ApifyClient checker)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        done.add(
            pool.submit(
                () -> {
                  ApifyClient own = clientFor.apply(client);
                  for (int i = 0; i < MERGES_EACH; i++) {
                    own.task(taskId).updateInput(Map.of(key(client, i), i));
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

    Map<String, Object> input = checker.task(taskId).getInput().orElseThrow();
    assertThat(input).hasSize(CLIENTS * MERGES_EACH);
    for (int c = 0; c < CLIENTS; c++) {
      for (int i = 0; i < MERGES_EACH; i++) {
        assertThat(input).containsEntry(key(c, i), i);
      }
    }
  }

  private static String key(int client, int merge) {
    return "k-" + client + "-" + merge;
  }
}
