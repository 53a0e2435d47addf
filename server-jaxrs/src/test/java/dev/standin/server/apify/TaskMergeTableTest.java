package dev.standin.server.apify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.standin.apify.json.ApifyJson;
import dev.standin.apify.model.Task;
import dev.standin.apify.model.TaskOptions;
import dev.standin.apify.model.UpdateTaskRequest;
import dev.standin.server.kernel.merge.MergeTable;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The update table must cover every property of the task, so a new spec field needs a rule. */
class TaskMergeTableTest {

  private static final ObjectMapper MAPPER = ApifyJson.newMapper();

  private static Set<String> jsonProperties(Class<?> type) {
    BeanDescription description =
        MAPPER.getSerializationConfig().introspect(MAPPER.constructType(type));
    return description.findProperties().stream()
        .map(BeanPropertyDefinition::getName)
        .collect(Collectors.toSet());
  }

  @Test
  void everyTaskPropertyHasARule() {
    assertThat(TaskService.TASK_UPDATE.rules().keySet())
        .containsExactlyInAnyOrderElementsOf(jsonProperties(Task.class));
  }

  @Test
  void everyUpdatableRequestPropertyIsReplacedExceptTheSettingsWhichAreMerged() {
    Map<String, MergeTable.Rule> rules = TaskService.TASK_UPDATE.rules();
    for (String property : jsonProperties(UpdateTaskRequest.class)) {
      MergeTable.Rule expected =
          property.equals("options") || property.equals("actorStandby")
              ? MergeTable.Rule.MERGE
              : MergeTable.Rule.REPLACE;
      assertThat(rules.get(property)).as(property).isEqualTo(expected);
    }
    assertThat(TaskService.TASK_UPDATE.nested().get("options").rules().keySet())
        .containsExactlyInAnyOrderElementsOf(jsonProperties(TaskOptions.class));
  }

  @Test
  void optionsMergeOneLevel() throws Exception {
    Task stored =
        new Task().options(new TaskOptions().build("beta").memoryMbytes(256).timeoutSecs(60L));
    UpdateTaskRequest patch =
        MAPPER.readValue(
            "{\"options\": {\"memoryMbytes\": 512, \"build\": null}}", UpdateTaskRequest.class);

    TaskService.TASK_UPDATE.apply(patch, stored);

    assertThat(stored.getOptions().getMemoryMbytes()).isEqualTo(512);
    assertThat(stored.getOptions().getTimeoutSecs()).isEqualTo(60L);
    assertThat(stored.getOptions().getBuild()).isNull();
  }

  @Test
  void presentValuesReplaceAbsentOnesKeepNullsClear() throws Exception {
    Task stored = new Task().name("old").title("kept").options(new TaskOptions().memoryMbytes(256));
    UpdateTaskRequest patch =
        MAPPER.readValue("{\"name\": \"new\", \"options\": null}", UpdateTaskRequest.class);

    TaskService.TASK_UPDATE.apply(patch, stored);

    assertThat(stored.getName()).isEqualTo("new");
    assertThat(stored.getTitle()).isEqualTo("kept");
    assertThat(stored.getOptions_JsonNullable().isPresent()).isTrue();
    assertThat(stored.getOptions()).isNull();
  }
}
