package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

/** The scheduler, execute, result files and their download links, driven by the test clock. */
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
    assertThat(done.getResult()).isEqualTo("Product_Variants_Export-" + task.getId() + ".json");

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
    assertThat(link.getExpiresAt()).isEqualTo(now().plusMinutes(15));
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

    clock.advance(Duration.ofMinutes(15));
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
}
