package dev.standin.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.apify.client.ActorUpdate;
import dev.standin.apify.client.TaskUpdate;
import dev.standin.apify.client.VersionUpdate;
import dev.standin.apify.json.ApifyJson;
import dev.standin.apify.model.ActorPermissionLevel;
import dev.standin.apify.model.ActorStandby;
import dev.standin.apify.model.DefaultRunOptions;
import dev.standin.apify.model.EnvVar;
import dev.standin.apify.model.TaskOptions;
import dev.standin.apify.model.VersionSourceType;
import dev.standin.spaaza.client.SpaazaTaskUpdate;
import dev.standin.spaaza.json.SpaazaJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the builders put on the wire: set → value, clear → null, untouched → no key at all. */
class UpdateBuildersJsonTest {

  private static final ObjectMapper APIFY = ApifyJson.newMapper();
  private static final ObjectMapper SPAAZA = SpaazaJson.newMapper();

  private static JsonNode json(ObjectMapper mapper, Object request) {
    return mapper.valueToTree(request);
  }

  @Test
  void taskUpdateSendsOnlyWhatItWasTold() {
    JsonNode body =
        json(
            APIFY,
            TaskUpdate.create()
                .title("x")
                .clearOptions()
                .input(Map.of("a", 1))
                .clearActorStandby()
                .build());

    assertThat(body.get("title").asText()).isEqualTo("x");
    assertThat(body.get("options").isNull()).isTrue();
    assertThat(body.get("input").get("a").asInt()).isEqualTo(1);
    assertThat(body.get("actorStandby").isNull()).isTrue();
    assertThat(body.has("name")).isFalse();
    assertThat(json(APIFY, TaskUpdate.create().build()).size()).isZero();
  }

  @Test
  void laterStepsWinAndTheBuilderIsReusable() {
    TaskUpdate update = TaskUpdate.create().title("first").clearTitle();

    assertThat(json(APIFY, update.build()).get("title").isNull()).isTrue();
    assertThat(json(APIFY, update.title("again").build()).get("title").asText()).isEqualTo("again");
    assertThat(update.build()).isNotSameAs(update.build());
  }

  @Test
  void actorUpdateClearsSetsAndPatchesTags() {
    JsonNode body =
        json(
            APIFY,
            ActorUpdate.create()
                .name("renamed")
                .actorPermissionLevel(ActorPermissionLevel.LIMITED_PERMISSIONS)
                .clearDescription()
                .clearTitle()
                .seoDescription("seo")
                .categories(List.of("AI"))
                .resetDefaultRunOptions()
                .clearExampleRunInput()
                .clearIsDeprecated()
                .tagBuild("beta", "build1")
                .removeTag("old")
                .build());

    assertThat(body.get("name").asText()).isEqualTo("renamed");
    assertThat(body.get("actorPermissionLevel").asText()).isEqualTo("LIMITED_PERMISSIONS");
    assertThat(body.get("description").isNull()).isTrue();
    assertThat(body.get("title").isNull()).isTrue();
    assertThat(body.get("seoDescription").asText()).isEqualTo("seo");
    assertThat(body.get("categories").get(0).asText()).isEqualTo("AI");
    assertThat(body.get("defaultRunOptions").isNull()).isTrue();
    assertThat(body.get("exampleRunInput").isNull()).isTrue();
    assertThat(body.get("isDeprecated").isNull()).isTrue();
    assertThat(body.get("taggedBuilds").get("beta").get("buildId").asText()).isEqualTo("build1");
    assertThat(body.get("taggedBuilds").has("old")).isTrue();
    assertThat(body.get("taggedBuilds").get("old").isNull()).isTrue();
    assertThat(body.has("seoTitle")).isFalse();
    assertThat(body.has("versions")).isFalse();
    assertThat(body.has("isPublic")).isFalse();
    assertThat(body.has("actorStandby")).isFalse();
  }

  @Test
  void actorUpdateCopiesListsWhenTheyAreGiven() {
    java.util.ArrayList<String> categories = new java.util.ArrayList<>(List.of("AI"));
    ActorUpdate update =
        ActorUpdate.create().categories(categories).defaultRunOptions(new DefaultRunOptions());
    categories.add("NEWS");

    assertThat(json(APIFY, update.build()).get("categories")).hasSize(1);
  }

