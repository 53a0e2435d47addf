package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.apify.model.ActorStandby;
import dev.standin.apify.model.CreateTaskRequest;
import dev.standin.apify.model.Task;
import dev.standin.apify.model.TaskOptions;
import dev.standin.apify.model.UpdateTaskRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PUT /v2/actor-tasks/{id}: present properties replace the stored ones whole. */
class TaskUpdateTest extends ConformanceTest {

  private Task fullTask() {
    String actorId = newActor(alice).getId();
    return alice
        .tasks()
        .create(
            new CreateTaskRequest()
                .actId(actorId)
                .name(uniqueName("task"))
                .title("Original title")
                .options(new TaskOptions().build("latest").memoryMbytes(1024).timeoutSecs(300L))
                .input(Map.of("a", 1, "b", 2))
                .actorStandby(new ActorStandby().isEnabled(true).memoryMbytes(256)));
  }

  @Test
  void absentPropertiesKeepTheirValues() {
    Task task = fullTask();

    Task updated = alice.task(task.getId()).update(new UpdateTaskRequest().title("New title"));

    assertThat(updated.getTitle()).isEqualTo("New title");
    assertThat(updated.getName()).isEqualTo(task.getName());
    assertThat(updated.getOptions()).isEqualTo(task.getOptions());
    assertThat(updated.getInput()).isEqualTo(task.getInput());
    assertThat(updated.getActorStandby()).isEqualTo(task.getActorStandby());
    assertThat(alice.task(task.getId()).get()).contains(updated);
  }

  @Test
  void optionsAreMergedOneLevel() {
    Task task = fullTask();

    // What the official Python client's task.update(memory_mbytes=2048) sends (ADR 0023).
    Task updated =
        alice
            .task(task.getId())
            .update(new UpdateTaskRequest().options(new TaskOptions().memoryMbytes(2048)));

    assertThat(updated.getOptions())
        .isEqualTo(new TaskOptions().build("latest").memoryMbytes(2048).timeoutSecs(300L));
    assertThat(alice.task(task.getId()).get()).contains(updated);
  }

  @Test
  void inputIsReplacedWholeNotMerged() {
    Task task = fullTask();

    Task updated =
        alice.task(task.getId()).update(new UpdateTaskRequest().input(Map.of("only", "this")));

    assertThat(updated.getInput()).isEqualTo(Map.of("only", "this"));
    assertThat(alice.task(task.getId()).getInput()).contains(Map.of("only", "this"));
  }

  @Test
  void explicitNullClearsTitleOptionsInputAndStandby() {
    Task task = fullTask();

    Task updated =
        alice
            .task(task.getId())
            .update(
                new UpdateTaskRequest().title(null).options(null).input(null).actorStandby(null));

    assertThat(updated.getTitle_JsonNullable().isPresent()).isTrue();
    assertThat(updated.getTitle()).isNull();
    assertThat(updated.getOptions()).isNull();
    assertThat(updated.getInput()).isNull();
    assertThat(updated.getActorStandby()).isNull();
    assertThat(alice.task(task.getId()).getInput()).contains(Map.of());
    assertThat(updated.getName()).isEqualTo(task.getName());
  }

  @Test
  void renameTakesEffectAndTheNewNameResolves() {
    Task task = fullTask();
    String newName = uniqueName("renamed");

    alice.task(task.getId()).update(new UpdateTaskRequest().name(newName));

    assertThat(alice.task("alice/" + newName).get().orElseThrow().getId()).isEqualTo(task.getId());
    assertThat(alice.task("alice/" + task.getName()).get()).isEmpty();
  }

