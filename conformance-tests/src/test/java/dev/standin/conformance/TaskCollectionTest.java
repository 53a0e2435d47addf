package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.apify.model.Actor;
import dev.standin.apify.model.CreateTaskRequest;
import dev.standin.apify.model.ListOfTasks;
import dev.standin.apify.model.Task;
import dev.standin.apify.model.TaskOptions;
import dev.standin.apify.model.TaskShort;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST and GET /v2/actor-tasks. Uses bob's account only, so the listing is predictable. */
class TaskCollectionTest extends ConformanceTest {

  @Test
  void createAnswers201WithLocationAndTheWholeTask() {
    Actor actor = newActor(alice);
    String name = uniqueName("created");

    ServerHarness.RawResponse response =
        server.rawJson(
            "POST",
            "/v2/actor-tasks",
            ServerHarness.ALICE_TOKEN,
            "{\"actId\": \""
                + actor.getId()
                + "\", \"name\": \""
                + name
                + "\", \"input\": {\"q\": 1}}");

    assertThat(response.status()).isEqualTo(201);
    String id = response.json().path("data").path("id").asText();
    assertThat(id).matches("[a-zA-Z0-9]{17}");
    assertThat(response.headers().get("Location").get(0)).endsWith("/v2/actor-tasks/" + id);
    Task task = alice.task(id).get().orElseThrow();
    assertThat(task.getName()).isEqualTo(name);
    assertThat(task.getActId()).isEqualTo(actor.getId());
    assertThat(task.getUsername()).isEqualTo("alice");
    assertThat(task.getInput()).isEqualTo(Map.of("q", 1));
    assertThat(task.getCreatedAt()).isEqualTo(task.getModifiedAt());
    assertThat(task.getStats().getTotalRuns()).isZero();
  }

  @Test
  void theActorMayBeNamedByUsernameTildeName() {
    Actor actor = newActor(alice);

    Task task =
        alice
            .tasks()
            .create(
                new CreateTaskRequest().actId("alice~" + actor.getName()).name(uniqueName("t")));

    assertThat(task.getActId()).isEqualTo(actor.getId());
  }

  @Test
  void withoutANameTheTaskIsNamedAfterItsActor() {
    Actor actor = newActor(alice);

    Task first = alice.tasks().create(new CreateTaskRequest().actId(actor.getId()));
    Task second = alice.tasks().create(new CreateTaskRequest().actId(actor.getId()));

    assertThat(first.getName()).isEqualTo(actor.getName() + "-task");
    assertThat(second.getName()).isEqualTo(actor.getName() + "-task-2");
  }

  @Test
  void createRejectsBadInputAndStoresNothing() {
    Actor actor = newActor(alice);
    long before = alice.tasks().list().getTotal();

    assertError(
        failure(() -> alice.tasks().create(new CreateTaskRequest().actId(actor.getId()).name("x"))),
        400,
        "invalid-value");
    assertError(
        failure(
            () ->
                alice
                    .tasks()
                    .create(
                        new CreateTaskRequest()
                            .actId(actor.getId())
                            .options(new TaskOptions().memoryMbytes(300)))),
        400,
        "invalid-value");
    assertError(
        failure(() -> alice.tasks().create(new CreateTaskRequest().actId("AAAAAAAAAAAAAAAAA"))),
        404,
        "record-not-found");
    Task existing = newTask(alice);
    assertError(
        failure(
            () ->
                alice
                    .tasks()
                    .create(new CreateTaskRequest().actId(actor.getId()).name(existing.getName()))),
        409,
        "actor-task-name-not-unique");
    ServerHarness.RawResponse noActor =
        server.rawJson("POST", "/v2/actor-tasks", ServerHarness.ALICE_TOKEN, "{\"name\": \"abc\"}");
    assertThat(noActor.status()).isEqualTo(400);

    assertThat(alice.tasks().list().getTotal()).isEqualTo(before + 1);
  }

