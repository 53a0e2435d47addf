package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.spaaza.client.SpaazaTaskUpdate;
import dev.standin.spaaza.client.TaskCollectionClient.Filter;
import dev.standin.spaaza.model.ExportFormat;
import dev.standin.spaaza.model.ExportIndex;
import dev.standin.spaaza.model.Task;
import dev.standin.spaaza.model.TaskAction;
import dev.standin.spaaza.model.TaskStateCode;
import dev.standin.spaaza.model.TaskTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Spaaza client's helpers over a real server: lazy pagination and the update builder. */
class SpaazaClientHelpersTest extends SpaazaConformanceTest {

  @Test
  void iteratingInPagesOfThreeYieldsTheWholeListInOrder() {
    for (int i = 0; i < 7; i++) {
      newTask(chainA, CHAIN_A);
    }
    List<Long> all = ids(chainA.tasks().list(new Filter().limit(1000)));
    assertThat(all).hasSizeGreaterThanOrEqualTo(7);

    assertThat(chainA.tasks().iterate(new Filter().limit(3)).map(Task::getId).toList())
        .isEqualTo(all);
    assertThat(chainA.tasks().iterate(new Filter()).map(Task::getId).toList()).isEqualTo(all);
    // starts at the filter's offset
    assertThat(chainA.tasks().iterate(new Filter().limit(3).offset(2)).map(Task::getId).toList())
        .isEqualTo(all.subList(2, all.size()));
    // a page size the count divides: the empty page after the last full one ends the walk
    assertThat(chainA.tasks().iterate(new Filter().limit(all.size())).map(Task::getId).toList())
        .isEqualTo(all);
  }

  @Test
  void iteratingKeepsTheFilterOnEveryPage() {
    for (int i = 0; i < 4; i++) {
      newTask(chainA, CHAIN_A);
    }
    Filter ready = new Filter().status(TaskStateCode.READY).action(TaskAction.EXPORT);
    List<Long> expected = ids(chainA.tasks().list(new Filter().status(TaskStateCode.READY)));

    List<Task> iterated = chainA.tasks().iterate(ready.limit(2)).toList();

    assertThat(ids(iterated)).isEqualTo(expected);
    assertThat(iterated).allMatch(t -> t.getState().getCode() == TaskStateCode.READY);
  }

  @Test
  void updateBuilderSetsWhatItNamesAndLeavesTheRestAbsent() {
    Task task = newTask(chainA, CHAIN_A);
    TaskTarget json =
        new TaskTarget()
            .action(TaskAction.EXPORT)
            .exportIndex(ExportIndex.WALLET_LEDGER)
            .exportFormat(ExportFormat.JSON);

    Task updated =
        chainA
            .task(task.getId())
            .update(SpaazaTaskUpdate.create().desc("Built update").target(json).build());

    assertThat(updated.getDesc()).isEqualTo("Built update");
    assertThat(updated.getTarget()).isEqualTo(json);
    assertThat(updated.getTrigger()).isEqualTo(task.getTrigger()); // absent: kept
    assertThat(updated.getDebug()).isEqualTo(task.getDebug()); // absent: kept

    Task debugged =
        chainA.task(task.getId()).update(SpaazaTaskUpdate.create().debug("trace").build());
    assertThat(debugged.getDebug()).isEqualTo("trace");
    assertThat(debugged.getDesc()).isEqualTo("Built update");
  }

  private static List<Long> ids(List<Task> tasks) {
    return tasks.stream().map(Task::getId).toList();
  }
}
