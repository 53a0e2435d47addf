package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.spaaza.client.TaskCollectionClient.Filter;
import dev.standin.spaaza.model.ExportFormat;
import dev.standin.spaaza.model.ExportIndex;
import dev.standin.spaaza.model.Task;
import dev.standin.spaaza.model.TaskAction;
import dev.standin.spaaza.model.TaskStateCode;
import dev.standin.spaaza.model.TaskTarget;
import dev.standin.spaaza.model.TaskTrigger;
import dev.standin.spaaza.model.UpdateTaskRequest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The task object, PUT /tasks/{id} merge rules, version counting and the companions. */
class SpaazaTaskTest extends SpaazaConformanceTest {

  private static final OffsetDateTime NEVER = OffsetDateTime.parse("0001-01-01T00:00:00Z");

  @Test
  void aNewTaskIsReadyAtVersionOneAndHasNeverRun() {
    Task task = newTask(chainA, CHAIN_A);

    assertThat(task.getId()).isPositive();
    assertThat(task.getChain()).isEqualTo(CHAIN_A);
    assertThat(task.getState().getCode()).isEqualTo(TaskStateCode.READY);
    assertThat(task.getState().getLastRunDate()).isEqualTo(NEVER);
    assertThat(task.getState().getCreatedDate())
        .isEqualTo(START.atOffset(java.time.ZoneOffset.UTC));
    assertThat(task.getState().getLastModified()).isEqualTo(task.getState().getCreatedDate());
    assertThat(task.getLogs()).isNull();
    assertThat(task.getDebug()).isEmpty();
    assertThat(task.getVersion()).isEqualTo(1L);
    assertThat(task.getResult()).isEmpty();
    assertThat(chainA.task(task.getId()).get()).isEqualTo(task);
  }

  @Test
  void theWireFormatMatchesTheVendorsSample() {
    Task task = newTask(chainA, CHAIN_A);

    Raw raw = raw("GET", "/tasks/" + task.getId(), asChainA(), null);

    assertThat(raw.status()).isEqualTo(200);
    assertThat(raw.json().has("logs")).isTrue();
    assertThat(raw.json().get("logs").isNull()).isTrue();
    assertThat(raw.json().at("/state/last_run_date").asText()).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(raw.json().at("/state/created_date").asText()).isEqualTo("2026-05-26T11:59:00Z");
    assertThat(raw.json().at("/target/export_index").asText()).isEqualTo("wallet-ledger");
  }

  @Test
  void createRequiresItsFields() {
    assertError(
        failure(() -> chainA.tasks().create(newTaskRequest(CHAIN_A).desc(null))),
        400,
        "invalid_field");
    assertError(
        failure(() -> chainA.tasks().create(newTaskRequest(CHAIN_A).target(null))),
        400,
        "invalid_target");
    assertError(
        failure(() -> chainA.tasks().create(newTaskRequest(CHAIN_A).trigger(new TaskTrigger()))),
        400,
        "invalid_trigger");
  }

  @Test
  void eachPresentFieldOverwritesAndAbsentOnesStay() {
    Task task = newTask(chainA, CHAIN_A);
    TaskTarget json =
        new TaskTarget()
            .action(TaskAction.EXPORT)
            .exportIndex(ExportIndex.WALLET_LEDGER)
            .exportFormat(ExportFormat.JSON);
    OffsetDateTime later = OffsetDateTime.parse("2026-05-27T10:00:00Z");
    clock.advance(java.time.Duration.ofMinutes(5));

    Task updated =
        chainA
            .task(task.getId())
            .update(
                new UpdateTaskRequest()
                    .desc("Updated wallet ledger export")
                    .target(json)
                    .trigger(new TaskTrigger().once(later)));

    assertThat(updated.getDesc()).isEqualTo("Updated wallet ledger export");
    assertThat(updated.getTarget()).isEqualTo(json);
    assertThat(updated.getTrigger().getOnce()).isEqualTo(later);
    assertThat(updated.getDebug()).isEqualTo(task.getDebug());
    assertThat(updated.getVersion()).isEqualTo(2L);
    assertThat(updated.getState().getLastModified())
        .isEqualTo(OffsetDateTime.parse("2026-05-26T12:04:00Z"));
    assertThat(updated.getState().getCreatedDate()).isEqualTo(task.getState().getCreatedDate());
    assertThat(chainA.task(task.getId()).get()).isEqualTo(updated);

    Task debugged = chainA.task(task.getId()).update(new UpdateTaskRequest().debug("trace"));
    assertThat(debugged.getDebug()).isEqualTo("trace");
    assertThat(debugged.getDesc()).isEqualTo("Updated wallet ledger export");
    assertThat(debugged.getVersion()).isEqualTo(3L);
  }

