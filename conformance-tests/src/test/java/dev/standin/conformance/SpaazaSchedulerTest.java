package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.server.kernel.json.DocumentJson;
import dev.standin.server.kernel.store.Database;
import dev.standin.server.spaaza.export.ExportFiles;
import dev.standin.server.spaaza.export.FixtureExportSource;
import dev.standin.server.spaaza.store.JdbcSpaazaStore;
import dev.standin.server.spaaza.store.SpaazaStore;
import dev.standin.server.spaaza.tasks.TaskDocuments;
import dev.standin.server.spaaza.tasks.TaskRunner;
import dev.standin.spaaza.json.SpaazaJson;
import dev.standin.spaaza.model.DownloadUrl;
import dev.standin.spaaza.model.ExportFormat;
import dev.standin.spaaza.model.ExportIndex;
import dev.standin.spaaza.model.Task;
import dev.standin.spaaza.model.TaskAction;
import dev.standin.spaaza.model.TaskLog;
import dev.standin.spaaza.model.TaskState;
import dev.standin.spaaza.model.TaskStateCode;
import dev.standin.spaaza.model.TaskTarget;
import dev.standin.spaaza.model.TaskTrigger;
import dev.standin.spaaza.model.UpdateTaskRequest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The scheduler, execute, result files and their download links, driven by the test clock. */
// Restarts its server to show what a task does across a stop (a run abandoned by a crash, a task
// that fell due while the server was down): the in-memory store forgets everything at a stop.
@Backends.NeedsDurableStore
class SpaazaSchedulerTest extends SpaazaConformanceTest {

  private static OffsetDateTime now() {
    return clock.instant().atOffset(ZoneOffset.UTC);
  }

  @Test
  void aDueTaskRunsOnceAndLeavesItsResult() {
    Task task = newTask(chainA, CHAIN_A);

    assertThat(server.spaaza().runDueTasksNow()).as("not due yet").isZero();
    assertThat(chainA.task(task.getId()).get().getState().getCode()).isEqualTo(TaskStateCode.READY);

    clock.advance(Duration.ofHours(1));
    assertThat(server.spaaza().runDueTasksNow()).isPositive();
    assertThat(server.spaaza().runDueTasksNow()).as("never twice").isZero();

    Task done = chainA.task(task.getId()).get();
    assertThat(done.getState().getCode()).isEqualTo(TaskStateCode.DONE);
    assertThat(done.getState().getLastRunDate()).isEqualTo(now());
    assertThat(done.getResult()).isEqualTo("Wallet_Export-" + task.getId() + ".csv");
    assertThat(done.getVersion()).as("runs are not updates").isEqualTo(1L);
    assertThat(done.getLogs())
        .extracting(TaskLog::getMessage)
        .satisfiesExactly(
            finished -> assertThat(finished).contains("3 rows", done.getResult()),
            started -> assertThat(started).contains("started"));
    assertThat(chainA.task(task.getId()).get(1, 1).getLogs())
        .extracting(TaskLog::getMessage)
        .singleElement()
        .asString()
        .contains("started");
  }

  @Test
  void executeRunsNowAndReturnsTheState() {
    Task task =
        chainA
            .tasks()
            .create(
                newTaskRequest(CHAIN_A)
                    .target(
                        new TaskTarget()
                            .action(TaskAction.EXPORT)
                            .exportIndex(ExportIndex.PRODUCT_VARIANTS)
                            .exportFormat(ExportFormat.JSON)));

    TaskState state = chainA.task(task.getId()).execute();

    assertThat(state.getCode()).isEqualTo(TaskStateCode.DONE);
    assertThat(state.getLastRunDate()).isEqualTo(now());
    Task done = chainA.task(task.getId()).get();
    assertThat(done.getResult()).isEqualTo("Product_Variant_Export-" + task.getId() + ".json");

    Raw file =
        raw("GET", chainA.task(task.getId()).downloadUrl().getUrl().toString(), Map.of(), null);
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.headers().get("content-type").get(0)).startsWith("application/json");
    assertThat(file.json()).hasSize(3);
    assertThat(file.json().get(0).get("chain_id").asLong()).isEqualTo(CHAIN_A);

