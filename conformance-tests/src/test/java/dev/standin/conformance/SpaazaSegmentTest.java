package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.standin.spaaza.client.SpaazaApiException;
import dev.standin.spaaza.model.CreateTaskRequest;
import dev.standin.spaaza.model.ExportFormat;
import dev.standin.spaaza.model.ExportIndex;
import dev.standin.spaaza.model.SegmentFieldType;
import dev.standin.spaaza.model.SegmentJoin;
import dev.standin.spaaza.model.SegmentOperator;
import dev.standin.spaaza.model.SegmentRule;
import dev.standin.spaaza.model.SegmentTimeFactor;
import dev.standin.spaaza.model.Task;
import dev.standin.spaaza.model.TaskAction;
import dev.standin.spaaza.model.TaskSegment;
import dev.standin.spaaza.model.TaskStateCode;
import dev.standin.spaaza.model.TaskTarget;
import dev.standin.spaaza.model.TaskTrigger;
import dev.standin.spaaza.model.UpdateTaskRequest;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Inline segments (ADR 0028): accepted, stored and answered as sent, refused with 400 {@code
 * invalid_trigger} naming what is wrong, and applied when the export runs over the fixture users
 * (501 Anna NL, 502 Bram NL, 503 Chloé FR, 504 Dirk NL without a last visit, 505 Eva DE, 506 Finn
 * NL; the test clock stands at 2026-05-26T11:59:00Z).
 */
class SpaazaSegmentTest extends SpaazaConformanceTest {

  private static SegmentRule rule(String field, SegmentFieldType type, SegmentOperator operator) {
    return new SegmentRule().fieldName(field).fieldType(type).operator(operator);
  }

  private static TaskSegment segment(SegmentJoin join, SegmentRule... rules) {
    return new TaskSegment().join(join).rules(List.of(rules));
  }

  private static CreateTaskRequest usersExport(TaskSegment segment, ExportFormat format) {
    return newTaskRequest(CHAIN_A)
        .target(
            new TaskTarget()
                .action(TaskAction.EXPORT)
                .exportIndex(ExportIndex.USERS)
                .exportFormat(format))
        .trigger(new TaskTrigger().once(inOneHour()).segment(segment));
  }

  /** Runs a users export narrowed by {@code segment}; the user IDs of its result file. */
  private static Set<Long> exportedUsers(TaskSegment segment) {
    Task task = chainA.tasks().create(usersExport(segment, ExportFormat.JSON));
    assertThat(chainA.task(task.getId()).execute().getCode()).isEqualTo(TaskStateCode.DONE);
    Raw file =
        raw("GET", chainA.task(task.getId()).downloadUrl().getUrl().toString(), Map.of(), null);
    assertThat(file.status()).isEqualTo(200);
    Set<Long> users = new TreeSet<>();
    for (JsonNode row : file.json()) {
      users.add(row.path("user_id").asLong());
    }
    return users;
  }

  @Test
  void aSegmentedUsersExportHoldsExactlyTheUsersItSelects() {
    assertThat(exportedUsers(null))
        .as("no segment: everyone")
        .containsExactly(501L, 502L, 503L, 504L, 505L, 506L);
    assertThat(
            exportedUsers(
                segment(
                    SegmentJoin.ALL,
                    rule("country", SegmentFieldType.STRING, SegmentOperator.IS).value("NL"),
                    rule("points_balance", SegmentFieldType.NUMBER, SegmentOperator.IS_GREATER_THAN)
                        .value(100))))
        .containsExactly(501L, 506L);
    assertThat(
            exportedUsers(
                segment(
                    SegmentJoin.ANY,
                    rule("city", SegmentFieldType.STRING, SegmentOperator.IS)
                        .value("Lille")
                        .nested(true)
                        .nestingPath("address"),
                    rule("member_since", SegmentFieldType.DATE, SegmentOperator.IS_BEFORE_DATE)
                        .endDate(OffsetDateTime.parse("2023-01-01T00:00:00Z")))))
        .containsExactly(503L, 505L);
    assertThat(
            exportedUsers(
                segment(
                    null, // all, by default
                    rule("email", SegmentFieldType.STRING, SegmentOperator.CONTAINS)
                        .value("EXAMPLE.COM"),
                    rule("newsletter", SegmentFieldType.BOOLEAN, SegmentOperator.IS).value(true))))
        .containsExactly(501L, 506L);
  }

