package dev.standin.conformance;

import static dev.standin.conformance.ActorVersionsAndPricingTest.gitVersion;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.standin.apify.model.Actor;
import dev.standin.apify.model.Build;
import dev.standin.apify.model.CreateActorRequest;
import dev.standin.apify.model.DefaultRunOptions;
import dev.standin.apify.model.SourceCodeEntry;
import dev.standin.apify.model.SourceCodeFileFormat;
import dev.standin.apify.model.UpdateActorRequest;
import dev.standin.apify.model.Version;
import dev.standin.apify.model.VersionSourceType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The build routes of issue 16 (ADR 0024): a build by its Actor, the default build, the caller's
 * builds, build deletion, {@code waitForFinish}, and the properties a build answers. New routes are
 * driven with hand-made requests (every answer is still checked against the spec).
 */
class BuildRoutesTest extends ConformanceTest {

  private static final String[] SPELLINGS = {"/v2/actors/", "/v2/acts/"};

  /** An Actor of alice with versions 0.1 (build tag {@code latest}) and 1.2 (no build tag). */
  private static Actor actorWithVersions() {
    return alice
        .actors()
        .create(
            new CreateActorRequest()
                .name(uniqueName("builds"))
                .versions(List.of(gitVersion("0.1"), gitVersion("1.2").buildTag(null))));
  }

  private static ServerHarness.RawResponse get(String path, String token) {
    return server.raw("GET", path, token, null, null);
  }

  private static ServerHarness.RawResponse delete(String path, String token) {
    return server.raw("DELETE", path, token, null, null);
  }

  private static final String ALICE = ServerHarness.ALICE_TOKEN;
  private static final String BOB = ServerHarness.BOB_TOKEN;

