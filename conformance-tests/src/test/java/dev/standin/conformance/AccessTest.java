package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.apify.client.ApifyClient;
import dev.standin.apify.model.Task;
import dev.standin.apify.model.UpdateTaskRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Authentication, the three ID forms, and who may touch whose task. */
class AccessTest extends ConformanceTest {

  @Test
  void aTaskIsReachableByIdByUsernameTildeNameByTildeNameAndBySlash() {
    Task task = newTask(alice);

    for (String id :
        List.of(
            task.getId(),
            "alice~" + task.getName(),
            "~" + task.getName(),
            "alice/" + task.getName())) {
      assertThat(alice.task(id).get()).as(id).map(Task::getId).contains(task.getId());
      assertThat(alice.task(id).updateInput(Map.of("via", id))).containsEntry("via", id);
    }
  }

  @Test
  void withoutATokenEveryRouteIs401TokenNotProvided() {
    Task task = newTask(alice);
    ApifyClient anonymous = server.client(null);

    assertError(failure(() -> anonymous.task(task.getId()).get()), 401, "token-not-provided");
    assertError(
        failure(() -> anonymous.task(task.getId()).updateInput(Map.of("a", 1))),
        401,
        "token-not-provided");
    assertError(failure(() -> anonymous.tasks().list()), 401, "token-not-provided");
    assertThat(alice.task(task.getId()).getInput()).contains(Map.of());
  }

  @Test
  void anUnknownTokenIs401InvalidToken() {
    Task task = newTask(alice);
    ApifyClient stranger = server.client("apify_api_notARealTokenNotARealToken000");

    assertError(
        failure(() -> stranger.task(task.getId()).update(new UpdateTaskRequest().title("x"))),
        401,
        "invalid-token");
  }

  @Test
  void theTokenQueryParameterWorksLikeTheHeader() {
    Task task = newTask(alice);

    ServerHarness.RawResponse response =
        server.raw(
            "GET",
            "/v2/actor-tasks/" + task.getId() + "?token=" + ServerHarness.ALICE_TOKEN,
            null,
            null,
            null);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("data").path("id").asText()).isEqualTo(task.getId());
  }

  @Test
  void anotherUsersTaskIs403AndStaysUnchanged() {
    Task task = newTask(alice);

    assertError(failure(() -> bob.task(task.getId()).get()), 403, "insufficient-permissions");
    assertError(
        failure(() -> bob.task(task.getId()).updateInput(Map.of("pwned", true))),
        403,
        "insufficient-permissions");
    assertError(
        failure(() -> bob.task(task.getId()).update(new UpdateTaskRequest().title("pwned"))),
        403,
        "insufficient-permissions");
    assertError(
        failure(() -> bob.task("alice~" + task.getName()).getInput()),
        403,
        "insufficient-permissions");
    assertError(failure(() -> bob.task(task.getId()).delete()), 403, "insufficient-permissions");

    assertThat(alice.task(task.getId()).get()).contains(task);
    assertThat(alice.task(task.getId()).getInput()).contains(Map.of());
  }

  @Test
  void tildeNameMeansTheCallersOwnTask() {
    Task alicesTask = newTask(alice);

    assertThat(bob.task("~" + alicesTask.getName()).get()).isEmpty();
  }

  @Test
  void missingTasksAre404RecordNotFound() {
    for (String id :
        List.of("AAAAAAAAAAAAAAAAA", "alice~no-such-task", "nobody~no-such-task", "~nope")) {
      assertError(
          failure(() -> alice.task(id).updateInput(Map.of("a", 1))), 404, "record-not-found");
      assertError(
          failure(() -> alice.task(id).update(new UpdateTaskRequest().title("x"))),
          404,
          "record-not-found");
      assertThat(alice.task(id).get()).as(id).isEmpty();
      assertThat(alice.task(id).getInput()).as(id).isEmpty();
    }
  }

  @Test
  void deleteRemovesTheTaskAndFreesItsName() {
    Task task = newTask(alice);

    alice.task(task.getId()).delete();

    assertThat(alice.task(task.getId()).get()).isEmpty();
    ServerHarness.RawResponse again =
        server.raw(
            "DELETE", "/v2/actor-tasks/" + task.getId(), ServerHarness.ALICE_TOKEN, null, null);
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.errorType()).isEqualTo("record-not-found");
  }
}