  @Test
  void readOnlyAndUnknownPropertiesAreIgnored() {
    Task task = fullTask();
    String body =
        """
        {"id": "AAAAAAAAAAAAAAAAA", "userId": "BBBBBBBBBBBBBBBBB", "actId": "CCCCCCCCCCCCCCCCC",
         "username": "mallory", "createdAt": "2000-01-01T00:00:00.000Z",
         "modifiedAt": "2000-01-01T00:00:00.000Z", "stats": {"totalRuns": 99},
         "removedAt": "2000-01-01T00:00:00.000Z", "standbyUrl": "https://example.com",
         "someFutureField": {"x": 1}, "title": "Only this changes"}
        """;

    ServerHarness.RawResponse response =
        server.rawJson("PUT", "/v2/actor-tasks/" + task.getId(), ServerHarness.ALICE_TOKEN, body);

    assertThat(response.status()).isEqualTo(200);
    Task after = alice.task(task.getId()).get().orElseThrow();
    assertThat(after.getTitle()).isEqualTo("Only this changes");
    assertThat(after.getId()).isEqualTo(task.getId());
    assertThat(after.getUserId()).isEqualTo(task.getUserId());
    assertThat(after.getActId()).isEqualTo(task.getActId());
    assertThat(after.getUsername()).isEqualTo("alice");
    assertThat(after.getCreatedAt()).isEqualTo(task.getCreatedAt());
    assertThat(after.getModifiedAt()).isAfter(task.getModifiedAt());
    assertThat(after.getStats().getTotalRuns()).isZero();
    assertThat(after.getRemovedAt()).isNull();
    assertThat(response.json().path("data").has("someFutureField")).isFalse();
  }

  @Test
  void everyAcceptedUpdateMovesModifiedAt() {
    Task task = fullTask();

    Task first = alice.task(task.getId()).update(new UpdateTaskRequest().title("1"));
    Task second = alice.task(task.getId()).update(new UpdateTaskRequest().title("2"));

    assertThat(first.getModifiedAt()).isAfter(task.getModifiedAt());
    assertThat(second.getModifiedAt()).isAfter(first.getModifiedAt());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ab", "-leading", "trailing-", "has space", "under_score", "ünïcode"})
  void invalidNamesAreRejectedAndChangeNothing(String badName) {
    Task task = fullTask();

    assertError(
        failure(
            () ->
                alice.task(task.getId()).update(new UpdateTaskRequest().name(badName).title("x"))),
        400,
        "invalid-value");

    assertThat(alice.task(task.getId()).get()).contains(task);
  }

  @Test
  void namesOfSixtyThreeCharactersAreAcceptedSixtyFourAreNot() {
    Task task = fullTask();
    String longest = "a" + "b".repeat(61) + "c";

    assertThat(alice.task(task.getId()).update(new UpdateTaskRequest().name(longest)).getName())
        .isEqualTo(longest);
    assertError(
        failure(() -> alice.task(task.getId()).update(new UpdateTaskRequest().name(longest + "d"))),
        400,
        "invalid-value");
  }

  @Test
  void aNameTakenByAnotherOfTheUsersTasksIsAConflict() {
    Task first = fullTask();
    Task second = fullTask();

    assertError(
        failure(
            () ->
                alice
                    .task(second.getId())
                    .update(new UpdateTaskRequest().name(first.getName()).title("changed"))),
        409,
        "actor-task-name-not-unique");

    assertThat(alice.task(second.getId()).get()).contains(second);
  }

  @Test
  void anotherUserMayUseTheSameName() {
    Task alicesTask = fullTask();
    Task bobsTask = newTask(bob);

    Task renamed =
        bob.task(bobsTask.getId()).update(new UpdateTaskRequest().name(alicesTask.getName()));

    assertThat(renamed.getName()).isEqualTo(alicesTask.getName());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 64, 100, 129, 1000, 65536, -128})
  void memoryMustBeAPowerOfTwoBetween128And32768(int memory) {
    Task task = fullTask();

    assertError(
        failure(
            () ->
                alice
                    .task(task.getId())
                    .update(
                        new UpdateTaskRequest().options(new TaskOptions().memoryMbytes(memory)))),
        400,
        "invalid-value");
    assertThat(alice.task(task.getId()).get()).contains(task);
  }

  @ParameterizedTest
  @ValueSource(ints = {128, 256, 1024, 32768})
  void validMemorySizesAreAccepted(int memory) {
    Task task = fullTask();

    Task updated =
        alice
            .task(task.getId())
            .update(new UpdateTaskRequest().options(new TaskOptions().memoryMbytes(memory)));

    assertThat(updated.getOptions().getMemoryMbytes()).isEqualTo(memory);
  }