  private static void assertRawError(ServerHarness.RawResponse response, int status, String type) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.errorType()).as(response.body()).isEqualTo(type);
  }

  private static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.path("data").path("items").forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }

  // --- GET /v2/actors/{actorId}/builds/{buildId} ---------------------------------------------

  @Test
  void aBuildIsReadThroughItsActorInBothSpellingsAndNotThroughAnother() {
    Actor actor = actorWithVersions();
    Actor other = actorWithVersions();
    Build build = alice.actor(actor.getId()).builds().create("0.1");

    for (String spelling : SPELLINGS) {
      for (String actorId : List.of(actor.getId(), "alice~" + actor.getName())) {
        ServerHarness.RawResponse answer =
            get(spelling + actorId + "/builds/" + build.getId(), ALICE);
        assertThat(answer.status()).as(spelling + actorId).isEqualTo(200);
        assertThat(answer.json().path("data").path("id").asText()).isEqualTo(build.getId());
        assertThat(answer.json().path("data").path("buildNumber").asText()).isEqualTo("0.1.1");
      }
      assertRawError(
          get(spelling + other.getId() + "/builds/" + build.getId(), ALICE),
          404,
          "record-not-found");
      assertRawError(
          get(spelling + actor.getId() + "/builds/AAAAAAAAAAAAAAAAA", ALICE),
          404,
          "record-not-found");
      assertRawError(
          get(spelling + actor.getId() + "/builds/" + build.getId(), BOB),
          403,
          "insufficient-permissions");
    }
  }

  // --- GET /v2/actors/{actorId}/builds/default --------------------------------------------------

  @Test
  void theDefaultBuildIsTheOneTheDefaultRunOptionsName() {
    Actor actor = actorWithVersions();
    for (String spelling : SPELLINGS) {
      // build "latest" is the default, and no build carries the tag yet
      assertRawError(
          get(spelling + actor.getId() + "/builds/default", ALICE), 404, "record-not-found");
    }
    Build first = alice.actor(actor.getId()).builds().create("0.1"); // moves tag latest
    Build beta = alice.actor(actor.getId()).builds().create("1.2", "beta");

    for (String spelling : SPELLINGS) {
      ServerHarness.RawResponse byTag = get(spelling + actor.getId() + "/builds/default", ALICE);
      assertThat(byTag.status()).isEqualTo(200);
      assertThat(byTag.json().path("data").path("id").asText()).isEqualTo(first.getId());
    }

    // a tag of another name, then a build number
    alice
        .actor(actor.getId())
        .update(new UpdateActorRequest().defaultRunOptions(runOptionsWithBuild("beta")));
    assertThat(
            get("/v2/actors/" + actor.getId() + "/builds/default", ALICE)
                .json()
                .path("data")
                .path("id")
                .asText())
        .isEqualTo(beta.getId());
    alice
        .actor(actor.getId())
        .update(new UpdateActorRequest().defaultRunOptions(runOptionsWithBuild("0.1.1")));
    assertThat(
            get("/v2/acts/" + actor.getId() + "/builds/default?waitForFinish=60", ALICE)
                .json()
                .path("data")
                .path("id")
                .asText())
        .isEqualTo(first.getId());

    // naming nothing that exists: 404
    alice
        .actor(actor.getId())
        .update(new UpdateActorRequest().defaultRunOptions(runOptionsWithBuild("9.9.9")));
    assertRawError(
        get("/v2/actors/" + actor.getId() + "/builds/default", ALICE), 404, "record-not-found");
    assertRawError(
        get("/v2/actors/" + actor.getId() + "/builds/default", BOB),
        403,
        "insufficient-permissions");
  }

  private static DefaultRunOptions runOptionsWithBuild(String build) {
    return new DefaultRunOptions().build(build).timeoutSecs(3600L).memoryMbytes(4096);
  }

  // --- GET /v2/actor-builds -------------------------------------------------------------------

  @Test
  void theCallersBuildsAreListedAcrossTheirActorsAndPaged() {
    // bob builds only in this test, so his list is exactly these
    Actor one =
        bob.actors()
            .create(
                new CreateActorRequest()
                    .name(uniqueName("bob-one"))
                    .versions(List.of(gitVersion("0.1"))));
    Actor two =
        bob.actors()
            .create(
                new CreateActorRequest()
                    .name(uniqueName("bob-two"))
                    .versions(List.of(gitVersion("0.1"))));
    Build a = bob.actor(one.getId()).builds().create("0.1");
    Build b = bob.actor(two.getId()).builds().create("0.1");
    Build c = bob.actor(one.getId()).builds().create("0.1");
    Actor alices = actorWithVersions();
    alice.actor(alices.getId()).builds().create("0.1"); // alice's builds never show in bob's list

    JsonNode all = get("/v2/actor-builds", BOB).json();
    assertThat(ids(all)).containsExactly(a.getId(), b.getId(), c.getId());
    assertThat(all.path("data").path("total").asLong()).isEqualTo(3);
    assertThat(all.path("data").path("count").asLong()).isEqualTo(3);
    assertThat(all.path("data").path("offset").asLong()).isZero();
    assertThat(all.path("data").path("limit").asLong()).isEqualTo(1000);
    assertThat(all.path("data").path("desc").asBoolean()).isFalse();
    assertThat(all.path("data").path("items").get(1).path("actId").asText()).isEqualTo(two.getId());

    JsonNode page = get("/v2/actor-builds?offset=1&limit=1&desc=true", BOB).json();
    assertThat(ids(page)).containsExactly(b.getId());
    assertThat(page.path("data").path("total").asLong()).isEqualTo(3);
    assertThat(page.path("data").path("desc").asBoolean()).isTrue();

    assertRawError(get("/v2/actor-builds?limit=0", BOB), 400, "invalid-parameter");
    assertRawError(get("/v2/actor-builds?offset=-1", BOB), 400, "invalid-parameter");
    assertRawError(get("/v2/actor-builds", null), 401, "token-not-provided");
  }

  // --- DELETE /v2/actor-builds/{buildId} ------------------------------------------------------

  @Test
  void aDeletedBuildLeavesListsAndTags() {
    Actor actor = actorWithVersions();
    Build kept = alice.actor(actor.getId()).builds().create("0.1"); // tag latest: the default
    Build gone = alice.actor(actor.getId()).builds().create("1.2", "beta");
    alice
        .actor(actor.getId())
        .update(
            new UpdateActorRequest()
                .taggedBuilds(
                    java.util.Map.of(
                        "stable", new dev.standin.apify.model.BuildTag().buildId(gone.getId()))));

    ServerHarness.RawResponse deleted = delete("/v2/actor-builds/" + gone.getId(), ALICE);

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertThat(alice.build(gone.getId()).get()).isEmpty();
    assertRawError(
        get("/v2/actors/" + actor.getId() + "/builds/" + gone.getId(), ALICE),
        404,
        "record-not-found");
    assertThat(alice.actor(actor.getId()).builds().list().getItems())
        .extracting(dev.standin.apify.model.BuildShort::getId)
        .containsExactly(kept.getId());
    assertThat(ids(get("/v2/actor-builds", ALICE).json())).doesNotContain(gone.getId());
    Actor after = alice.actor(actor.getId()).get().orElseThrow();
    assertThat(after.getTaggedBuilds()).containsOnlyKeys("latest"); // beta and stable went with it
    assertThat(after.getStats().getTotalBuilds()).isEqualTo(1);
    assertRawError(delete("/v2/actor-builds/" + gone.getId(), ALICE), 404, "record-not-found");
  }

  @Test
  void aDeletedBuildsNumberIsNotHandedOutAgain() {
    Actor actor = actorWithVersions();
    Build first = alice.actor(actor.getId()).builds().create("1.2");
    Build second = alice.actor(actor.getId()).builds().create("1.2");
    assertThat(second.getBuildNumber()).isEqualTo("1.2.2");

    assertThat(delete("/v2/actor-builds/" + second.getId(), ALICE).status()).isEqualTo(204);
    Build third = alice.actor(actor.getId()).builds().create("1.2");

    assertThat(first.getBuildNumber()).isEqualTo("1.2.1");
    assertThat(third.getBuildNumber()).isEqualTo("1.2.3"); // not 1.2.2 again
    assertThat(third.getBuildNumberInt()).isEqualTo(10_000_000L + 200_000L + 3L);
    // another version counts on its own
    assertThat(alice.actor(actor.getId()).builds().create("0.1").getBuildNumber())
        .isEqualTo("0.1.1");
  }

  @Test
  void theDefaultBuildCannotBeDeletedAndOthersOnlyByTheOwner() {
    Actor actor = actorWithVersions();
    Build latest = alice.actor(actor.getId()).builds().create("0.1");
    Actor before = alice.actor(actor.getId()).get().orElseThrow();

    assertRawError(
        delete("/v2/actor-builds/" + latest.getId(), ALICE), 400, "deleting-default-build");
    assertRawError(
        delete("/v2/actor-builds/" + latest.getId(), BOB), 403, "insufficient-permissions");
    assertRawError(delete("/v2/actor-builds/" + latest.getId(), null), 401, "token-not-provided");
    assertRawError(delete("/v2/actor-builds/AAAAAAAAAAAAAAAAA", ALICE), 404, "record-not-found");
    assertThat(alice.build(latest.getId()).get()).contains(latest);
    assertThat(alice.actor(actor.getId()).get()).contains(before);

    // a build number as the default protects that build too; once the default moves, it can go
    alice
        .actor(actor.getId())
        .update(new UpdateActorRequest().defaultRunOptions(runOptionsWithBuild("0.1.1")));
    assertRawError(
        delete("/v2/actor-builds/" + latest.getId(), ALICE), 400, "deleting-default-build");
    alice
        .actor(actor.getId())
        .update(new UpdateActorRequest().defaultRunOptions(runOptionsWithBuild("beta")));
    assertThat(delete("/v2/actor-builds/" + latest.getId(), ALICE).status()).isEqualTo(204);
    assertThat(alice.actor(actor.getId()).get().orElseThrow().getTaggedBuilds()).isEmpty();
  }

  // --- waitForFinish ------------------------------------------------------------------------

  @Test
  void waitForFinishIsAcceptedFromZeroAndNeverDelaysAFinishedBuild() {
    Actor actor = actorWithVersions();
    Build build = alice.actor(actor.getId()).builds().create("0.1");

    for (String path :
        List.of(
            "/v2/actor-builds/" + build.getId(),
            "/v2/actors/" + actor.getId() + "/builds/" + build.getId(),
            "/v2/acts/" + actor.getId() + "/builds/" + build.getId(),
            "/v2/actors/" + actor.getId() + "/builds/default")) {
      for (String wait : List.of("0", "1.5", "60", "3600")) {
        long started = System.nanoTime();
        ServerHarness.RawResponse answer = get(path + "?waitForFinish=" + wait, ALICE);
        assertThat(answer.status()).as(path + " " + wait).isEqualTo(200);
        assertThat(answer.json().path("data").path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
      }
      for (String bad : List.of("-1", "abc", "NaN", "Infinity")) {
        assertRawError(get(path + "?waitForFinish=" + bad, ALICE), 400, "invalid-parameter");
      }
    }

    ServerHarness.RawResponse created =
        server.raw(
            "POST",
            "/v2/actors/" + actor.getId() + "/builds?version=0.1&waitForFinish=60",
            ALICE,
            null,
            null);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("data").path("status").asText()).isEqualTo("SUCCEEDED");
    ServerHarness.RawResponse refused =
        server.raw(
            "POST",
            "/v2/acts/" + actor.getId() + "/builds?version=0.1&waitForFinish=-5",
            ALICE,
            null,
            null);
    assertRawError(refused, 400, "invalid-parameter");
    ServerHarness.RawResponse badFlag =
        server.raw(
            "POST",
            "/v2/actors/" + actor.getId() + "/builds?version=0.1&useCache=maybe",
            ALICE,
            null,
            null);
    assertRawError(badFlag, 400, "invalid-parameter");
    assertThat(alice.actor(actor.getId()).builds().list().getTotal()).isEqualTo(2);
  }

  // --- properties of a build ----------------------------------------------------------------

  @Test
  void aBuildAnswersItsOptionsStatsUsageAndTheVersionItWasMadeFrom() {
    Actor actor = actorWithVersions();

    ServerHarness.RawResponse created =
        server.raw(
            "POST",
            "/v2/actors/" + actor.getId() + "/builds?version=0.1&useCache=true&betaPackages=1",
            ALICE,
            null,
            null);
    JsonNode build = created.json().path("data");

    assertThat(build.path("options").path("useCache").asBoolean()).isTrue();
    assertThat(build.path("options").path("betaPackages").asBoolean()).isTrue();
    assertThat(build.path("options").path("memoryMbytes").asInt()).isEqualTo(4096);
    assertThat(build.path("options").path("diskMbytes").asInt()).isEqualTo(8192);
    assertThat(build.path("stats").path("durationMillis").asLong()).isZero();
    assertThat(build.path("stats").path("runTimeSecs").asDouble()).isZero();
    assertThat(build.path("stats").path("computeUnits").asDouble()).isZero();
    assertThat(build.path("stats").path("imageSizeBytes").isNull()).isTrue();
    assertThat(build.path("usage").path("ACTOR_COMPUTE_UNITS").asDouble()).isZero();
    assertThat(build.path("usageUsd").path("ACTOR_COMPUTE_UNITS").asDouble()).isZero();
    assertThat(build.path("usageTotalUsd").asDouble()).isZero();
    assertThat(build.path("actVersion").path("versionNumber").asText()).isEqualTo("0.1");
    assertThat(build.path("actVersion").path("sourceType").asText()).isEqualTo("GIT_REPO");
    assertThat(build.path("actVersion").path("gitRepoUrl").asText())
        .isEqualTo("https://github.com/alice/actor");
    assertThat(build.path("actVersion").path("buildTag").asText()).isEqualTo("latest");
    assertThat(build.path("actVersion").has("envVars")).isFalse();
    // no .actor/actor.json in a Git version: no definition
    assertThat(build.path("actorDefinition").isNull()).isTrue();
    assertThat(build.path("inputSchema").isNull()).isTrue();
    assertThat(build.path("readme").isNull()).isTrue();

    // not sent: false; the stored build reads back the same
    Build plain = alice.actor(actor.getId()).builds().create("0.1");
    assertThat(plain.getOptions().getUseCache()).isFalse();
    assertThat(plain.getOptions().getBetaPackages()).isFalse();
    assertThat(alice.build(plain.getId()).get()).contains(plain);
    assertThat(get("/v2/actor-builds/" + build.path("id").asText(), ALICE).json().path("data"))
        .isEqualTo(build);
  }

  @Test
  void theDefinitionInTheSourceFilesGivesActorDefinitionInputSchemaAndReadme() {
    String actorJson =
        "{\"actorSpecification\": 1, \"name\": \"my-actor\", \"version\": \"0.1\","
            + " \"buildTag\": \"latest\", \"input\": \"./input_schema.json\","
            + " \"readme\": \"../README.md\", \"minMemoryMbytes\": 256,"
            + " \"defaultMemoryMbytes\": \"get(input, 'mem', 1024)\"}";
    String inputSchema = "{\"title\": \"Input\", \"type\": \"object\", \"properties\": {}}";
    Version version =
        new Version()
            .versionNumber("0.1")
            .sourceType(VersionSourceType.SOURCE_FILES)
            .buildTag("latest")
            .sourceFiles(
                List.of(
                    file(".actor/actor.json", actorJson, SourceCodeFileFormat.TEXT),
                    file(
                        ".actor/input_schema.json",
                        Base64.getEncoder()
                            .encodeToString(inputSchema.getBytes(StandardCharsets.UTF_8)),
                        SourceCodeFileFormat.BASE64),
                    file("README.md", "# My Actor", SourceCodeFileFormat.TEXT),
                    new SourceCodeEntry().name("src").folder(true)));
    Actor actor =
        alice
            .actors()
            .create(
                new CreateActorRequest().name(uniqueName("defined")).versions(List.of(version)));

    Build build = alice.actor(actor.getId()).builds().create("0.1");

    assertThat(build.getActorDefinition().getActorSpecification()).isEqualTo(1);
    assertThat(build.getActorDefinition().getName()).isEqualTo("my-actor");
    assertThat(build.getActorDefinition().getMinMemoryMbytes()).isEqualTo(256);
    assertThat(build.getActorDefinition().getDefaultMemoryMbytes())
        .isEqualTo("get(input, 'mem', 1024)");
    assertThat(build.getActorDefinition().getInput())
        .containsEntry("title", "Input")
        .containsEntry("type", "object");
    assertThat(build.getActorDefinition().getReadme()).isEqualTo("# My Actor");
    assertThat(build.getReadme()).isEqualTo("# My Actor");
    // the deprecated inputSchema carries the same schema as JSON text
    JsonNode schemaText =
        get("/v2/actor-builds/" + build.getId(), ALICE).json().path("data").path("inputSchema");
    assertThat(schemaText.isTextual()).isTrue();
    assertThat(schemaText.asText()).contains("\"title\":\"Input\"");
    assertThat(build.getActVersion().getSourceFiles()).hasSize(4);
  }

  @Test
  void aDefinitionThatBreaksItsRulesIsLeftOutAndTheBuildStillSucceeds() {
    Version version =
        new Version()
            .versionNumber("0.1")
            .sourceType(VersionSourceType.SOURCE_FILES)
            .buildTag("latest")
            .sourceFiles(
                List.of(
                    file(
                        ".actor/actor.json",
                        "{\"actorSpecification\": 2, \"name\": \"x\"}",
                        SourceCodeFileFormat.TEXT)));
    Version notJson =
        new Version()
            .versionNumber("0.2")
            .sourceType(VersionSourceType.SOURCE_FILES)
            .buildTag("next")
            .sourceFiles(
                List.of(file(".actor/actor.json", "{not json", SourceCodeFileFormat.TEXT)));
    Actor actor =
        alice
            .actors()
            .create(
                new CreateActorRequest()
                    .name(uniqueName("broken-definition"))
                    .versions(List.of(version, notJson)));

    for (String number : List.of("0.1", "0.2")) {
      Build build = alice.actor(actor.getId()).builds().create(number);
      assertThat(build.getStatus().getValue()).isEqualTo("SUCCEEDED");
      assertThat(build.getActorDefinition()).isNull();
      assertThat(build.getInputSchema()).isNull();
    }
  }

  private static SourceCodeEntry file(String name, String content, SourceCodeFileFormat format) {
    return new SourceCodeEntry().name(name).format(format).content(content);
  }
}