  @Test
  void anEmptyUpdateIsAcceptedAndCounted() {
    Task task = newTask(chainA, CHAIN_A);

    Task updated = chainA.task(task.getId()).update(new UpdateTaskRequest());

    assertThat(updated.getVersion()).isEqualTo(2L);
    assertThat(updated.getDesc()).isEqualTo(task.getDesc());
  }

  @Test
  void readOnlyFieldsAreIgnored() {
    Task task = newTask(chainA, CHAIN_A);

    Raw raw =
        raw(
            "PUT",
            "/tasks/" + task.getId(),
            asChainA(),
            "{\"id\": 1, \"chain\": 2001, \"version\": 40, \"result\": \"x.csv\", \"logs\": [],"
                + " \"state\": {\"code\": \"DONE\"}, \"desc\": \"renamed\", \"unknown\": true}");

    assertThat(raw.status()).isEqualTo(200);
    Task stored = chainA.task(task.getId()).get();
    assertThat(stored.getId()).isEqualTo(task.getId());
    assertThat(stored.getChain()).isEqualTo(CHAIN_A);
    assertThat(stored.getVersion()).isEqualTo(2L);
    assertThat(stored.getResult()).isEmpty();
    assertThat(stored.getLogs()).isNull();
    assertThat(stored.getState().getCode()).isEqualTo(TaskStateCode.READY);
    assertThat(stored.getDesc()).isEqualTo("renamed");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"target\": {\"action\": \"import\", \"export_index\": \"users\", \"export_format\": \"csv\"}}",
        "{\"target\": {\"action\": \"export\", \"export_index\": \"stores\", \"export_format\": \"csv\"}}",
        "{\"target\": {\"action\": \"export\", \"export_index\": \"users\", \"export_format\": \"xlsx\"}}",
        "{\"target\": {\"action\": \"export\", \"export_format\": \"csv\"}}",
        "{\"target\": null}",
        "{\"target\": \"users\"}"
      })
  void anInvalidTargetIs400AndChangesNothing(String body) {
    Task task = newTask(chainA, CHAIN_A);

    Raw raw = raw("PUT", "/tasks/" + task.getId(), asChainA(), body);

    assertThat(raw.status()).isEqualTo(400);
    assertThat(raw.errorName()).isEqualTo("invalid_target");
    assertThat(raw.json().at("/error/description").asText()).contains("target");
    assertThat(chainA.task(task.getId()).get()).isEqualTo(task);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"desc\": \"x\", \"trigger\": {\"once\": \"tomorrow\"}}",
        "{\"desc\": \"x\", \"trigger\": {\"once\": \"2026-05-27 10:00:00\"}}",
        "{\"desc\": \"x\", \"trigger\": {\"once\": \"2026-05-27T10:00:00\"}}",
        "{\"desc\": \"x\", \"trigger\": {\"once\": \"2026-05-27T10:00Z\"}}",
        "{\"desc\": \"x\", \"trigger\": {\"once\": \"2026-02-30T10:00:00Z\"}}",
        "{\"desc\": \"x\", \"trigger\": {\"once\": 1780000000}}",
        "{\"desc\": \"x\", \"trigger\": {}}",
        "{\"desc\": \"x\", \"trigger\": null}"
      })
  void anInvalidTriggerIs400AndChangesNothing(String body) {
    Task task = newTask(chainA, CHAIN_A);

    Raw raw = raw("PUT", "/tasks/" + task.getId(), asChainA(), body);

    assertThat(raw.status()).isEqualTo(400);
    assertThat(raw.errorName()).isEqualTo("invalid_trigger");
    assertThat(raw.json().at("/error/description").asText()).contains("trigger");
    assertThat(chainA.task(task.getId()).get()).isEqualTo(task);
  }

  @Test
  void aTriggerWithAnOffsetIsStoredInUtc() {
    Task task = newTask(chainA, CHAIN_A);

    Raw raw =
        raw(
            "PUT",
            "/tasks/" + task.getId(),
            asChainA(),
            "{\"trigger\": {\"once\": \"2026-05-27T12:00:00+02:00\", \"segment_id\": \"9\"}}");

    assertThat(raw.status()).isEqualTo(200);
    assertThat(raw.json().at("/trigger/once").asText()).isEqualTo("2026-05-27T10:00:00Z");
    assertThat(raw.json().at("/trigger/segment_id").isTextual()).isTrue();
    assertThat(raw.json().at("/trigger/segment_id").asText()).isEqualTo("9");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"desc\": null}", "{\"debug\": null}"})
  void nullIsRefusedAndChangesNothing(String body) {
    Task task = newTask(chainA, CHAIN_A);

    Raw raw = raw("PUT", "/tasks/" + task.getId(), asChainA(), body);

    assertThat(raw.status()).isEqualTo(400);
    assertThat(raw.errorName()).isEqualTo("invalid_field");
    assertThat(chainA.task(task.getId()).get()).isEqualTo(task);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{not json", "[1, 2]", "\"text\""})
  void anUnreadableBodyIs400AndChangesNothing(String body) {
    Task task = newTask(chainA, CHAIN_A);

    Raw raw = raw("PUT", "/tasks/" + task.getId(), asChainA(), body);

    assertThat(raw.status()).isEqualTo(400);
    assertThat(raw.errorName()).isIn("invalid_request_body", "invalid_field");
    assertThat(chainA.task(task.getId()).get()).isEqualTo(task);
  }

  @Test
  void aBodyThatIsNotJsonIs415() {
    Task task = newTask(chainA, CHAIN_A);
    Map<String, String> headers =
        Map.of(
            "Authorization",
            "Bearer " + TOKEN_A.tokenId() + ":" + TOKEN_A.secret(),
            "Content-Type",
            "text/plain");

    Raw raw = raw("PUT", "/tasks/" + task.getId(), headers, "desc=x");

    assertThat(raw.status()).isEqualTo(415);
    assertThat(raw.errorName()).isEqualTo("unsupported_media_type");
  }

  @Test
  void unknownTasksRoutesAndMethodsAreVendorErrors() {
    assertError(failure(() -> chainA.task(999_999).get()), 404, "task_not_found");
    assertError(
        failure(() -> chainA.task(999_999).update(new UpdateTaskRequest().desc("x"))),
        404,
        "task_not_found");

    Raw route = raw("GET", "/nothing-here", asChainA(), null);
    assertThat(route.status()).isEqualTo(404);
    assertThat(route.errorName()).isEqualTo("route_not_found");

    Raw method = raw("PATCH", "/tasks/1", asChainA(), "{}");
    assertThat(method.status()).isEqualTo(405);
    assertThat(method.errorName()).isEqualTo("method_not_allowed");
    assertThat(method.headers().get("allow").get(0)).contains("PUT");

    Raw badId = raw("GET", "/tasks/abc", asChainA(), null);
    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.errorName()).isEqualTo("invalid_parameter");
  }

  @Test
  void deleteIs204AndTheTaskIsGone() {
    Task task = newTask(chainA, CHAIN_A);

    chainA.task(task.getId()).delete();

    assertError(failure(() -> chainA.task(task.getId()).get()), 404, "task_not_found");
    assertError(failure(() -> chainA.task(task.getId()).delete()), 404, "task_not_found");
  }

  @Test
  void listIsABareArrayOfTheChainsTasksWithFilters() {
    Task first = newTask(chainB, CHAIN_B);
    Task json =
        chainB
            .tasks()
            .create(
                newTaskRequest(CHAIN_B)
                    .target(
                        new TaskTarget()
                            .action(TaskAction.EXPORT)
                            .exportIndex(ExportIndex.USERS)
                            .exportFormat(ExportFormat.JSON)
                            .campaignId(31L)));

    List<Task> all = chainB.tasks().list();
    assertThat(all).extracting(Task::getId).contains(first.getId(), json.getId());
    assertThat(all).allSatisfy(t -> assertThat(t.getChain()).isEqualTo(CHAIN_B));
    assertThat(chainB.tasks().list(new Filter().campaignId(31L)))
        .extracting(Task::getId)
        .containsExactly(json.getId());
    assertThat(chainB.tasks().list(new Filter().status(TaskStateCode.DONE))).isEmpty();
    assertThat(chainB.tasks().list(new Filter().action(TaskAction.EXPORT))).hasSameSizeAs(all);
    assertThat(chainB.tasks().list(new Filter().limit(1).offset(1)))
        .extracting(Task::getId)
        .containsExactly(all.get(1).getId());

    Raw raw = raw("GET", "/tasks?limit=0", asChainA(), null);
    assertThat(raw.status()).isEqualTo(400);
    assertThat(raw.errorName()).isEqualTo("invalid_parameter");
    Raw status = raw("GET", "/tasks?status=SLEEPING", asChainA(), null);
    assertThat(status.status()).isEqualTo(400);
  }

  @Test
  void concurrentUpdatesAreEachCountedOnce() throws Exception {
    Task task = newTask(chainA, CHAIN_A);
    int threads = 8;
    int each = 10;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < each; i++) {
                    UpdateTaskRequest change =
                        thread % 2 == 0
                            ? new UpdateTaskRequest().desc("desc " + thread)
                            : new UpdateTaskRequest().debug("debug " + thread);
                    chainA.task(task.getId()).update(change);
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }

    Task stored = chainA.task(task.getId()).get();
    assertThat(stored.getVersion()).isEqualTo(1L + threads * each);
    assertThat(stored.getDesc()).startsWith("desc ");
    assertThat(stored.getDebug()).startsWith("debug ");
  }
}
