package dev.standin.server.apify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.standin.apify.model.Actor;
import dev.standin.apify.model.ActorStandby;
import dev.standin.apify.model.DefaultRunOptions;
import dev.standin.apify.model.TaggedBuildInfo;
import dev.standin.apify.model.UpdateActorRequest;
import dev.standin.apify.model.UpdateVersionRequest;
import dev.standin.apify.model.Version;
import dev.standin.server.kernel.merge.MergeTable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Actor update table covers every property, and the tag patch keeps what it does not name. */
class ActorMergeTableTest {

  private static final ObjectMapper MAPPER = ApifyModule.mapper();

  private static Set<String> jsonProperties(Class<?> type) {
    BeanDescription description =
        MAPPER.getSerializationConfig().introspect(MAPPER.constructType(type));
    return description.findProperties().stream()
        .map(BeanPropertyDefinition::getName)
        .collect(Collectors.toSet());
  }

  @Test
  void everyActorPropertyHasARule() {
    assertThat(ActorService.ACTOR_UPDATE.rules().keySet())
        .containsExactlyInAnyOrderElementsOf(jsonProperties(Actor.class));
  }

  @Test
  void everyRequestPropertyIsReplacedExceptTagsPatchedAndSettingsMerged() {
    Map<String, MergeTable.Rule> rules = ActorService.ACTOR_UPDATE.rules();
    for (String property : jsonProperties(UpdateActorRequest.class)) {
      MergeTable.Rule expected =
          switch (property) {
            case "taggedBuilds" -> MergeTable.Rule.PATCH;
            case "defaultRunOptions", "actorStandby" -> MergeTable.Rule.MERGE;
            default -> MergeTable.Rule.REPLACE;
          };
      assertThat(rules.get(property)).as(property).isEqualTo(expected);
    }
  }

  @Test
  void theSettingsTablesCoverEverySubProperty() {
    Map<String, MergeTable<?, ?>> nested = ActorService.ACTOR_UPDATE.nested();
    assertThat(nested.get("defaultRunOptions").rules().keySet())
        .containsExactlyInAnyOrderElementsOf(jsonProperties(DefaultRunOptions.class));
    assertThat(nested.get("actorStandby").rules().keySet())
        .containsExactlyInAnyOrderElementsOf(jsonProperties(ActorStandby.class));
  }

  @Test
  void theVersionTableCoversEveryVersionProperty() {
    assertThat(ActorVersions.VERSION_UPDATE.rules().keySet())
        .containsExactlyInAnyOrderElementsOf(jsonProperties(Version.class))
        .containsExactlyInAnyOrderElementsOf(jsonProperties(UpdateVersionRequest.class));
  }

  @Test
  void runOptionsMergeOneLevelAndNullResetsToTheDefault() throws Exception {
    Actor actor =
        new Actor()
            .defaultRunOptions(
                new DefaultRunOptions()
                    .build("beta")
                    .timeoutSecs(60L)
                    .memoryMbytes(1024)
                    .restartOnError(true)
                    .maxItems(5L));
    UpdateActorRequest request =
        MAPPER.readValue(
            "{\"defaultRunOptions\": {\"memoryMbytes\": 2048, \"build\": null, \"maxItems\":"
                + " null}}",
            UpdateActorRequest.class);

    ActorService.ACTOR_UPDATE.apply(new ActorService.ActorUpdate(request, null, null), actor);

    DefaultRunOptions options = actor.getDefaultRunOptions();
    assertThat(options.getMemoryMbytes()).isEqualTo(2048);
    assertThat(options.getBuild()).isEqualTo("latest"); // null: back to the default
    assertThat(options.getTimeoutSecs()).isEqualTo(60L); // absent: kept
    assertThat(options.getRestartOnError()).isTrue();
    assertThat(options.getMaxItems_JsonNullable().isPresent()).isTrue();
    assertThat(options.getMaxItems()).isNull(); // nullable: cleared
  }

  @Test
  void aVersionUpdateKeepsAbsentPropertiesAndStoredSecrets() throws Exception {
    Version stored =
        MAPPER.readValue(
            "{\"versionNumber\": \"0.1\", \"sourceType\": \"GIT_REPO\", \"gitRepoUrl\": \"g\","
                + " \"buildTag\": \"latest\", \"envVars\": [{\"name\": \"S\", \"value\": \"v\","
                + " \"isSecret\": true}]}",
            Version.class);
    Version before = MAPPER.convertValue(stored, Version.class);
    UpdateVersionRequest change =
        MAPPER.readValue(
            "{\"buildTag\": null, \"envVars\": [{\"name\": \"S\", \"isSecret\": true}]}",
            UpdateVersionRequest.class);

    ActorVersions.VERSION_UPDATE.apply(new ActorVersions.VersionChange(change, before), stored);

    assertThat(stored.getGitRepoUrl()).isEqualTo("g");
    assertThat(stored.getBuildTag()).isNull();
    assertThat(stored.getEnvVars().get(0).getValue()).isEqualTo("v");
  }

  @Test
  void theTagPatchSetsMovesAndRemovesNamedTagsOnly() throws Exception {
    Map<String, TaggedBuildInfo> stored = new LinkedHashMap<>();
    stored.put("latest", new TaggedBuildInfo().buildId("old"));
    stored.put("beta", new TaggedBuildInfo().buildId("b"));
    stored.put("stable", new TaggedBuildInfo().buildId("s"));
    Actor actor = new Actor().title("kept").taggedBuilds(stored);
    Map<String, TaggedBuildInfo> patch = new HashMap<>();
    patch.put("latest", new TaggedBuildInfo().buildId("new"));
    patch.put("beta", null);
    patch.put("nightly", new TaggedBuildInfo().buildId("n"));
    UpdateActorRequest request = MAPPER.readValue("{}", UpdateActorRequest.class);

    ActorService.ACTOR_UPDATE.apply(new ActorService.ActorUpdate(request, patch, null), actor);

    assertThat(actor.getTaggedBuilds()).containsOnlyKeys("latest", "stable", "nightly");
    assertThat(actor.getTaggedBuilds().get("latest").getBuildId()).isEqualTo("new");
    assertThat(actor.getTaggedBuilds().get("stable").getBuildId()).isEqualTo("s");
    assertThat(actor.getTitle()).isEqualTo("kept");
  }

  @Test
  void buildNumbersSortAsIntegers() {
    assertThat(BuildService.buildNumberInt("0.0.1")).isEqualTo(1L);
    assertThat(BuildService.buildNumberInt("1.2.3")).isEqualTo(10_200_003L);
    assertThat(BuildService.buildNumberInt("99.99.99999"))
        .isEqualTo(990_000_000L + 9_900_000L + 99_999L);
  }
}