  @Test
  void everyOperatorSelectsWhatTheSpecSays() {
    assertThat(
            exportedUsers(
                segment(
                    SegmentJoin.ALL,
                    rule("country", SegmentFieldType.STRING, SegmentOperator.IS_NOT).value("NL"))))
        .containsExactly(503L, 505L);
    assertThat(
            exportedUsers(
                segment(
                    SegmentJoin.ALL,
                    rule("email", SegmentFieldType.STRING, SegmentOperator.DOES_NOT_CONTAIN)
                        .value("example.com"))))
        .containsExactly(503L, 505L);
    assertThat(
            exportedUsers(
                segment(
                    SegmentJoin.ALL,
                    rule("points_balance", SegmentFieldType.NUMBER, SegmentOperator.IS_LESS_THAN)
                        .value(100))))
        .containsExactly(502L, 504L);
    assertThat(
            exportedUsers(
                segment(
                    SegmentJoin.ALL,
                    rule("points_balance", SegmentFieldType.NUMBER, SegmentOperator.IS)
                        .value(430.5))))
        .containsExactly(503L);
    assertThat(
            exportedUsers(
                segment(
                    SegmentJoin.ALL,
                    rule(
                            "points_balance",
                            SegmentFieldType.NUMBER,
                            SegmentOperator.IS_BETWEEN_NUMBER)
                        .min(new BigDecimal("400"))
                        .max(new BigDecimal("615")))))
        .containsExactly(503L, 506L);
    assertThat(
            exportedUsers(
                segment(
                    SegmentJoin.ALL,
                    rule("member_since", SegmentFieldType.DATE, SegmentOperator.IS_DATE)
                        .value("2024-02-11"))))
        .containsExactly(501L);
    assertThat(
            exportedUsers(
                segment(
                    SegmentJoin.ALL,
                    rule("member_since", SegmentFieldType.DATE, SegmentOperator.IS_BETWEEN_DATE)
                        .startDate(OffsetDateTime.parse("2024-01-01T00:00:00Z"))
                        .endDate(OffsetDateTime.parse("2024-12-31T23:59:59Z")))))
        .containsExactly(501L, 506L);
    assertThat(
            exportedUsers(
                segment(
                    SegmentJoin.ALL,
                    rule("member_since", SegmentFieldType.DATE, SegmentOperator.IS_AFTER_DATE)
                        .startDate(OffsetDateTime.parse("2025-01-01T00:00:00+01:00")))))
        .containsExactly(502L, 504L);
    assertThat(
            exportedUsers(
                segment(
                    SegmentJoin.ALL,
                    rule("last_visit", SegmentFieldType.DATE, SegmentOperator.RELATIVE_WITHIN_LAST)
                        .timeFactor(SegmentTimeFactor.DAYS)
                        .timeAmount(7))))
        .containsExactly(501L, 503L, 506L);
    assertThat(
            exportedUsers(
                segment(
                    SegmentJoin.ALL,
                    rule("last_visit", SegmentFieldType.DATE, SegmentOperator.RELATIVE_OLDER_THAN)
                        .timeFactor(SegmentTimeFactor.MONTHS)
                        .timeAmount(3))))
        .containsExactly(505L);
    assertThat(
            exportedUsers(
                segment(
                    SegmentJoin.ALL,
                    rule("last_visit", SegmentFieldType.DATE, SegmentOperator.DOES_NOT_EXIST))))
        .containsExactly(504L);
    assertThat(
            exportedUsers(
                segment(
                    SegmentJoin.ALL,
                    rule("last_visit", SegmentFieldType.DATE, SegmentOperator.EXISTS))))
        .containsExactly(501L, 502L, 503L, 505L, 506L);
  }