  @Test
  void spaazaTaskUpdateNeverSendsNull() {
    JsonNode body = json(SPAAZA, SpaazaTaskUpdate.create().desc("d").build());

    assertThat(body.get("desc").asText()).isEqualTo("d");
    assertThat(body.has("debug")).isFalse();
    assertThat(body.has("target")).isFalse();
    assertThat(body.has("trigger")).isFalse();
    assertThatThrownBy(() -> SpaazaTaskUpdate.create().desc(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void versionUpdateSendsOnlyWhatItWasTold() {
    JsonNode body =
        json(
            APIFY,
            VersionUpdate.create()
                .sourceType(VersionSourceType.GIT_REPO)
                .gitRepoUrl("https://example.com/repo.git")
                .clearBuildTag()
                .envVars(List.of(new EnvVar().name("TOKEN").isSecret(true)))
                .clearTarballUrl()
                .build());

    assertThat(body.get("sourceType").asText()).isEqualTo("GIT_REPO");
    assertThat(body.get("gitRepoUrl").asText()).isEqualTo("https://example.com/repo.git");
    assertThat(body.get("buildTag").isNull()).isTrue();
    assertThat(body.get("tarballUrl").isNull()).isTrue();
    assertThat(body.get("envVars").get(0).get("name").asText()).isEqualTo("TOKEN");
    assertThat(body.get("envVars").get(0).has("value")).isFalse();
    assertThat(body.has("versionNumber")).isFalse();
    assertThat(body.has("sourceFiles")).isFalse();
    assertThat(body.has("applyEnvVarsToBuild")).isFalse();
    assertThat(body.has("gitHubGistUrl")).isFalse();
    assertThat(json(APIFY, VersionUpdate.create().clearEnvVars().build()).get("envVars").isNull())
        .isTrue();
    assertThat(json(APIFY, VersionUpdate.create().build()).size()).isZero();
  }

  @Test
  void actorUpdateSendsRestartOnErrorAndSingleDefaultRunOptions() {
    JsonNode body =
        json(
            APIFY,
            ActorUpdate.create()
                .restartOnError(true)
                .defaultRunMemoryMbytes(1024)
                .defaultRunBuild("beta")
                .build());

    assertThat(body.get("restartOnError").asBoolean()).isTrue();
    assertThat(body.get("defaultRunOptions").get("memoryMbytes").asInt()).isEqualTo(1024);
    assertThat(body.get("defaultRunOptions").get("build").asText()).isEqualTo("beta");
    assertThat(body.get("defaultRunOptions").has("timeoutSecs")).isFalse();
    assertThat(body.get("defaultRunOptions").size()).isEqualTo(2);
    assertThat(body.size()).isEqualTo(2);
    // A reset followed by a single option sends only that option; the later step wins.
    JsonNode reset =
        json(
            APIFY, ActorUpdate.create().resetDefaultRunOptions().defaultRunTimeoutSecs(60).build());
    assertThat(reset.get("defaultRunOptions").get("timeoutSecs").asLong()).isEqualTo(60);
    assertThat(reset.get("defaultRunOptions").size()).isEqualTo(1);
  }

  @Test
  void singleOptionSettersDoNotChangeTheCallersObject() {
    DefaultRunOptions given = new DefaultRunOptions().timeoutSecs(30L).maxItems(null);
    ActorUpdate update = ActorUpdate.create().defaultRunOptions(given).defaultRunMemoryMbytes(512);

    JsonNode body = json(APIFY, update.build()).get("defaultRunOptions");
    assertThat(body.get("timeoutSecs").asLong()).isEqualTo(30);
    assertThat(body.get("memoryMbytes").asInt()).isEqualTo(512);
    assertThat(body.get("maxItems").isNull()).isTrue();
    assertThat(body.has("build")).isFalse();
    assertThat(given.getMemoryMbytes()).isNull();
    assertThat(json(APIFY, update.build()).get("defaultRunOptions")).isEqualTo(body);

    ActorStandby standby = new ActorStandby().isEnabled(true);
    JsonNode sent = json(APIFY, ActorUpdate.create().actorStandby(standby).build());
    standby.memoryMbytes(256);
    assertThat(sent.get("actorStandby").size()).isEqualTo(1);
  }

  @Test
  void taskUpdateMergesSingleOptionsIntoOneObject() {
    TaskOptions given = new TaskOptions().maxItems(null).build("latest");
    JsonNode body =
        json(
            APIFY,
            TaskUpdate.create()
                .options(given)
                .memoryMbytes(2048)
                .timeoutSecs(120)
                .restartOnError(true)
                .build());

    JsonNode options = body.get("options");
    assertThat(options.get("memoryMbytes").asInt()).isEqualTo(2048);
    assertThat(options.get("timeoutSecs").asLong()).isEqualTo(120);
    assertThat(options.get("restartOnError").asBoolean()).isTrue();
    assertThat(options.get("build").asText()).isEqualTo("latest");
    assertThat(options.get("maxItems").isNull()).isTrue();
    assertThat(options.has("maxTotalChargeUsd")).isFalse();
    assertThat(given.getMemoryMbytes()).isNull();
    assertThat(json(APIFY, TaskUpdate.create().runBuild("beta").build()).get("options").size())
        .isEqualTo(1);
  }
}
