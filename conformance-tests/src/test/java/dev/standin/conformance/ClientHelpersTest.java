package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.standin.apify.client.ActorUpdate;
import dev.standin.apify.client.TaskUpdate;
import dev.standin.apify.model.Actor;
import dev.standin.apify.model.ActorShort;
import dev.standin.apify.model.Build;
import dev.standin.apify.model.CreateActorRequest;
import dev.standin.apify.model.CreateTaskRequest;
import dev.standin.apify.model.DefaultRunOptions;
import dev.standin.apify.model.Task;
import dev.standin.apify.model.TaskOptions;
import dev.standin.apify.model.TaskShort;
import dev.standin.apify.model.UpdateActorRequest;
import dev.standin.apify.model.Version;
import dev.standin.apify.model.VersionSourceType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client's helpers over a real server: lazy pagination and the update builders. */
class ClientHelpersTest extends ConformanceTest {

  @Test
  void iteratingTasksInPagesOfThreeYieldsTheWholeListInOrder() {
    String actorId = newActor(alice).getId();
    for (int i = 0; i < 7; i++) {
      alice.tasks().create(new CreateTaskRequest().actId(actorId).name(uniqueName("paged")));
    }
    List<String> all = alice.tasks().list().getItems().stream().map(TaskShort::getId).toList();
    assertThat(all).hasSizeGreaterThanOrEqualTo(7);

    assertThat(alice.tasks().iterate(3).map(TaskShort::getId).toList()).isEqualTo(all);
    assertThat(alice.tasks().iterate().map(TaskShort::getId).toList()).isEqualTo(all);
    // a page size the total divides, and a page size above the server's ceiling
    assertThat(alice.tasks().iterate(all.size()).map(TaskShort::getId).toList()).isEqualTo(all);
    assertThat(alice.tasks().iterate(5000).map(TaskShort::getId).toList()).isEqualTo(all);
  }

  @Test
  void iteratingActorsInPagesOfThreeYieldsTheWholeListInOrder() {
    for (int i = 0; i < 7; i++) {
      newActor(alice);
    }
    List<String> all = alice.actors().list().getItems().stream().map(ActorShort::getId).toList();
    assertThat(all).hasSizeGreaterThanOrEqualTo(7);

    assertThat(alice.actors().iterate(3).map(ActorShort::getId).toList()).isEqualTo(all);
    assertThat(alice.actors().iterate(2).limit(3).map(ActorShort::getId).toList())
        .isEqualTo(all.subList(0, 3));
  }

  @Test
  void pageSizeBelowOneIsRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> alice.tasks().iterate(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void taskUpdateSetsClearsAndLeavesAbsent() {
    Task task =
        alice
            .tasks()
            .create(
                new CreateTaskRequest()
                    .actId(newActor(alice).getId())
                    .name(uniqueName("built"))
                    .title("Old title")
                    .options(new TaskOptions().memoryMbytes(1024))
                    .input(Map.of("keep", "me")));

    Task updated =
        alice
            .task(task.getId())
            .update(TaskUpdate.create().title("New title").clearOptions().build());

    assertThat(updated.getTitle()).isEqualTo("New title"); // set
    assertThat(updated.getOptions()).isNull(); // cleared
    assertThat(alice.task(task.getId()).getInput()).contains(Map.of("keep", "me")); // absent

    Task cleared =
        alice.task(task.getId()).update(TaskUpdate.create().clearTitle().clearInput().build());
    assertThat(cleared.getTitle()).isNull();
    assertThat(alice.task(task.getId()).getInput()).contains(Map.of());
    assertThat(cleared.getName()).isEqualTo(task.getName());
  }

  @Test
  void emptyTaskUpdateChangesNoProperty() {
    Task task = newTask(alice);

    Task updated = alice.task(task.getId()).update(TaskUpdate.create().build());

    assertThat(updated.getTitle()).isEqualTo(task.getTitle());
    assertThat(updated.getOptions()).isEqualTo(task.getOptions());
    assertThat(updated.getName()).isEqualTo(task.getName());
  }

  @Test
  void actorUpdateSetsClearsAndLeavesAbsent() {
    Actor actor =
        alice
            .actors()
            .create(
                new CreateActorRequest()
                    .name(uniqueName("built"))
                    .title("Old title")
                    .description("Kept description")
                    .seoTitle("Old SEO")
                    .categories(List.of("AI"))
                    .defaultRunOptions(new DefaultRunOptions().build("beta").memoryMbytes(256)));

    Actor updated =
        alice
            .actor(actor.getId())
            .update(
                ActorUpdate.create()
                    .title("New title")
                    .clearSeoTitle()
                    .clearCategories()
                    .isDeprecated(true)
                    .resetDefaultRunOptions()
                    .build());

    assertThat(updated.getTitle()).isEqualTo("New title");
    assertThat(updated.getSeoTitle()).isNull();
    assertThat(updated.getCategories()).isNull();
    assertThat(updated.getIsDeprecated()).isTrue();
    assertThat(updated.getDefaultRunOptions().getBuild()).isEqualTo("latest");
    assertThat(updated.getDefaultRunOptions().getMemoryMbytes()).isEqualTo(4096);
    assertThat(updated.getDefaultRunOptions().getTimeoutSecs()).isEqualTo(3600L);
    assertThat(updated.getDescription()).isEqualTo("Kept description");
    assertThat(alice.actor(actor.getId()).get()).contains(updated);
  }

  @Test
  void actorUpdateTagsAndRemovesBuildsLeavingOtherTags() {
    Actor actor = newActor(alice);
    alice
        .actor(actor.getId())
        .update(
            new UpdateActorRequest()
                .versions(
                    List.of(
                        new Version()
                            .versionNumber("0.1")
                            .sourceType(VersionSourceType.GIT_REPO)
                            .gitRepoUrl("https://example.com/repo.git")
                            .buildTag("latest"))));
    Build first = alice.actor(actor.getId()).builds().create("0.1");
    Build second = alice.actor(actor.getId()).builds().create("0.1");
    alice
        .actor(actor.getId())
        .update(
            ActorUpdate.create()
                .tagBuild("beta", first.getId())
                .tagBuild("old", first.getId())
                .build());

    Actor updated =
        alice
            .actor(actor.getId())
            .update(ActorUpdate.create().tagBuild("beta", second.getId()).removeTag("old").build());

    assertThat(updated.getTaggedBuilds()).containsOnlyKeys("latest", "beta");
    assertThat(updated.getTaggedBuilds().get("beta").getBuildId()).isEqualTo(second.getId());
    assertThat(updated.getTaggedBuilds().get("latest").getBuildId()).isEqualTo(second.getId());
  }

  @Test
  void setterGivenNullPointsToTheClearMethod() {
    assertThatThrownBy(() -> TaskUpdate.create().title(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("clearTitle");
  }
}
