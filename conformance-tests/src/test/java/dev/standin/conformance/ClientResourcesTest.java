package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.standin.apify.model.EnvVar;
import dev.standin.apify.model.SourceCodeEntry;
import dev.standin.apify.model.SourceCodeFileFormat;
import dev.standin.apify.model.Task;
import dev.standin.apify.model.TaskOptions;
import dev.standin.apify.model.Version;
import dev.standin.apify.model.VersionSourceType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client's resource clients added for issue 16 over a real server: versions and {@link
 * VersionUpdate}, the default build, the caller's builds, build delete, {@code sortBy}, a client
 * without a token, and the single settings of the update builders.
 */
class ClientResourcesTest extends ConformanceTest {

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
