package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.spaaza.client.SpaazaClient;
import dev.standin.spaaza.model.Task;
import dev.standin.spaaza.model.UpdateTaskRequest;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Credentials, chain scoping and cross-chain isolation on every task route. */
class SpaazaAccessTest extends SpaazaConformanceTest {

  /** Every route of one task, through the client. */
  private static List<ThrowingCallable> everyTaskRoute(SpaazaClient client, long id) {
    return List.of(
        () -> client.task(id).get(),
        () -> client.task(id).update(new UpdateTaskRequest().desc("taken over")),
        () -> client.task(id).execute(),
        () -> client.task(id).downloadUrl(),
        () -> client.task(id).delete());
  }

  @Test
  void aTaskOfAnotherChainIsNotFoundOnEveryRoute() {
    Task ofB = newTask(chainB, CHAIN_B);

    for (ThrowingCallable call : everyTaskRoute(chainA, ofB.getId())) {
      assertError(failure(call), 404, "task_not_found");
    }
    assertThat(chainA.tasks().list()).extracting(Task::getId).doesNotContain(ofB.getId());
    assertThat(chainB.task(ofB.getId()).get()).isEqualTo(ofB); // untouched
  }

  @Test
  void eachChainSeesOnlyItsOwnTasks() {
    Task ofA = newTask(chainA, CHAIN_A);
    Task ofB = newTask(chainB, CHAIN_B);

    assertThat(chainA.tasks().list()).extracting(Task::getChain).containsOnly(CHAIN_A);
    assertThat(chainB.tasks().list()).extracting(Task::getChain).containsOnly(CHAIN_B);
    assertThat(chainA.task(ofA.getId()).get().getId()).isEqualTo(ofA.getId());
    assertThat(chainB.task(ofB.getId()).get().getId()).isEqualTo(ofB.getId());
  }

  @Test
  void creatingForAnotherChainIs403AndStoresNothing() {
    int before = chainB.tasks().list().size();

    assertError(
        failure(() -> chainA.tasks().create(newTaskRequest(CHAIN_B))), 403, "permission_denied");

    assertThat(chainB.tasks().list()).hasSize(before);
  }

  @Test
  void missingOrWrongCredentialsAre401OnEveryRoute() {
    Task task = newTask(chainA, CHAIN_A);
    List<SpaazaClient> strangers =
        List.of(
            tokenClient(TOKEN_A.tokenId(), "wrong-secret"),
            tokenClient("no-such-token", TOKEN_A.secret()),
            tokenClient(TOKEN_B.tokenId(), TOKEN_A.secret()),
            sessionClient(7, "wrong-key", CHAIN_A),
            sessionClient(8, KEY_7, CHAIN_A));
    for (SpaazaClient stranger : strangers) {
      for (ThrowingCallable call : everyTaskRoute(stranger, task.getId())) {
        assertError(failure(call), 401, "not_authenticated");
      }
      assertError(failure(() -> stranger.tasks().list()), 401, "not_authenticated");
    }
    for (Map<String, String> headers :
        List.of(
            Map.<String, String>of(),
            Map.of("Authorization", "Bearer " + TOKEN_A.tokenId()),
            Map.of("Authorization", "Basic dXNlcjpwYXNz"),
            Map.of("X-Spaaza-Session-User-Id", "7", "X-Spaaza-Session-Key", KEY_7))) {
      Raw raw = raw("GET", "/tasks/" + task.getId(), headers, null);
      assertThat(raw.status()).isEqualTo(401);
      assertThat(raw.errorName()).isEqualTo("not_authenticated");
    }
    assertThat(chainA.task(task.getId()).get()).isEqualTo(task);
  }

  @Test
  void anAdminWithWriteAccessActsOnTheChain() {
    SpaazaClient admin = sessionClient(7, KEY_7, CHAIN_A);

    Task created = admin.tasks().create(newTaskRequest(CHAIN_A));
    Task updated = admin.task(created.getId()).update(new UpdateTaskRequest().desc("by admin"));

    assertThat(updated.getVersion()).isEqualTo(2L);
    assertThat(chainA.task(created.getId()).get().getDesc()).isEqualTo("by admin");
  }

  @Test
  void readAccessAllowsReadingOnly() {
    Task ofB = newTask(chainB, CHAIN_B);
    SpaazaClient reader = sessionClient(7, KEY_7, CHAIN_B);

    assertThat(reader.task(ofB.getId()).get()).isEqualTo(ofB);
    assertThat(reader.tasks().list()).extracting(Task::getId).contains(ofB.getId());
    assertError(
        failure(() -> reader.task(ofB.getId()).update(new UpdateTaskRequest().desc("x"))),
        403,
        "permission_denied");
    assertError(failure(() -> reader.task(ofB.getId()).delete()), 403, "permission_denied");
    assertError(failure(() -> reader.task(ofB.getId()).execute()), 403, "permission_denied");
    assertError(
        failure(() -> reader.tasks().create(newTaskRequest(CHAIN_B))), 403, "permission_denied");
    assertThat(chainB.task(ofB.getId()).get()).isEqualTo(ofB);
  }

  @Test
  void anAdminWithoutAccessToTheChainIs403() {
    Task ofA = newTask(chainA, CHAIN_A);
    SpaazaClient outsider = sessionClient(8, KEY_8, CHAIN_A);

    for (ThrowingCallable call : everyTaskRoute(outsider, ofA.getId())) {
      assertError(failure(call), 403, "permission_denied");
    }
    assertError(failure(() -> outsider.tasks().list()), 403, "permission_denied");
  }

  @Test
  void anAdminSessionOnOneChainCannotSeeAnothersTasks() {
    Task ofA = newTask(chainA, CHAIN_A);
    SpaazaClient admin8 = sessionClient(8, KEY_8, CHAIN_B);

    for (ThrowingCallable call : everyTaskRoute(admin8, ofA.getId())) {
      assertError(failure(call), 404, "task_not_found");
    }
  }
}
