package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.apify.model.Task;
import dev.standin.apify.model.UpdateTaskRequest;
import dev.standin.conformance.ServerHarness.RawResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Entity tags and conditional updates (a server extension, ADR 0016): single resources carry an
 * ETag; a PUT with a stale If-Match is 412 and changes nothing; without If-Match nothing differs.
 */
class ConditionalWriteTest extends ConformanceTest {

  private static final String TOKEN = ServerHarness.ALICE_TOKEN;

  private static RawResponse get(String path) {
    RawResponse response = server.raw("GET", path, TOKEN, null, null);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response;
  }

  private static RawResponse put(String path, String json, Map<String, String> headers) {
    return server.raw("PUT", path, TOKEN, "application/json", json, headers);
  }

  @Test
  void singleResourcesCarryAnETagThatMovesWithEachUpdate() {
    Task task = newTask(alice);
    String taskPath = "/v2/actor-tasks/" + task.getId();

    String before = get(taskPath).etag();
    assertThat(before).startsWith("\"").endsWith("\"");
    assertThat(get(taskPath + "/input").etag()).isEqualTo(before);
    assertThat(get("/v2/acts/" + task.getActId()).etag()).isNotBlank();

    RawResponse merged = put(taskPath + "/input", "{\"a\":1}", Map.of());
    assertThat(merged.status()).isEqualTo(200);
    assertThat(merged.etag()).isNotEqualTo(before).isEqualTo(get(taskPath).etag());

    RawResponse updated = put(taskPath, "{\"title\":\"T\"}", Map.of());
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.etag()).isNotEqualTo(merged.etag()).isEqualTo(get(taskPath).etag());
  }

  @Test
  void aMatchingIfMatchOrAStarIsApplied() {
    Task task = newTask(alice);
    String taskPath = "/v2/actor-tasks/" + task.getId();

    String current = get(taskPath).etag();
    RawResponse merged =
        put(taskPath + "/input", "{\"a\":1}", Map.of("If-Match", "\"other\", " + current));
    assertThat(merged.status()).as(merged.body()).isEqualTo(200);

    RawResponse starred = put(taskPath, "{\"title\":\"T\"}", Map.of("If-Match", "*"));
    assertThat(starred.status()).as(starred.body()).isEqualTo(200);
    assertThat(alice.task(task.getId()).get().orElseThrow().getTitle()).isEqualTo("T");
  }

  @Test
  void aStaleIfMatchIs412AndChangesNothing() {
    Task task = newTask(alice);
    String taskPath = "/v2/actor-tasks/" + task.getId();
    String stale = get(taskPath).etag();
    alice.task(task.getId()).updateInput(Map.of("a", 1)); // someone else's change
    Task current = alice.task(task.getId()).get().orElseThrow();
    String currentTag = get(taskPath).etag();

    RawResponse input = put(taskPath + "/input", "{\"b\":2}", Map.of("If-Match", stale));
    assertThat(input.status()).isEqualTo(412);
    assertThat(input.errorType()).isEqualTo("precondition-failed");

    RawResponse update = put(taskPath, "{\"title\":\"lost\"}", Map.of("If-Match", stale));
    assertThat(update.status()).isEqualTo(412);
    assertThat(update.errorType()).isEqualTo("precondition-failed");

    assertError(
        failure(() -> alice.task(task.getId()).update(new UpdateTaskRequest().title("x"), stale)),
        412,
        "precondition-failed");

    assertThat(alice.task(task.getId()).get()).contains(current);
    assertThat(get(taskPath).etag()).isEqualTo(currentTag);
  }

  @Test
  void theClientCanMakeAConditionalMerge() {
    Task task = newTask(alice);
    String tag = get("/v2/actor-tasks/" + task.getId()).etag();

    assertThat(alice.task(task.getId()).updateInput(Map.of("a", 1), tag)).containsEntry("a", 1);
    assertError(
        failure(() -> alice.task(task.getId()).updateInput(Map.of("b", 2), tag)),
        412,
        "precondition-failed");
    assertThat(alice.task(task.getId()).getInput()).contains(Map.of("a", 1));
  }
}
