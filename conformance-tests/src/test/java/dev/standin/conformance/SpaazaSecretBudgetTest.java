package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.server.ServerConfig;
import dev.standin.server.StandinServer;
import dev.standin.server.apify.auth.UserToken;
import dev.standin.server.spaaza.SpaazaConfig;
import dev.standin.server.spaaza.auth.PresetToken;
import dev.standin.server.spaaza.auth.SecretHasher;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wrong Spaaza token secrets cannot keep the server hashing (ADR 0036): one address gets 20 wrong
 * secrets checked per minute, then 429 {@code rate_limit_exceeded} before any PBKDF2 work, which a
 * flood of further guesses proves by the CPU time it costs; a wrong secret already seen stays 401
 * and a secret verified before keeps working throughout. Every answer is checked against the spec.
 * (A right secret not verified since the start is refused too while the budget is empty: the server
 * cannot tell it from a guess without hashing it; ADR 0036.)
 */
class SpaazaSecretBudgetTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final PresetToken TOKEN = new PresetToken(1764, "tokenBudget000000001", "secret");
  private static final int BUDGET = 20;

  @TempDir static Path dataDir;
  static StandinServer server;
  static HttpClient http;

  @BeforeAll
  static void start() {
    server =
        StandinServer.start(
            ServerConfig.forDataDir(dataDir)
                .withUsers(List.of(new UserToken(ServerHarness.ALICE, ServerHarness.ALICE_TOKEN)))
                .withRateLimits(ServerHarness.UNTHROTTLED)
                .withSpaaza(
                    SpaazaConfig.defaults()
                        .withPollInterval(Duration.ofHours(1))
                        .withTokens(List.of(TOKEN))));
    http = SpecValidatingHttpClient.builder(new SpecValidator("/openapi/spaaza.yaml")).build();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void wrongSecretsBeyondTheBudgetAre429WithoutHashing() throws Exception {
    assertThat(list(TOKEN.tokenId(), TOKEN.secret()).statusCode()).isEqualTo(200); // verified
    long started = System.nanoTime();
    int wrong = 0;
    HttpResponse<String> limited;
    while (true) { // the budget refills by one every 3 s while the slow checks run
      HttpResponse<String> answer = list(TOKEN.tokenId(), "guess-" + wrong);
      if (answer.statusCode() == 429) {
        limited = answer;
        break;
      }
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
      assertThat(errorName(answer)).isEqualTo("not_authenticated");
      wrong++;
      assertThat(wrong).as("wrong secrets checked").isLessThanOrEqualTo(BUDGET + refills(started));
    }
    assertThat(wrong).isGreaterThanOrEqualTo(BUDGET);

    JsonNode body = MAPPER.readTree(limited.body());
    assertThat(body.path("result").path("code").asInt()).isEqualTo(2);
    assertThat(body.path("error").path("code").asInt()).isEqualTo(50);
    assertThat(body.path("error").path("name").asText()).isEqualTo("rate_limit_exceeded");
    assertThat(body.path("error").path("description").asText())
        .isEqualTo(
            "Too many wrong token secrets from your address (at most 20 per minute); retry in "
                + limited.headers().firstValue("Retry-After").orElseThrow()
                + " s.");
    assertThat(limited.headers().firstValue("X-RateLimit-Limit")).contains("20");
    assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1L, 60L);

    // A flood of further guesses costs about what as many requests of an unknown token cost (never
    // hashed), far from a hash each. Plain client (no spec check) and warmed up, so that the
    // process's CPU time is mostly the server's.
    HttpClient plain = HttpClient.newHttpClient();
    int flood = 100;
    for (int i = 0; i < 25; i++) {
      send(plain, TOKEN.tokenId(), "warm-" + i);
      send(plain, "no-such-token", "warm-" + i);
    }
    long oneHash = cpuNanosOf(() -> SecretHasher.DEFAULT.hash("a secret"));
    long cpuBefore = processCpuNanos();
    for (int i = 0; i < flood; i++) {
      assertThat(send(plain, "no-such-token", "flood-" + i).statusCode()).isEqualTo(401);
    }
    long unknownCpu = processCpuNanos() - cpuBefore;
    long floodStarted = System.nanoTime();
    cpuBefore = processCpuNanos();
    int checked = 0;
    for (int i = 0; i < flood; i++) {
      int status = send(plain, TOKEN.tokenId(), "flood-" + i).statusCode();
      assertThat(status).isIn(401, 429);
      checked += status == 401 ? 1 : 0;
    }
    long floodCpu = processCpuNanos() - cpuBefore;
    assertThat(checked).as("guesses checked").isLessThanOrEqualTo(refills(floodStarted));
    assertThat(floodCpu)
        .as(
            "CPU of %d guesses: %d ms; of %d unknown tokens: %d ms; one hash: %d ms",
            flood, floodCpu / 1_000_000, flood, unknownCpu / 1_000_000, oneHash / 1_000_000)
        .isLessThan(2 * unknownCpu + 10 * oneHash)
        .isLessThan(flood * oneHash / 2);

    // What the budget does not touch: a known wrong secret, a verified one, an unknown token.
    assertThat(list(TOKEN.tokenId(), "guess-0").statusCode()).isEqualTo(401);
    assertThat(list(TOKEN.tokenId(), TOKEN.secret()).statusCode()).isEqualTo(200);
    assertThat(list("no-such-token", "guess").statusCode()).isEqualTo(401);
  }

  /** How many checks the budget can have regained since {@code started}: one per 3 s, and one. */
  private static int refills(long started) {
    return (int) ((System.nanoTime() - started) / 3_000_000_000L) + 1;
  }

  private static HttpResponse<String> list(String tokenId, String secret) throws Exception {
    return send(http, tokenId, secret);
  }

  private static HttpResponse<String> send(HttpClient client, String tokenId, String secret)
      throws Exception {
    URI tasks = server.spaaza().baseUri().resolve("tasks");
    return client.send(
        HttpRequest.newBuilder(tasks)
            .header("Authorization", "Bearer " + tokenId + ":" + secret)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String errorName(HttpResponse<String> answer) throws Exception {
    return MAPPER.readTree(answer.body()).path("error").path("name").asText();
  }

  private static long cpuNanosOf(Runnable work) {
    var threads = ManagementFactory.getThreadMXBean();
    work.run(); // once to warm up
    long before = threads.getCurrentThreadCpuTime();
    work.run();
    return threads.getCurrentThreadCpuTime() - before;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
