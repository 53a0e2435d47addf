package dev.standin.server.spaaza.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.standin.server.kernel.merge.MergeTable;
import dev.standin.spaaza.json.SpaazaJson;
import dev.standin.spaaza.model.Task;
import dev.standin.spaaza.model.UpdateTaskRequest;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Spaaza update table must cover every task property, so a new spec field needs a rule. */
class SpaazaTaskMergeTableTest {

  private static final ObjectMapper MAPPER = SpaazaJson.newMapper();

  private static Set<String> jsonProperties(Class<?> type) {
    BeanDescription description =
        MAPPER.getSerializationConfig().introspect(MAPPER.constructType(type));
    return description.findProperties().stream()
        .map(BeanPropertyDefinition::getName)
        .collect(Collectors.toSet());
  }

  @Test
  void everyTaskPropertyHasARule() {
    assertThat(SpaazaTaskService.TASK_UPDATE.rules().keySet())
        .containsExactlyInAnyOrderElementsOf(jsonProperties(Task.class));
  }

  @Test
  void exactlyTheRequestPropertiesAreReplaced() {
    Set<String> replaced =
        SpaazaTaskService.TASK_UPDATE.rules().entrySet().stream()
            .filter(e -> e.getValue() == MergeTable.Rule.REPLACE)
            .map(java.util.Map.Entry::getKey)
            .collect(Collectors.toSet());
    assertThat(replaced).isEqualTo(jsonProperties(UpdateTaskRequest.class));
  }

  @Test
  void presentValuesReplaceAbsentOnesStay() throws Exception {
    Task stored = new Task().desc("old").debug("kept");
    UpdateTaskRequest patch = MAPPER.readValue("{\"desc\": \"new\"}", UpdateTaskRequest.class);

    SpaazaTaskService.TASK_UPDATE.apply(patch, stored);

    assertThat(stored.getDesc()).isEqualTo("new");
    assertThat(stored.getDebug()).isEqualTo("kept");
  }
}