  @Test
  void negativeTimeoutIsRejected() {
    Task task = fullTask();

    assertError(
        failure(
            () ->
                alice
                    .task(task.getId())
                    .update(new UpdateTaskRequest().options(new TaskOptions().timeoutSecs(-1L)))),
        400,
        "invalid-value");
  }

  @Test
  void wrongTypesAreA400NamingTheField() {
    Task task = fullTask();
    for (String body :
        List.of(
            "{\"options\": \"fast\"}",
            "{\"options\": {\"memoryMbytes\": \"lots\"}}",
            "{\"options\": {\"memoryMbytes\": 1.5}}",
            "{\"title\": {\"nested\": true}}",
            "{\"input\": [1, 2]}",
            "[]")) {
      ServerHarness.RawResponse response =
          server.rawJson("PUT", "/v2/actor-tasks/" + task.getId(), ServerHarness.ALICE_TOKEN, body);
      assertThat(response.status()).as(body).isEqualTo(400);
      assertThat(response.errorType()).as(body).isEqualTo("invalid-input");
    }
    ServerHarness.RawResponse nested =
        server.rawJson(
            "PUT",
            "/v2/actor-tasks/" + task.getId(),
            ServerHarness.ALICE_TOKEN,
            "{\"options\": {\"memoryMbytes\": \"lots\"}}");
    assertThat(nested.json().path("error").path("message").asText())
        .contains("options.memoryMbytes");
    assertThat(alice.task(task.getId()).get()).contains(task);
  }

  @Test
  void aSettingSentAsNullIsClearedAndStandbyMergesLikeOptions() {
    Task task = fullTask();
    String path = "/v2/actor-tasks/" + task.getId();

    ServerHarness.RawResponse answer =
        server.rawJson(
            "PUT",
            path,
            ServerHarness.ALICE_TOKEN,
            "{\"options\": {\"build\": null, \"maxItems\": 10},"
                + " \"actorStandby\": {\"idleTimeoutSecs\": 60, \"isEnabled\": null}}");

    assertThat(answer.status()).isEqualTo(200);
    Task updated = alice.task(task.getId()).get().orElseThrow();
    assertThat(updated.getOptions().getBuild()).isNull();
    assertThat(updated.getOptions().getMaxItems()).isEqualTo(10L);
    assertThat(updated.getOptions().getMemoryMbytes()).isEqualTo(1024);
    assertThat(updated.getOptions().getTimeoutSecs()).isEqualTo(300L);
    assertThat(updated.getActorStandby().getIdleTimeoutSecs()).isEqualTo(60);
    assertThat(updated.getActorStandby().getIsEnabled()).isNull();
    assertThat(updated.getActorStandby().getMemoryMbytes()).isEqualTo(256);
    assertThat(updated.getModifiedAt()).isAfter(task.getModifiedAt());
  }

  @Test
  void valuesOfTheWrongJsonTypeAreNotCoercedAndChangeNothing() {
    Task task = fullTask();
    for (String body :
        List.of(
            "{\"name\": 123}",
            "{\"title\": true}",
            "{\"options\": {\"memoryMbytes\": \"1024\"}}",
            "{\"options\": {\"timeoutSecs\": \"60\"}}",
            "{\"options\": {\"restartOnError\": \"true\"}}",
            "{\"options\": {\"build\": 1}}",
            "{\"actorStandby\": {\"isEnabled\": 1}}")) {
      ServerHarness.RawResponse response =
          server.rawJson("PUT", "/v2/actor-tasks/" + task.getId(), ServerHarness.ALICE_TOKEN, body);
      assertThat(response.status()).as(body).isEqualTo(400);
      assertThat(response.errorType()).as(body).isEqualTo("invalid-input");
      String field = body.substring(2, body.indexOf('"', 2));
      assertThat(response.json().path("error").path("message").asText()).as(body).contains(field);
    }
    assertThat(alice.task(task.getId()).get()).contains(task);
  }
}
