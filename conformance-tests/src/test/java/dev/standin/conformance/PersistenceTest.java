package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.apify.model.Task;
import dev.standin.apify.model.UpdateTaskRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the server acknowledged is still there after it restarts on the same data directory. */
@Backends.NeedsDurableStore
class PersistenceTest extends ConformanceTest {

  @Test
  void tasksInputsAndRenamesSurviveARestart() {
    Task task = newTask(alice);
    alice.task(task.getId()).updateInput(Map.of("first", 1));
    alice.task(task.getId()).updateInput(Map.of("second", 2));
    Task renamed =
        alice
            .task(task.getId())
            .update(new UpdateTaskRequest().name(uniqueName("kept")).title("T"));

    server.restart();
    alice = server.client(ServerHarness.ALICE_TOKEN);

    assertThat(alice.task(task.getId()).get()).contains(renamed);
    assertThat(alice.task("alice/" + renamed.getName()).getInput())
        .contains(Map.of("first", 1, "second", 2));
    assertThat(alice.actor(task.getActId()).get()).isPresent();
  }

  @Test
  void presetTokensKeepWorkingAfterARestart() {
    server.restart();
    bob = server.client(ServerHarness.BOB_TOKEN);

    assertThat(bob.tasks().list().getTotal()).isNotNegative();
  }
}