    assertThat(chainA.task(task.getId()).execute().getCode())
        .as("a finished task can run again")
        .isEqualTo(TaskStateCode.DONE);
  }

  @Test
  void theCsvResultCarriesTheChainsData() {
    Task task = newTask(chainB, CHAIN_B);
    chainB.task(task.getId()).execute();

    DownloadUrl link = chainB.task(task.getId()).downloadUrl();
    Raw file = raw("GET", link.getUrl().toString(), Map.of(), null);

    assertThat(file.status()).isEqualTo(200);
    assertThat(file.headers().get("content-type").get(0)).startsWith("text/csv");
    assertThat(file.body().lines())
        .hasSize(4)
        .first()
        .asString()
        .startsWith("chain_id,entry_id,user_id");
    assertThat(file.body().lines().skip(1)).allSatisfy(l -> assertThat(l).startsWith("2001,"));
    assertThat(link.getExpiresAt()).as("an hour, as the vendor's").isEqualTo(now().plusHours(1));
  }

  @Test
  void resultFilesAreNamedLikeTheVendorsSingularPerIndex() {
    Map<ExportIndex, String> expected =
        Map.of(
            ExportIndex.TRANSACTIONS, "Transaction_Export",
            ExportIndex.USERS, "User_Export",
            ExportIndex.VOUCHERS, "Voucher_Export",
            ExportIndex.WALLET_LEDGER, "Wallet_Export",
            ExportIndex.PRODUCTS, "Product_Export",
            ExportIndex.PRODUCT_VARIANTS, "Product_Variant_Export");
    assertThat(expected).as("every index").hasSize(ExportIndex.values().length);
    for (Map.Entry<ExportIndex, String> index : expected.entrySet()) {
      Task task =
          chainA
              .tasks()
              .create(
                  newTaskRequest(CHAIN_A)
                      .target(
                          new TaskTarget()
                              .action(TaskAction.EXPORT)
                              .exportIndex(index.getKey())
                              .exportFormat(ExportFormat.CSV)));

      chainA.task(task.getId()).execute();

      Task done = chainA.task(task.getId()).get();
      assertThat(done.getResult()).isEqualTo(index.getValue() + "-" + task.getId() + ".csv");
      String url = chainA.task(task.getId()).downloadUrl().getUrl().toString();
      assertThat(url).contains("/" + done.getResult() + "?");
      assertThat(raw("GET", url, Map.of(), null).status()).isEqualTo(200);
    }
  }

  @Test
  void aDownloadLinkExpiresAndCannotBeAltered() {
    Task task = newTask(chainA, CHAIN_A);
    chainA.task(task.getId()).execute();
    String url = chainA.task(task.getId()).downloadUrl().getUrl().toString();

    Raw tampered = raw("GET", url.replace("signature=", "signature=0"), Map.of(), null);
    assertThat(tampered.status()).isEqualTo(403);
    assertThat(tampered.errorName()).isEqualTo("download_link_invalid");
    Raw otherFile = raw("GET", url.replace(".csv", ".json"), Map.of(), null);
    assertThat(otherFile.errorName()).isEqualTo("download_link_invalid");

    clock.advance(Duration.ofHours(1));
    assertThat(raw("GET", url, Map.of(), null).status())
        .as("valid to the last second")
        .isEqualTo(200);

    clock.advance(Duration.ofSeconds(1));
    Raw expired = raw("GET", url, Map.of(), null);
    assertThat(expired.status()).isEqualTo(403);
    assertThat(expired.errorName()).isEqualTo("download_link_expired");
  }

  @Test
  void aDeletedTasksLinkNoLongerServesTheFile() {
    Task task = newTask(chainA, CHAIN_A);
    chainA.task(task.getId()).execute();
    String url = chainA.task(task.getId()).downloadUrl().getUrl().toString();

    chainA.task(task.getId()).delete();

    Raw gone = raw("GET", url, Map.of(), null);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.errorName()).isEqualTo("task_not_found");
  }

  @Test
  void onlyFinishedExportsHaveADownloadUrl() {
    Task task = newTask(chainA, CHAIN_A);

    assertError(
        failure(() -> chainA.task(task.getId()).downloadUrl()), 409, "result_not_available");
  }

  @Test
  void updatingAFinishedTaskChangesNoRun() {
    Task task = newTask(chainA, CHAIN_A);
    chainA.task(task.getId()).execute();
    Task done = chainA.task(task.getId()).get();

    Task updated =
        chainA
            .task(task.getId())
            .update(
                new UpdateTaskRequest()
                    .desc("after the run")
                    .trigger(new TaskTrigger().once(now().minusMinutes(1))));
    clock.advance(Duration.ofHours(2));
    server.spaaza().runDueTasksNow();

    Task after = chainA.task(task.getId()).get();
    assertThat(updated.getVersion()).isEqualTo(2L);
    assertThat(after.getDesc()).isEqualTo("after the run");
    assertThat(after.getState().getCode()).isEqualTo(TaskStateCode.DONE);
    assertThat(after.getState().getLastRunDate()).isEqualTo(done.getState().getLastRunDate());
    assertThat(after.getResult()).isEqualTo(done.getResult());
    assertThat(after.getLogs()).isEqualTo(done.getLogs());
  }

  @Test
  void aTaskThatFellDueWhileTheServerWasDownRunsAfterStart() {
    Task task = newTask(chainA, CHAIN_A);

    restart(() -> clock.advance(Duration.ofHours(3)));

    // No runDueTasksNow(): the scheduler's first poll after start must pick it up.
    Task done = awaitState(chainA, task.getId(), TaskStateCode.DONE);
    assertThat(done.getState().getLastRunDate()).isEqualTo(now());
    assertThat(done.getResult()).isEqualTo("Wallet_Export-" + task.getId() + ".csv");
  }

  /**
   * Leaves {@code id} as a run whose server died leaves it: claimed ({@code INPROGRESS}, "Run
   * started" logged) by a runner that never ran it, while the server is stopped.
   */
  private static void abandonARunOf(long id) {
    restart(
        () -> {
          try (Database db = Database.open(config.dataDir(), config.database())) {
            SpaazaStore store = new JdbcSpaazaStore(db);
            ObjectMapper json = SpaazaJson.newMapper();
            TaskRunner crashed =
                new TaskRunner(
                    new TaskDocuments(store, new DocumentJson(json), clock),
                    new FixtureExportSource(json),
                    new ExportFiles(store, json));
            assertThat(crashed.claim(id, Set.of(TaskStateCode.READY), "scheduled")).isPresent();
          }
        });
  }

  @Test
  void aRunWhoseServerStoppedBlocksTheTaskOnlyForTheRunLease() {
    Task task = newTask(chainA, CHAIN_A);
    abandonARunOf(task.getId());
    assertThat(chainA.task(task.getId()).get().getState().getCode())
        .isEqualTo(TaskStateCode.INPROGRESS);

    // Within the lease it might still be running somewhere: refused, as any running task.
    clock.advance(TaskRunner.RUN_LEASE.minusSeconds(1));
    assertThat(failure(() -> chainA.task(task.getId()).execute()).name())
        .isEqualTo("task_in_progress");
    assertThat(failure(() -> chainA.task(task.getId()).delete()).name())
        .isEqualTo("task_in_progress");

    clock.advance(Duration.ofSeconds(1));
    TaskState state = chainA.task(task.getId()).execute();

    assertThat(state.getCode()).isEqualTo(TaskStateCode.DONE);
    assertThat(chainA.task(task.getId()).get().getLogs())
        .extracting(TaskLog::getMessage)
        .satisfiesExactly(
            finished -> assertThat(finished).startsWith("Run finished"),
            started -> assertThat(started).isEqualTo("Run started (execute)."),
            abandoned -> assertThat(abandoned).startsWith("Run abandoned"),
            crashed -> assertThat(crashed).isEqualTo("Run started (scheduled)."));
  }

  @Test
  void theSchedulerRunsADueTaskWhoseRunWasAbandonedAgain() {
    Task task = newTask(chainA, CHAIN_A);
    clock.advance(Duration.ofHours(1)); // due
    abandonARunOf(task.getId());

    assertThat(server.spaaza().runDueTasksNow()).as("within the lease").isZero();
    clock.advance(TaskRunner.RUN_LEASE);
    assertThat(server.spaaza().runDueTasksNow()).isEqualTo(1);

    Task done = chainA.task(task.getId()).get();
    assertThat(done.getState().getCode()).isEqualTo(TaskStateCode.DONE);
    assertThat(done.getState().getLastRunDate()).isEqualTo(now());
    assertThat(done.getLogs())
        .extracting(TaskLog::getMessage)
        .anyMatch(m -> m.startsWith("Run abandoned"));
  }

  @Test
  void anAbandonedTaskMayBeDeleted() {
    Task task = newTask(chainA, CHAIN_A);
    abandonARunOf(task.getId());
    clock.advance(TaskRunner.RUN_LEASE);

    chainA.task(task.getId()).delete();

    assertThat(failure(() -> chainA.task(task.getId()).get()).name()).isEqualTo("task_not_found");
  }
}
