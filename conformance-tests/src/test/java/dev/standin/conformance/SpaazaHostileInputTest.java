package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.server.ServerConfig;
import dev.standin.server.StandinServer;
import dev.standin.server.spaaza.SpaazaConfig;
import dev.standin.server.spaaza.auth.PresetToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link HostileSuite} of the Spaaza API, with Spaaza's expectations: each gets its 4xx in
 * Spaaza's error shape (never a 5xx) and leaves the task (or the task list) exactly as it was;
 * every answer is validated against {@code openapi/spaaza.yaml}. Running a task takes no body, so
 * it gets only the cases refused before a body would be read.
 */
class SpaazaHostileInputTest extends HostileSuite {

  private static final SpecValidator VALIDATOR = new SpecValidator("/openapi/spaaza.yaml");

  /** One client for every hand-made request (connections reused), answers validated. */
  private static final HttpClient HTTP = SpecValidatingHttpClient.builder(VALIDATOR).build();

  private static final PresetToken TOKEN = new PresetToken(1764, "tokenHostile00000001", "secret");

  static final HostileCases.Expectations SPAAZA =
      new HostileCases.Expectations(
          "request_too_large",
          "unsupported_content_encoding",
          415,
          "unsupported_media_type",
          "invalid_request_body",
          "invalid_trigger", // the value slot is trigger.once
          null, // no endpoint takes a name
          400,
          "invalid_parameter", // task IDs are numbers
          "description");

  private static final String TARGET =
      "\"target\":{\"action\":\"export\",\"export_index\":\"wallet-ledger\",\"export_format\":\"csv\"}";

  @TempDir static Path dataDir;
  static StandinServer server;
  static String taskPath;