  @Test
  void aTaskOfSomeoneElsesPrivateActorIs403() {
    Actor alicesActor = newActor(alice);

    assertError(
        failure(() -> bob.tasks().create(new CreateTaskRequest().actId(alicesActor.getId()))),
        403,
        "insufficient-permissions");
  }

  @Test
  void aTaskOfSomeoneElsesPublicActorIsAllowed() {
    Actor publicActor =
        alice
            .actors()
            .create(
                actorRequest()
                    .name(uniqueName("public"))
                    .isPublic(true)
                    .title("Public")
                    .categories(List.of("DEVELOPER_TOOLS")));

    Task task =
        bob.tasks()
            .create(new CreateTaskRequest().actId(publicActor.getId()).name(uniqueName("t")));

    assertThat(task.getUserId()).isNotEqualTo(publicActor.getUserId());
    assertThat(bob.tasks().list().getItems()).extracting(TaskShort::getId).contains(task.getId());
  }

  @Test
  void listPagesInCreationOrderAndReportsTheTotals() {
    List<String> ids = new java.util.ArrayList<>();
    Actor actor = newActor(bob);
    long already = bob.tasks().list().getTotal();
    for (int i = 0; i < 5; i++) {
      ids.add(
          bob.tasks()
              .create(new CreateTaskRequest().actId(actor.getId()).name(uniqueName("p")))
              .getId());
    }

    ListOfTasks all = bob.tasks().list();
    assertThat(all.getTotal()).isEqualTo(already + 5);
    assertThat(all.getItems()).extracting(TaskShort::getId).endsWith(ids.toArray(String[]::new));
    TaskShort last = all.getItems().get(all.getItems().size() - 1);
    assertThat(last.getActName()).isEqualTo(actor.getName());
    assertThat(last.getUsername()).isEqualTo("bob");

    ListOfTasks page = bob.tasks().list(already + 1, 2, false);
    assertThat(page.getOffset()).isEqualTo(already + 1);
    assertThat(page.getLimit()).isEqualTo(2);
    assertThat(page.getCount()).isEqualTo(2);
    assertThat(page.getDesc()).isFalse();
    assertThat(page.getItems())
        .extracting(TaskShort::getId)
        .containsExactly(ids.get(1), ids.get(2));

    ListOfTasks newestFirst = bob.tasks().list(0L, 2, true);
    assertThat(newestFirst.getDesc()).isTrue();
    assertThat(newestFirst.getItems())
        .extracting(TaskShort::getId)
        .containsExactly(ids.get(4), ids.get(3));

    ListOfTasks beyond = bob.tasks().list(already + 100, 10, false);
    assertThat(beyond.getCount()).isZero();
    assertThat(beyond.getItems()).isEmpty();
  }

  @Test
  void limitAboveTheMaximumIsServedAsTheMaximum() {
    assertThat(bob.tasks().list(0L, 5000, false).getLimit()).isEqualTo(1000);
  }

  @Test
  void descAcceptsOneAndRejectsGarbage() {
    ServerHarness.RawResponse one =
        server.raw("GET", "/v2/actor-tasks?desc=1&limit=1", ServerHarness.BOB_TOKEN, null, null);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().path("data").path("desc").asBoolean()).isTrue();

    for (String query : List.of("desc=maybe", "limit=0", "limit=abc", "offset=-1")) {
      ServerHarness.RawResponse bad =
          server.raw("GET", "/v2/actor-tasks?" + query, ServerHarness.BOB_TOKEN, null, null);
      assertThat(bad.status()).as(query).isEqualTo(400);
      assertThat(bad.errorType()).as(query).isEqualTo("invalid-parameter");
    }
  }

  @Test
  void theListShowsOnlyTheCallersTasks() {
    Task alicesTask = newTask(alice);

    assertThat(bob.tasks().list().getItems())
        .extracting(TaskShort::getId)
        .doesNotContain(alicesTask.getId());
  }
}
