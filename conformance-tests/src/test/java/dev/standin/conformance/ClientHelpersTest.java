package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.standin.apify.client.ActorSortBy;
import dev.standin.apify.client.ActorUpdate;
import dev.standin.apify.client.ApifyClient;
import dev.standin.apify.client.TaskUpdate;
import dev.standin.apify.client.VersionUpdate;
import dev.standin.apify.model.Actor;
import dev.standin.apify.model.ActorShort;
import dev.standin.apify.model.Build;
import dev.standin.apify.model.BuildShort;
import dev.standin.apify.model.CreateActorRequest;
import dev.standin.apify.model.CreateTaskRequest;
import dev.standin.apify.model.DefaultRunOptions;
import dev.standin.apify.model.EnvVar;
import dev.standin.apify.model.SourceCodeEntry;
import dev.standin.apify.model.SourceCodeFileFormat;
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
                    .addVersionsItem(sourceVersion("0.1"))
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

  /** A version with one source file, tagged {@code latest} when built. */
  private static Version sourceVersion(String number) {
    return new Version()
        .versionNumber(number)
        .sourceType(VersionSourceType.SOURCE_FILES)
        .buildTag("latest")
        .addSourceFilesItem(
            new SourceCodeEntry()
                .name("main.js")
                .format(SourceCodeFileFormat.TEXT)
                .content("console.log('hello');"));
  }

  private static Actor actorWithVersion(ApifyClient client) {
    return client
        .actors()
        .create(
            new CreateActorRequest()
                .name(uniqueName("versioned"))
                .addVersionsItem(sourceVersion("0.1")));
  }

  @Test
  void versionsAreListedCreatedUpdatedInPartAndDeleted() {
    String actorId = actorWithVersion(alice).getId();
    var versions = alice.actor(actorId).versions();
    versions.create(
        new Version()
            .versionNumber("0.2")
            .sourceType(VersionSourceType.GIT_REPO)
            .gitRepoUrl("https://example.com/repo.git")
            .buildTag("beta")
            .envVars(List.of(new EnvVar().name("API_KEY").value("s3cret").isSecret(true))));
    assertThat(versions.list().getItems())
        .extracting(Version::getVersionNumber)
        .containsExactly("0.1", "0.2");

    Version updated =
        alice.actor(actorId).version("0.2").update(VersionUpdate.create().buildTag("next").build());

    assertThat(updated.getBuildTag()).isEqualTo("next"); // set
    assertThat(updated.getGitRepoUrl()).isEqualTo("https://example.com/repo.git"); // absent: kept
    assertThat(updated.getEnvVars()).extracting(EnvVar::getName).containsExactly("API_KEY");
    assertThat(updated.getEnvVars().get(0).getValue()).isNull(); // a secret is never sent back
    assertThat(alice.actor(actorId).version("0.2").get()).contains(updated);

    // A source type whose source is missing is refused and changes nothing.
    assertError(
        failure(
            () ->
                alice
                    .actor(actorId)
                    .version("0.2")
                    .update(VersionUpdate.create().sourceType(VersionSourceType.TARBALL).build())),
        400,
        "invalid-value");
    assertThat(alice.actor(actorId).version("0.2").get()).contains(updated);

    alice.actor(actorId).version("0.2").delete();
    assertThat(alice.actor(actorId).version("0.2").get()).isEmpty();
    alice.actor(actorId).version("0.2").delete(); // a missing version: not an error
    // The last version stays.
    assertError(
        failure(() -> alice.actor(actorId).version("0.1").delete()), 403, "too-few-versions");
    assertThat(versions.list().getTotal()).isEqualTo(1);
  }

  @Test
  void theDefaultBuildTheCallersBuildsAndBuildDelete() {
    String actorId = actorWithVersion(alice).getId();
    assertThat(alice.actor(actorId).defaultBuild()).isEmpty(); // no build yet
    Build first = alice.actor(actorId).builds().create("0.1");
    Build second = alice.actor(actorId).builds().create("0.1", "old");

    assertThat(alice.actor(actorId).defaultBuild()).map(Build::getId).contains(first.getId());
    List<String> mine = alice.builds().iterate(1).map(BuildShort::getId).toList();
    assertThat(mine).containsSubsequence(first.getId(), second.getId());
    assertThat(alice.builds().list().getTotal()).isEqualTo((long) mine.size());
    assertThat(bob.builds().iterate().map(BuildShort::getId)).doesNotContain(first.getId());

    alice.build(second.getId()).delete();
    assertThat(alice.build(second.getId()).get()).isEmpty();
    // The default build cannot be deleted, and stays.
    assertError(failure(() -> alice.build(first.getId()).delete()), 400, "deleting-default-build");
    assertThat(alice.build(first.getId()).get()).map(Build::getId).contains(first.getId());
  }

  @Test
  void actorsAreListedBySortKey() {
    String older = actorWithVersion(alice).getId();
    String newer = actorWithVersion(alice).getId();

    assertThat(ids(alice.actors().list(ActorSortBy.CREATED_AT).getItems(), older, newer))
        .containsExactly(older, newer);
    assertThat(
            ids(
                alice.actors().list(null, null, true, ActorSortBy.CREATED_AT).getItems(),
                older,
                newer))
        .containsExactly(newer, older);
    assertThat(ids(alice.actors().list(ActorSortBy.LAST_RUN_STARTED_AT).getItems(), older, newer))
        .containsExactlyInAnyOrder(older, newer);
  }

  private static List<String> ids(List<ActorShort> actors, String... wanted) {
    List<String> keep = List.of(wanted);
    return actors.stream().map(ActorShort::getId).filter(keep::contains).toList();
  }

  @Test
  void aClientWithoutATokenReadsOnlyPublicActorsAndTheirBuilds() {
    ApifyClient anonymous = server.client(null);
    Actor actor = actorWithVersion(alice);
    Build build = alice.actor(actor.getId()).builds().create("0.1");

    assertError(failure(() -> anonymous.actor(actor.getId()).get()), 401, "token-not-provided");
    assertError(failure(() -> anonymous.build(build.getId()).get()), 401, "token-not-provided");

    alice
        .actor(actor.getId())
        .update(
            ActorUpdate.create().isPublic(true).title("Public").categories(List.of("AI")).build());

    assertThat(anonymous.actor(actor.getId()).get()).map(Actor::getId).contains(actor.getId());
    assertThat(anonymous.build(build.getId()).get()).map(Build::getId).contains(build.getId());
    assertThat(anonymous.actor(actor.getId()).defaultBuild())
        .map(Build::getId)
        .contains(build.getId());
  }

  @Test
  void singleSettingsAreMergedIntoTheStoredOnes() {
    Actor actor = actorWithVersion(alice);
    Task task =
        alice
            .tasks()
            .create(
                new CreateTaskRequest()
                    .actId(actor.getId())
                    .name(uniqueName("options"))
                    .options(new TaskOptions().memoryMbytes(1024).build("latest")));

    Task updated = alice.task(task.getId()).update(TaskUpdate.create().timeoutSecs(60).build());

    assertThat(updated.getOptions().getTimeoutSecs()).isEqualTo(60L);
    assertThat(updated.getOptions().getMemoryMbytes()).isEqualTo(1024); // kept
    assertThat(updated.getOptions().getBuild()).isEqualTo("latest"); // kept

    Actor changed =
        alice
            .actor(actor.getId())
            .update(ActorUpdate.create().restartOnError(true).defaultRunMemoryMbytes(512).build());

    assertThat(changed.getRestartOnError()).isTrue();
    assertThat(changed.getDefaultRunOptions().getMemoryMbytes()).isEqualTo(512);
    assertThat(changed.getDefaultRunOptions().getBuild()).isEqualTo("latest"); // kept
    assertThat(changed.getDefaultRunOptions().getTimeoutSecs()).isEqualTo(3600L); // kept
    assertThat(alice.actor(actor.getId()).get()).contains(changed);
  }
}