  @BeforeAll
  static void start() throws IOException {
    ServerConfig config =
        ServerConfig.forDataDir(dataDir)
            .withRateLimits(GENEROUS)
            .withSpaaza(
                SpaazaConfig.defaults()
                    .withPollInterval(Duration.ofHours(1))
                    .withTokens(List.of(TOKEN)));
    server = StandinServer.start(config);
    HttpResponse<String> created =
        sendText(
            "POST", "/tasks", Map.of("Content-Type", "application/json"), createBody("\"once\""));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = SpaazaConformanceTest.MAPPER.readTree(created.body()).path("id").asLong();
    taskPath = "/tasks/" + id;
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Override
  SpecValidator validator() {
    return VALIDATOR;
  }

  @Override
  HostileCases.Expectations expectations() {
    return SPAAZA;
  }

  @Override
  int minimumCases() {
    return 250;
  }

  /**
   * Values of the wrong JSON type, each in a field the endpoint reads: refused naming the field,
   * never converted (a number for a string, a string for a number, a boolean or a number for an
   * enum).
   */
  @Override
  List<HostileCase> ownCases(WriteEndpoint endpoint) {
    if (endpoint.withValue() == null) {
      return List.of(); // takes no body
    }
    boolean create = endpoint.method().equals("POST");
    String base = create ? "\"chain\":1764,\"desc\":\"hostile\"," + TARGET + "," : "";
    String trigger = "\"trigger\":{\"once\":\"2030-01-01T00:00:00Z\"}";
    List<HostileCase> cases = new java.util.ArrayList<>();
    for (String value : List.of("5", "5.5", "true", "false", "0", "[\"x\"]", "{}")) {
      for (String field : List.of("desc", "debug")) {
        String body =
            create
                ? "{\"chain\":1764,\"desc\":\"hostile\","
                    + TARGET
                    + ","
                    + trigger
                    + ",\""
                    + field
                    + "\":"
                    + value
                    + "}"
                : "{\"" + field + "\":" + value + "}";
        if (create && field.equals("desc")) {
          body = "{\"chain\":1764,\"desc\":" + value + "," + TARGET + "," + trigger + "}";
        }
        cases.add(
            HostileCase.json(field + " of the wrong type " + value, body, 400, "invalid_field")
                .naming(field));
      }
    }
    if (create) {
      for (String chain : List.of("\"1764\"", "1764.0", "true", "\"\"")) {
        cases.add(
            HostileCase.json(
                    "chain of the wrong type " + chain,
                    "{\"chain\":" + chain + ",\"desc\":\"hostile\"," + TARGET + "," + trigger + "}",
                    400,
                    "invalid_field")
                .naming("chain"));
      }
    }
    Map<String, String> targets =
        Map.of(
            "target.action", "{\"action\":0,\"export_index\":\"users\",\"export_format\":\"csv\"}",
            "target.export_index",
                "{\"action\":\"export\",\"export_index\":1,\"export_format\":\"csv\"}",
            "target.export_format",
                "{\"action\":\"export\",\"export_index\":\"users\",\"export_format\":true}",
            "target.campaign_id",
                "{\"action\":\"export\",\"export_index\":\"users\",\"export_format\":\"csv\",\"campaign_id\":\"31\"}");
    targets.forEach(
        (field, target) ->
            cases.add(
                HostileCase.json(
                        field + " of the wrong type",
                        create
                            ? "{\"chain\":1764,\"desc\":\"hostile\",\"target\":"
                                + target
                                + ","
                                + trigger
                                + "}"
                            : "{\"target\":" + target + "}",
                        400,
                        "invalid_target")
                    .naming(field)));
    for (String segmentId : List.of("9", "true", "[\"9\"]")) {
      String wrong =
          "\"trigger\":{\"once\":\"2030-01-01T00:00:00Z\",\"segment_id\":" + segmentId + "}";
      cases.add(
          HostileCase.json(
                  "trigger.segment_id of the wrong type " + segmentId,
                  "{" + base + wrong + "}",
                  400,
                  "invalid_trigger")
              .naming("trigger.segment_id"));
    }
    String rule =
        "{\"field_name\":\"country\",\"field_type\":\"string\",\"operator\":\"is\",\"value\":\"NL\"}";
    Map<String, String> segments = new java.util.LinkedHashMap<>();
    segments.put("trigger.segment.rules", "{\"rules\":\"all\"}");
    segments.put("trigger.segment.join", "{\"join\":1,\"rules\":[" + rule + "]}");
    segments.put("trigger.segment.chain_id", "{\"chain_id\":\"1764\",\"rules\":[" + rule + "]}");
    segments.put("trigger.segment.entity", "{\"entity\":\"things\",\"rules\":[" + rule + "]}");
    segments.put(
        "trigger.segment.rules[0].operator",
        "{\"rules\":[" + rule.replace("\"is\"", "\"is_like\"") + "]}");
    segments.put(
        "trigger.segment.rules[0].field_name",
        "{\"rules\":[" + rule.replace("\"country\"", "7") + "]}");
    segments.put(
        "trigger.segment.rules[0].nested",
        "{\"rules\":[" + rule.replace("}", ",\"nested\":\"true\"}") + "]}");
    segments.put(
        "trigger.segment.rules[0].min",
        "{\"rules\":[{\"field_name\":\"p\",\"field_type\":\"number\","
            + "\"operator\":\"is_between_number\",\"min\":\"1\",\"max\":2}]}");
    segments.put(
        "trigger.segment.rules[0].value", "{\"rules\":[" + rule.replace("\"NL\"", "5") + "]}");
    segments.forEach(
        (field, segment) ->
            cases.add(
                HostileCase.json(
                        field + " not as the segment filter takes it",
                        "{"
                            + base
                            + "\"trigger\":{\"once\":\"2030-01-01T00:00:00Z\",\"segment\":"
                            + segment
                            + "}}",
                        400,
                        "invalid_trigger")
                    .naming(field)));
    return cases;
  }

  /** Every refusal comes in the documented envelope: not one answer without {@code result}. */
  @Override
  void assertEnvelope(String body) throws IOException {
    SpaazaConformanceTest.assertEnvelope(SpaazaConformanceTest.MAPPER.readTree(body));
  }

  @Override
  Answer send(String method, String path, Map<String, String> headers, byte[] body) {
    HttpResponse<String> r = sendBytes(method, path, headers, body);
    return new Answer(r.statusCode(), r.body());
  }

  /** A task due in 2030 (the scheduler will not run it), its time replaced by {@code once}. */
  private static String createBody(String once) {
    String time = once.equals("\"once\"") ? "\"2030-01-01T00:00:00Z\"" : once;
    return "{\"chain\":1764,\"desc\":\"hostile\","
        + TARGET
        + ",\"trigger\":{\"once\":"
        + time
        + "}}";
  }

  @Override
  List<WriteEndpoint> endpoints() {
    return List.of(
        new WriteEndpoint(
            "POST /tasks",
            "POST",
            "/tasks",
            createBody("\"once\""),
            SpaazaHostileInputTest::createBody,
            "trigger.once",
            null,
            null,
            () -> snapshot("/tasks?limit=1000"),
            "name",
            "invalid_request_body"),
        new WriteEndpoint(
            "PUT /tasks/{id}",
            "PUT",
            taskPath,
            "{\"desc\":\"changed\"}",
            v -> "{\"desc\":\"changed\",\"trigger\":{\"once\":" + v + "}}",
            "trigger.once",
            null,
            id -> "/tasks/" + id,
            () -> snapshot(taskPath),
            "name",
            "invalid_request_body"),
        new WriteEndpoint(
            "POST /tasks/{id}/execute",
            "POST",
            taskPath + "/execute",
            "{}",
            null,
            null,
            null,
            id -> "/tasks/" + id + "/execute",
            () -> snapshot(taskPath),
            "name",
            "invalid_request_body"));
  }

  private static String snapshot(String path) {
    HttpResponse<String> r = sendText("GET", path, Map.of(), null);
    return r.statusCode() + " " + r.body() + "\n";
  }

  private static HttpResponse<String> sendText(
      String method, String path, Map<String, String> headers, String body) {
    return sendBytes(method, path, headers, body == null ? new byte[0] : HostileCases.bytes(body));
  }

  private static HttpResponse<String> sendBytes(
      String method, String path, Map<String, String> headers, byte[] body) {
    URI uri = URI.create(server.spaaza().baseUri() + path.substring(1));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .method(
                method,
                body.length == 0 && method.equals("GET")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Authorization", "Bearer " + TOKEN.tokenId() + ":" + TOKEN.secret());
    headers.forEach(request::header);
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
