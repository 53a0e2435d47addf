package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.spaaza.model.Task;
import dev.standin.spaaza.model.UpdateTaskRequest;
import org.junit.jupiter.api.Test;

/**
 * Strict input: a value of the wrong JSON type is refused (400, naming the field) instead of being
 * converted, and a path segment is an ID only as plain text (matrix parameters are 404). Nothing
 * changes on a refusal.
 */
class SpaazaStrictInputTest extends SpaazaConformanceTest {

  private static final String TARGET =
      "\"target\":{\"action\":\"export\",\"export_index\":\"users\",\"export_format\":\"csv\"}";
  private static final String TRIGGER = "\"trigger\":{\"once\":\"2030-01-01T00:00:00Z\"}";

  private static String tasksOfChainA() {
    return raw("GET", "/tasks?limit=1000", asChainA(), null).body();
  }

  private static void assertRefused(Raw r, String name, String field) {
    r.assertError(400, name);
    assertThat(r.json().path("error").path("description").asText())
        .as("names the field")
        .contains("\"" + field);
  }

  @Test
  void createTakesEachFieldOnlyInItsOwnType() {
    String before = tasksOfChainA();

    assertRefused(
        raw(
            "POST",
            "/tasks",
            asChainA(),
            "{\"chain\":\"1764\",\"desc\":\"d\"," + TARGET + "," + TRIGGER + "}"),
        "invalid_field",
        "chain");
    assertRefused(
        raw(
            "POST",
            "/tasks",
            asChainA(),
            "{\"chain\":1764,\"desc\":3," + TARGET + "," + TRIGGER + "}"),
        "invalid_field",
        "desc");
    assertRefused(
        raw(
            "POST",
            "/tasks",
            asChainA(),
            "{\"chain\":1764,\"desc\":\"d\",\"debug\":true," + TARGET + "," + TRIGGER + "}"),
        "invalid_field",
        "debug");
    assertRefused(
        raw(
            "POST",
            "/tasks",
            asChainA(),
            "{\"chain\":1764,\"desc\":\"d\",\"target\":{\"action\":\"export\",\"export_index\":1,"
                + "\"export_format\":\"csv\"},"
                + TRIGGER
                + "}"),
        "invalid_target",
        "target.export_index");
    assertRefused(
        raw(
            "POST",
            "/tasks",
            asChainA(),
            "{\"chain\":1764,\"desc\":\"d\",\"target\":{\"action\":\"export\",\"export_index\":\"users\","
                + "\"export_format\":\"csv\",\"campaign_id\":\"31\"},"
                + TRIGGER
                + "}"),
        "invalid_target",
        "target.campaign_id");
    assertThat(tasksOfChainA()).as("nothing created").isEqualTo(before);

    Raw accepted =
        raw(
            "POST",
            "/tasks",
            asChainA(),
            "{\"chain\":1764,\"desc\":\"d\",\"debug\":\"7\"," + TARGET + "," + TRIGGER + "}");
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    assertThat(accepted.json().path("debug").asText()).isEqualTo("7");
  }

  @Test
  void updateTakesEachFieldOnlyInItsOwnType() {
    Task task = newTask(chainA, CHAIN_A);
    String path = "/tasks/" + task.getId();

    assertRefused(raw("PUT", path, asChainA(), "{\"desc\":5}"), "invalid_field", "desc");
    assertRefused(raw("PUT", path, asChainA(), "{\"debug\":7}"), "invalid_field", "debug");
    assertRefused(raw("PUT", path, asChainA(), "{\"desc\":[\"x\"]}"), "invalid_field", "desc");
    assertRefused(
        raw(
            "PUT",
            path,
            asChainA(),
            "{\"trigger\":{\"once\":\"2030-01-01T00:00:00Z\",\"segment_id\":9}}"),
        "invalid_trigger",
        "trigger.segment_id");
    assertRefused(
        raw(
            "PUT",
            path,
            asChainA(),
            "{\"target\":{\"action\":\"export\",\"export_index\":\"users\",\"export_format\":true}}"),
        "invalid_target",
        "target.export_format");
    assertThat(chainA.task(task.getId()).get()).as("nothing changed").isEqualTo(task);

    Task updated = chainA.task(task.getId()).update(new UpdateTaskRequest().desc("5").debug("7"));
    assertThat(updated.getDesc()).isEqualTo("5");
    assertThat(updated.getDebug()).isEqualTo("7");
    assertThat(updated.getVersion()).isEqualTo(2L);
  }

  @Test
  void aPathSegmentCarryingMatrixParametersIs404AndReachesNoTask() {
    Task task = newTask(chainA, CHAIN_A);
    String path = "/tasks/" + task.getId();

    raw("GET", path + ";anything", asChainA(), null).assertError(404, "route_not_found");
    raw("PUT", path + ";x=1", asChainA(), "{\"desc\":\"changed\"}")
        .assertError(404, "route_not_found");
    raw("POST", path + ";x/execute", asChainA(), null).assertError(404, "route_not_found");
    raw("DELETE", "/tasks;a=b/" + task.getId(), asChainA(), null)
        .assertError(404, "route_not_found");

    assertThat(chainA.task(task.getId()).get()).as("nothing changed").isEqualTo(task);
    assertThat(raw("GET", path, asChainA(), null).status()).as("the plain path").isEqualTo(200);
  }
}