  @Test
  void theSegmentIsStoredAnsweredAndKeptInTheCsvToo() {
    TaskSegment sent =
        new TaskSegment()
            .entity(TaskSegment.EntityEnum.PEOPLE)
            .index(ExportIndex.USERS)
            .join(SegmentJoin.ALL)
            .chainId(CHAIN_A)
            .rules(
                List.of(
                    rule("city", SegmentFieldType.STRING, SegmentOperator.IS)
                        .value("Amsterdam")
                        .nested(true)
                        .nestingPath("address")));
    Task task = chainA.tasks().create(usersExport(sent, ExportFormat.CSV));

    assertThat(task.getTrigger().getSegment()).isEqualTo(sent);
    assertThat(chainA.task(task.getId()).get().getTrigger().getSegment()).isEqualTo(sent);
    chainA.task(task.getId()).execute();
    Raw file =
        raw("GET", chainA.task(task.getId()).downloadUrl().getUrl().toString(), Map.of(), null);

    List<String> lines = file.body().lines().toList();
    assertThat(lines.get(0)).contains("address.city", "address.postcode", "last_visit");
    assertThat(lines.subList(1, lines.size()))
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).contains("Amsterdam"));
    assertThat(chainA.task(task.getId()).get().getResult()).startsWith("User_Export-");
  }

  @Test
  void aSegmentIdIsAStringStoredAndAnswered() {
    Task task =
        chainA
            .tasks()
            .create(
                newTaskRequest(CHAIN_A)
                    .trigger(new TaskTrigger().once(inOneHour()).segmentId("1234")));

    assertThat(chainA.task(task.getId()).get().getTrigger().getSegmentId()).isEqualTo("1234");
  }

  @Test
  void anInvalidSegmentIs400NamingWhatIsWrongAndChangesNothing() {
    Task task =
        chainA
            .tasks()
            .create(
                usersExport(
                    segment(
                            SegmentJoin.ALL,
                            rule("country", SegmentFieldType.STRING, SegmentOperator.IS)
                                .value("NL"))
                        .index(ExportIndex.USERS),
                    ExportFormat.CSV));
    String before = raw("GET", "/tasks?limit=1000", asChainA(), null).body();

    List<Map.Entry<String, TaskSegment>> refused = new java.util.ArrayList<>();
    refused.add(Map.entry("trigger.segment.rules\"", segment(SegmentJoin.ALL)));
    refused.add(
        Map.entry(
            "trigger.segment.rules[0].operator",
            segment(
                SegmentJoin.ALL,
                rule("points_balance", SegmentFieldType.NUMBER, SegmentOperator.CONTAINS)
                    .value(1))));
    refused.add(
        Map.entry(
            "trigger.segment.rules[0].value",
            segment(
                SegmentJoin.ALL, rule("country", SegmentFieldType.STRING, SegmentOperator.IS))));
    refused.add(
        Map.entry(
            "trigger.segment.rules[1].value",
            segment(
                SegmentJoin.ANY,
                rule("country", SegmentFieldType.STRING, SegmentOperator.IS).value("NL"),
                rule("points_balance", SegmentFieldType.NUMBER, SegmentOperator.IS).value("100"))));
    refused.add(
        Map.entry(
            "trigger.segment.rules[0].max",
            segment(
                SegmentJoin.ALL,
                rule("points_balance", SegmentFieldType.NUMBER, SegmentOperator.IS_BETWEEN_NUMBER)
                    .min(new BigDecimal("10"))
                    .max(new BigDecimal("1")))));
    refused.add(
        Map.entry(
            "trigger.segment.rules[0].end_date",
            segment(
                SegmentJoin.ALL,
                rule("member_since", SegmentFieldType.DATE, SegmentOperator.IS_BETWEEN_DATE)
                    .startDate(OffsetDateTime.parse("2024-01-01T00:00:00Z")))));
    refused.add(
        Map.entry(
            "trigger.segment.rules[0].time_factor",
            segment(
                SegmentJoin.ALL,
                rule("last_visit", SegmentFieldType.DATE, SegmentOperator.RELATIVE_WITHIN_LAST)
                    .timeAmount(3))));
    refused.add(
        Map.entry(
            "trigger.segment.rules[0].nesting_path",
            segment(
                SegmentJoin.ALL,
                rule("city", SegmentFieldType.STRING, SegmentOperator.IS)
                    .value("Lille")
                    .nested(true))));
    refused.add(
        Map.entry(
            "trigger.segment.rules[0].value",
            segment(
                SegmentJoin.ALL,
                rule("member_since", SegmentFieldType.DATE, SegmentOperator.IS_DATE)
                    .value("11-02-2024"))));
    refused.add(
        Map.entry(
            "trigger.segment.index",
            segment(
                    SegmentJoin.ALL,
                    rule("country", SegmentFieldType.STRING, SegmentOperator.IS).value("NL"))
                .index(ExportIndex.VOUCHERS)));
    refused.add(
        Map.entry(
            "trigger.segment.chain_id",
            segment(
                    SegmentJoin.ALL,
                    rule("country", SegmentFieldType.STRING, SegmentOperator.IS).value("NL"))
                .chainId(CHAIN_B)));

    for (Map.Entry<String, TaskSegment> bad : refused) {
      TaskTrigger trigger = new TaskTrigger().once(inOneHour()).segment(bad.getValue());
      SpaazaApiException onCreate =
          failure(() -> chainA.tasks().create(usersExport(bad.getValue(), ExportFormat.CSV)));
      assertError(onCreate, 400, "invalid_trigger");
      assertThat(onCreate.getMessage()).as(bad.getKey()).contains("\"" + bad.getKey());
      SpaazaApiException onUpdate =
          failure(() -> chainA.task(task.getId()).update(new UpdateTaskRequest().trigger(trigger)));
      assertError(onUpdate, 400, "invalid_trigger");
      assertThat(onUpdate.getMessage()).as(bad.getKey()).contains("\"" + bad.getKey());
    }

    SpaazaApiException both =
        failure(
            () ->
                chainA
                    .task(task.getId())
                    .update(
                        new UpdateTaskRequest()
                            .trigger(
                                new TaskTrigger()
                                    .once(inOneHour())
                                    .segmentId("1234")
                                    .segment(task.getTrigger().getSegment()))));
    assertError(both, 400, "invalid_trigger");
    SpaazaApiException otherIndex =
        failure(
            () ->
                chainA
                    .task(task.getId())
                    .update(
                        new UpdateTaskRequest()
                            .target(
                                new TaskTarget()
                                    .action(TaskAction.EXPORT)
                                    .exportIndex(ExportIndex.VOUCHERS)
                                    .exportFormat(ExportFormat.CSV))));
    assertError(otherIndex, 400, "invalid_trigger");
    // the stored segment names the users index: an export of vouchers no longer fits it
    assertThat(otherIndex.getMessage()).contains("\"trigger.segment.index\"");
    raw(
            "PUT",
            "/tasks/" + task.getId(),
            asChainA(),
            "{\"trigger\":{\"once\":\"2030-01-01T00:00:00Z\",\"segment\":{\"rules\":[{\"field_name\":"
                + "\"country\",\"field_type\":\"string\",\"operator\":\"is_like\",\"value\":\"NL\"}]}}}")
        .assertError(400, "invalid_trigger");

    assertThat(raw("GET", "/tasks?limit=1000", asChainA(), null).body())
        .as("nothing changed")
        .isEqualTo(before);
  }
}
