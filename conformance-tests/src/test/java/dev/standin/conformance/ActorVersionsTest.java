package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.standin.apify.model.Actor;
import dev.standin.apify.model.UpdateActorRequest;
import dev.standin.apify.model.Version;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The version routes (ADR 0024): list, add, read, partial update (PUT and POST), delete, in both
 * spellings; the limits on the number of versions, also through Actor create and update.
 */
class ActorVersionsTest extends ConformanceTest {

  private static final String ALICE = ServerHarness.ALICE_TOKEN;

  private static ServerHarness.RawResponse call(String method, String path, String body) {
    return body == null
        ? server.raw(method, path, ALICE, null, null)
        : server.rawJson(method, path, ALICE, body);
  }

  /** The Actor as stored, for "nothing changed" checks. */
  private static String state(Actor actor) {
    return call("GET", "/v2/actors/" + actor.getId(), null).json().path("data").toString();
  }

  private static void assertRefused(ServerHarness.RawResponse r, int status, String type) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.errorType()).as(r.body()).isEqualTo(type);
  }

  @Test
  void versionsAreListedAddedReadUpdatedInPartAndDeleted() {
    Actor actor = newActor(alice);
    String base = "/v2/actors/" + actor.getId() + "/versions";

    JsonNode list = call("GET", base, null).json().path("data");
    assertThat(list.path("total").asInt()).isEqualTo(1);
    assertThat(list.path("items").path(0).path("versionNumber").asText()).isEqualTo("0.0");

    ServerHarness.RawResponse created =
        call(
            "POST",
            "/v2/acts/" + actor.getId() + "/versions",
            "{\"versionNumber\": \"0.1\", \"sourceType\": \"GIT_REPO\", \"gitRepoUrl\":"
                + " \"https://github.com/alice/a\", \"buildTag\": \"latest\", \"envVars\": [{\"name\":"
                + " \"TOKEN\", \"value\": \"s3cret\", \"isSecret\": true}, {\"name\": \"MODE\","
                + " \"value\": \"fast\"}]}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.headers().get("location").get(0))
        .endsWith("/v2/acts/" + actor.getId() + "/versions/0.1");
    JsonNode version = created.json().path("data");
    assertThat(version.path("envVars").path(0).has("value")).isFalse(); // secret never answered
    assertThat(version.path("envVars").path(1).path("value").asText()).isEqualTo("fast");
    Actor afterCreate = alice.actor(actor.getId()).get().orElseThrow();
    assertThat(afterCreate.getVersions())
        .extracting(Version::getVersionNumber)
        .containsExactly("0.0", "0.1");
    assertThat(afterCreate.getModifiedAt()).isAfter(actor.getModifiedAt());

    assertThat(call("GET", base + "/0.1", null).json().path("data")).isEqualTo(version);
    assertThat(
            call("GET", "/v2/acts/~" + actor.getName() + "/versions/0.1", null).json().path("data"))
        .isEqualTo(version);

    // PUT: sent replaces, absent kept, the secret sent without a value keeps its value
    ServerHarness.RawResponse put =
        call(
            "PUT",
            base + "/0.1",
            "{\"versionNumber\": \"0.1\", \"buildTag\": \"beta\", \"envVars\": [{\"name\": \"TOKEN\","
                + " \"isSecret\": true}]}");
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    JsonNode updated = put.json().path("data");
    assertThat(updated.path("buildTag").asText()).isEqualTo("beta");
    assertThat(updated.path("gitRepoUrl").asText()).isEqualTo("https://github.com/alice/a");
    assertThat(updated.path("sourceType").asText()).isEqualTo("GIT_REPO");
    assertThat(updated.path("envVars").size()).isEqualTo(1);
    // POST on one version is the same partial update; null clears a nullable property
    ServerHarness.RawResponse post =
        call("POST", "/v2/acts/" + actor.getId() + "/versions/0.1", "{\"buildTag\": null}");
    assertThat(post.status()).as(post.body()).isEqualTo(200);
    assertThat(
            post.json().path("data").path("buildTag").isNull()
                || post.json().path("data").path("buildTag").isMissingNode())
        .isTrue();
    assertThat(post.json().path("data").path("envVars").size()).isEqualTo(1);
    // the Actor's own versions[] shows the same version, its secret kept across both updates
    Actor afterUpdates = alice.actor(actor.getId()).get().orElseThrow();
    assertThat(afterUpdates.getVersions().get(1).getBuildTag()).isNull();
    assertThat(afterUpdates.getModifiedAt()).isAfter(afterCreate.getModifiedAt());
    // the secret is still stored: the Actor can be written back as read
    assertThat(
            alice
                .actor(actor.getId())
                .update(new UpdateActorRequest().versions(afterUpdates.getVersions()))
                .getVersions())
        .hasSize(2);

    ServerHarness.RawResponse deleted = call("DELETE", base + "/0.1", null);
    assertThat(deleted.status()).isEqualTo(204);
    assertRefused(call("GET", base + "/0.1", null), 404, "record-not-found");
    assertThat(
            call("GET", "/v2/acts/" + actor.getId() + "/versions", null)
                .json()
                .path("data")
                .path("total")
                .asInt())
        .isEqualTo(1);
  }

  @Test
  void badVersionRequestsAreRefusedAndChangeNothing() {
    Actor actor = newActor(alice);
    String base = "/v2/actors/" + actor.getId() + "/versions";
    String before = state(actor);

    assertRefused(
        call("POST", base, "{\"sourceType\": \"GIT_REPO\", \"gitRepoUrl\": \"https://e.com\"}"),
        400,
        "invalid-value");
    assertRefused(call("POST", base, "{\"versionNumber\": \"0.4\"}"), 400, "invalid-value");
    assertRefused(
        call("POST", base, "{\"versionNumber\": \"0.4\", \"sourceType\": \"TARBALL\"}"),
        400,
        "invalid-value");
    assertRefused(
        call(
            "POST",
            base,
            "{\"versionNumber\": \"0.0\", \"sourceType\": \"GIT_REPO\", \"gitRepoUrl\": \"https://e.com\"}"),
        403,
        "version-already-exists");
    assertRefused(
        call(
            "POST",
            base,
            "{\"versionNumber\": \"0.5\", \"sourceType\": \"GIT_REPO\", \"gitRepoUrl\":"
                + " \"https://e.com\", \"envVars\": [{\"name\": \"S\", \"isSecret\": true}]}"),
        400,
        "invalid-value");
    assertRefused(call("POST", base, null), 400, "invalid-input");
    assertRefused(call("PUT", base + "/0.0", "{\"versionNumber\": \"0.5\"}"), 400, "invalid-value");
    assertRefused(
        call("PUT", base + "/0.0", "{\"sourceType\": \"TARBALL\"}"), 400, "invalid-value");
    assertRefused(call("PUT", base + "/9.9", "{\"buildTag\": \"x\"}"), 404, "record-not-found");
    assertRefused(call("DELETE", base + "/9.9", null), 404, "record-not-found");
    assertRefused(call("DELETE", base + "/0.0", null), 403, "too-few-versions");
    for (String method : List.of("GET", "DELETE")) {
      ServerHarness.RawResponse bobs =
          server.raw(method, base + "/0.0", ServerHarness.BOB_TOKEN, null, null);
      assertThat(bobs.status()).as(method).isEqualTo(403);
    }
    ServerHarness.RawResponse bobsPost =
        server.rawJson(
            "POST",
            base,
            ServerHarness.BOB_TOKEN,
            "{\"versionNumber\": \"0.6\", \"sourceType\": \"GIT_REPO\", \"gitRepoUrl\": \"https://e.com\"}");
    assertThat(bobsPost.status()).isEqualTo(403);
    assertThat(server.raw("GET", base, null, null, null).status()).isEqualTo(401);

    assertThat(state(actor)).isEqualTo(before);
  }

  @Test
  void anActorHasOneToAHundredVersions() {
    // none at create: refused, nothing created
    String name = uniqueName("versionless");
    assertError(
        failure(
            () ->
                alice.actors().create(new dev.standin.apify.model.CreateActorRequest().name(name))),
        403,
        "too-few-versions");
    assertError(
        failure(() -> alice.actors().create(actorRequest().name(name).versions(List.of()))),
        403,
        "too-few-versions");
    assertThat(alice.actor("~" + name).get()).isEmpty();

    List<Version> hundred = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      hundred.add(
          new Version()
              .versionNumber((i / 10) + "." + (i % 10))
              .sourceType(dev.standin.apify.model.VersionSourceType.GIT_REPO)
              .gitRepoUrl("https://github.com/alice/v" + i));
    }
    Actor full = alice.actors().create(actorRequest().name(name).versions(hundred));
    assertThat(full.getVersions()).hasSize(100);
    String before = state(full);

    List<Version> tooMany = new ArrayList<>(hundred);
    tooMany.add(
        new Version()
            .versionNumber("50.0")
            .sourceType(dev.standin.apify.model.VersionSourceType.GIT_REPO)
            .gitRepoUrl("https://github.com/alice/v100"));
    assertError(
        failure(() -> alice.actor(full.getId()).update(new UpdateActorRequest().versions(tooMany))),
        403,
        "too-many-versions");
    assertError(
        failure(
            () -> alice.actors().create(actorRequest().name(uniqueName("many")).versions(tooMany))),
        403,
        "too-many-versions");
    assertRefused(
        call(
            "POST",
            "/v2/actors/" + full.getId() + "/versions",
            "{\"versionNumber\": \"50.0\", \"sourceType\": \"GIT_REPO\", \"gitRepoUrl\": \"https://e.com\"}"),
        403,
        "too-many-versions");
    assertError(
        failure(
            () -> alice.actor(full.getId()).update(new UpdateActorRequest().versions(List.of()))),
        403,
        "too-few-versions");
    assertThat(state(full)).isEqualTo(before);
  }
}
