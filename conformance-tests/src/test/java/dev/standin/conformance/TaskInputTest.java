package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.standin.apify.model.CreateTaskRequest;
import dev.standin.apify.model.Task;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PUT /v2/actor-tasks/{id}/input: a one-level merge, answered with the whole input. */
class TaskInputTest extends ConformanceTest {

  private Task taskWithInput(Map<String, Object> input) {
    String actorId = newActor(alice).getId();
    return alice
        .tasks()
        .create(new CreateTaskRequest().actId(actorId).name(uniqueName("task")).input(input));
  }

  @Test
  void presentPropertiesReplaceAbsentOnesStay() {
    Task task = taskWithInput(Map.of("keep", "old", "change", "old"));

    Map<String, Object> merged =
        alice.task(task.getId()).updateInput(Map.of("change", "new", "add", 3));

    assertThat(merged).containsOnly(entry("keep", "old"), entry("change", "new"), entry("add", 3));
    assertThat(alice.task(task.getId()).getInput()).contains(merged);
  }

  @Test
  void nestedObjectsAndArraysAreReplacedWhole() {
    Task task = taskWithInput(Map.of("nested", Map.of("a", 1, "b", 2), "list", List.of(1, 2, 3)));

    Map<String, Object> merged =
        alice.task(task.getId()).updateInput(Map.of("nested", Map.of("c", 3), "list", List.of(9)));

    assertThat(merged).containsEntry("nested", Map.of("c", 3)).containsEntry("list", List.of(9));
  }

  @Test
  void explicitNullIsStoredAsNull() {
    Task task = taskWithInput(Map.of("gone", "value", "other", 1));
    Map<String, Object> patch = new HashMap<>();
    patch.put("gone", null);

    Map<String, Object> merged = alice.task(task.getId()).updateInput(patch);

    assertThat(merged).containsEntry("gone", null).containsEntry("other", 1).hasSize(2);
    assertThat(alice.task(task.getId()).getInput().orElseThrow()).containsEntry("gone", null);
  }

  @Test
  void aTaskWithoutInputHasAnEmptyObjectAndMergesIntoIt() {
    Task task = newTask(alice);

    assertThat(alice.task(task.getId()).getInput()).contains(Map.of());
    assertThat(alice.task(task.getId()).updateInput(Map.of("first", true)))
        .containsExactly(entry("first", true));
  }

  @Test
  void anEmptyObjectChangesNothing() {
    Task task = taskWithInput(Map.of("a", 1));

    assertThat(alice.task(task.getId()).updateInput(Map.of())).containsExactly(entry("a", 1));
  }

  @Test
  void theAnswerIsTheInputItselfNotWrappedInData() {
    Task task = taskWithInput(Map.of("data", "is just a key here"));

    ServerHarness.RawResponse response =
        server.rawJson(
            "PUT",
            "/v2/actor-tasks/" + task.getId() + "/input",
            ServerHarness.ALICE_TOKEN,
            "{\"x\":1}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("data").asText()).isEqualTo("is just a key here");
    assertThat(response.json().get("x").asInt()).isEqualTo(1);
  }

  @Test
  void aBodyThatIsNotAJsonObjectIsRejectedAndChangesNothing() {
    Task task = taskWithInput(Map.of("a", 1));
    String path = "/v2/actor-tasks/" + task.getId() + "/input";

    for (String body : List.of("[1,2]", "\"text\"", "42", "null", "true", "{\"unclosed\": ", "")) {
      ServerHarness.RawResponse response =
          server.rawJson("PUT", path, ServerHarness.ALICE_TOKEN, body);
      assertThat(response.status()).as("status for body %s", body).isEqualTo(400);
      assertThat(response.errorType()).as("type for body %s", body).isEqualTo("invalid-input");
    }
    assertThat(alice.task(task.getId()).getInput()).contains(Map.of("a", 1));
  }

  @Test
  void mergingMovesModifiedAt() {
    Task task = newTask(alice);

    alice.task(task.getId()).updateInput(Map.of("a", 1));

    assertThat(alice.task(task.getId()).get().orElseThrow().getModifiedAt())
        .isAfter(task.getModifiedAt());
  }

  @Test
  void largeAndUnicodeValuesRoundTrip() {
    Task task = newTask(alice);
    Map<String, Object> patch = new LinkedHashMap<>();
    patch.put("emoji", "žluťoučký kůň 🐎");
    patch.put("big", 12345678901234L);
    patch.put("decimal", 0.125);
    patch.put("long", "x".repeat(100_000));

    assertThat(alice.task(task.getId()).updateInput(patch)).isEqualTo(patch);
  }
}
