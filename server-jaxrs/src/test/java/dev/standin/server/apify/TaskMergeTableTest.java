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
  void everyUpdatableRequestPropertyIsReplaced() {
    Map<String, MergeTable.Rule> rules = TaskService.TASK_UPDATE.rules();
    for (String property : jsonProperties(UpdateTaskRequest.class)) {
      assertThat(rules.get(property)).as(property).isEqualTo(MergeTable.Rule.REPLACE);
    }
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
