package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.standin.server.ServerConfig;
import dev.standin.server.StandinServer;
import dev.standin.server.apify.auth.UserToken;
import dev.standin.server.spaaza.SpaazaConfig;
import dev.standin.server.spaaza.auth.PresetToken;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that send a whole large body before reading the answer still read it when the server
 * answers early (413 on the declared length, 401, 415, a 400 while decoding): Python's {@code
 * http.client}, curl (with and without {@code Expect: 100-continue}), Node's {@code http} and
 * Apify's own JavaScript client, on both APIs' ports, each get the vendor's error body instead of a
 * reset or {@code EPIPE} (ADR 0035). Each client is skipped, saying so, when it is not installed.
 */
class LargeBodyClientsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int TEN_MIB = 10 << 20;
  private static final int NINE_MB = 9_000_000; // under the limit: refused for another reason
  private static final String APIFY_TOKEN = ServerHarness.ALICE_TOKEN;
  private static final PresetToken SPAAZA_TOKEN =
      new PresetToken(1764, "tokenLargeBody000001", "secret");
  private static final String TOO_LARGE =
      "The PUT payload is too large (limit: 9437184 bytes, actual length: " + TEN_MIB + " bytes).";
  private static final NpmProject NODE = NpmProject.APIFY_CLIENT;

  @TempDir static Path dataDir;
  static StandinServer server;

  @BeforeAll
  static void start() {
    server =
        StandinServer.start(
            ServerConfig.forDataDir(dataDir)
                .withUsers(List.of(new UserToken(ServerHarness.ALICE, APIFY_TOKEN)))
                .withRateLimits(ServerHarness.UNTHROTTLED)
                .withSpaaza(
                    SpaazaConfig.defaults()
                        .withPollInterval(Duration.ofHours(1))
                        .withTokens(List.of(SPAAZA_TOKEN))));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  // --- what each API answers ------------------------------------------------------------------

  /** A refusal the server gives before or while reading a body, in one API's shape. */
  record Refusal(String label, int status, String name, String message, Map<String, String> auth) {}

  enum Api {
    APIFY("v2/actor-tasks/anything/input") {
      @Override
      URI base() {
        return server.baseUri();
      }

      @Override
      Map<String, String> auth() {
        return Map.of("Authorization", "Bearer " + APIFY_TOKEN);
      }

      @Override
      List<Refusal> refusals() {
        return List.of(
            new Refusal("10 MiB", 413, "request-too-large", TOO_LARGE, auth()),
            new Refusal(
                "bad token",
                401,
                "invalid-token",
                "Authentication token is not valid.",
                Map.of("Authorization", "Bearer apify_api_notTheToken")),
            new Refusal(
                "zstd", 415, "unsupported-content-encoding", "Content-Encoding \"zstd\"", auth()),
            new Refusal("not gzip", 400, "invalid-input", "could not be decoded", auth()));
      }

      @Override
      void assertShape(JsonNode body, Refusal refusal) {
        assertThat(body.fieldNames()).toIterable().containsExactly("error");
        assertThat(body.path("error").path("type").asText()).isEqualTo(refusal.name());
        assertThat(body.path("error").path("message").asText()).contains(refusal.message());
      }
    },
    SPAAZA("tasks/1") {
      @Override
      URI base() {
        return server.spaaza().baseUri();
      }

      @Override
      Map<String, String> auth() {
        return Map.of(
            "Authorization", "Bearer " + SPAAZA_TOKEN.tokenId() + ":" + SPAAZA_TOKEN.secret());
      }

      @Override
      List<Refusal> refusals() {
        return List.of(
            new Refusal("10 MiB", 413, "request_too_large", TOO_LARGE, auth()),
            new Refusal(
                "bad secret",
                401,
                "not_authenticated",
                "",
                Map.of("Authorization", "Bearer " + SPAAZA_TOKEN.tokenId() + ":notTheSecret")),
            new Refusal(
                "zstd", 415, "unsupported_content_encoding", "Content-Encoding \"zstd\"", auth()),
            new Refusal("not gzip", 400, "invalid_request_body", "could not be decoded", auth()));
      }

      @Override
      void assertShape(JsonNode body, Refusal refusal) {
        assertThat(body.path("result").path("code").asInt()).isEqualTo(2);
        assertThat(body.path("result").path("status").asText()).isEqualTo("error");
        assertThat(body.path("error").path("name").asText()).isEqualTo(refusal.name());
        assertThat(body.path("error").path("code").isInt()).isTrue();
        assertThat(body.path("error").path("description").asText()).contains(refusal.message());
      }
    };

    final String path;

    Api(String path) {
      this.path = path;
    }

    abstract URI base();

    abstract Map<String, String> auth();

    abstract List<Refusal> refusals();

    abstract void assertShape(JsonNode body, Refusal refusal);

    URI url() {
      return base().resolve(path);
    }
  }

  /** The raw request for one refusal: its size, credentials and encoding. */
  private static ObjectNode request(Api api, Refusal refusal) {
    ObjectNode request = MAPPER.createObjectNode();
    request.put("method", "PUT");
    request.put("url", api.url().toString());
    request.put("bytes", refusal.status() == 413 ? TEN_MIB : NINE_MB);
    ObjectNode headers = request.putObject("headers");
    refusal.auth().forEach(headers::put);
    headers.put("Content-Type", "application/json");
    switch (refusal.label()) {
      case "zstd" -> headers.put("Content-Encoding", "zstd");
      case "not gzip" -> headers.put("Content-Encoding", "gzip");
      default -> {}
    }
    return request;
  }

  private static ArrayNode everyRefusal() {
    ArrayNode requests = MAPPER.createArrayNode();
    for (Api api : Api.values()) {
      api.refusals().forEach(r -> requests.add(request(api, r)));
    }
    return requests;
  }

  /** Checks the answers to {@link #everyRefusal()}, in its order. */
  private static void assertAnswers(String client, JsonNode answers) {
    int i = 0;
    for (Api api : Api.values()) {
      for (Refusal refusal : api.refusals()) {
        JsonNode answer = answers.get(i++);
        String what = client + ", " + api + ", " + refusal.label() + ": " + answer;
        assertThat(answer.has("error") && !answer.has("status")).as(what).isFalse();
        assertThat(answer.path("status").asInt()).as(what).isEqualTo(refusal.status());
        api.assertShape(json(answer.path("body").asText()), refusal);
      }
    }
  }

  // --- the clients ----------------------------------------------------------------------------

  @Test
  void pythonsHttpClientReadsEveryEarlyAnswer() throws Exception {
    requireTool("python3", "--version");
    Path script = moduleDir().resolve("src/test/python/large_body.py");

    Run run =
        exec(List.of("python3", script.toString()), MAPPER.writeValueAsString(everyRefusal()));

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertAnswers("python3", json(run.output()));
  }

  @Test
  void curlReadsThe413WithAndWithoutExpectContinue(@TempDir Path dir) throws Exception {
    requireTool("curl", "--version");
    Path body = dir.resolve("body.json");
    byte[] bytes = new byte[TEN_MIB];
    java.util.Arrays.fill(bytes, (byte) 'a');
    byte[] start = "{\"desc\":\"".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(start, 0, bytes, 0, start.length);
    bytes[TEN_MIB - 2] = '"';
    bytes[TEN_MIB - 1] = '}';
    Files.write(body, bytes);

    for (Api api : Api.values()) {
      Refusal tooLarge = api.refusals().get(0);
      // curl asks for 100-continue on bodies over 1 MB; an empty Expect header sends at once.
      for (String expect : List.of("Expect: 100-continue", "Expect:")) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-X", "PUT"));
        for (Map.Entry<String, String> header : api.auth().entrySet()) {
          command.addAll(List.of("-H", header.getKey() + ": " + header.getValue()));
        }
        command.addAll(
            List.of(
                "-H",
                "Content-Type: application/json",
                "-H",
                expect,
                "--data-binary",
                "@" + body,
                "-w",
                "\n%{http_code}",
                api.url().toString()));

        Run run = exec(command, "");

        String what = "curl, " + api + ", " + expect + ": " + run.output();
        assertThat(run.exitCode()).as(what).isZero();
        String[] lines = run.output().strip().split("\n");
        assertThat(lines[lines.length - 1]).as(what).isEqualTo("413");
        api.assertShape(json(lines[0]), tooLarge);
      }
    }
  }

  @Test
  void nodesHttpAndApifysJavaScriptClientReadEveryEarlyAnswer(@TempDir Path dir) throws Exception {
    NODE.install();
    Path requests = dir.resolve("requests.json");
    Files.writeString(requests, MAPPER.writeValueAsString(everyRefusal()));
    String base = server.baseUri().toString().replaceAll("/+$", "");

    NpmProject.Result run =
        NODE.run(
            List.of("node", "large-body-check.mjs", base, APIFY_TOKEN, requests.toString()),
            90,
            true);

    assertThat(run.exitCode()).as(run.output()).isZero();
    JsonNode answers = json(run.output());
    assertAnswers("node:http", answers);
    JsonNode client = answers.get(answers.size() - 1);
    assertThat(client.path("client").asBoolean()).as(client.toString()).isTrue();
    assertThat(client.path("status").asInt()).as(client.toString()).isEqualTo(413);
    assertThat(client.path("type").asText()).isEqualTo("request-too-large");
    var message =
        java.util.regex.Pattern.compile(
                "The PUT payload is too large \\(limit: 9437184 bytes, actual length: (\\d+)"
                    + " bytes\\)\\.")
            .matcher(client.path("message").asText());
    assertThat(message.matches()).as(client.toString()).isTrue();
    // The declared length is what the client sent: its compressed body, over the limit.
    assertThat(Long.parseLong(message.group(1))).isGreaterThan(9_437_184);
  }

  // --- helpers --------------------------------------------------------------------------------

  record Run(int exitCode, String output) {}

  /** Runs {@code command} with {@code input} on its stdin; stdout, and stderr after a failure. */
  private static Run exec(List<String> command, String input) throws Exception {
    Path out = Files.createTempFile("large-body-", ".out");
    Path err = Files.createTempFile("large-body-", ".err");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      try (var stdin = process.getOutputStream()) {
        stdin.write(input.getBytes(StandardCharsets.UTF_8));
      }
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        return new Run(-1, String.join(" ", command) + " did not finish within 60 s");
      }
      String output = Files.readString(out);
      return new Run(
          process.exitValue(), process.exitValue() == 0 ? output : output + Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Skips the test, saying why, when {@code tool} cannot be started. */
  private static void requireTool(String... command) {
    boolean runs;
    try {
      runs = exec(List.of(command), "").exitCode() == 0;
    } catch (Exception e) {
      runs = false;
    }
    assumeTrue(runs, "Skipped: `" + command[0] + "` is not installed");
  }

  private static Path moduleDir() {
    Path here = Path.of("").toAbsolutePath();
    return Files.isDirectory(here.resolve("src/test/python"))
        ? here
        : here.resolve("conformance-tests");
  }

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}
