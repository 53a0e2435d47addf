package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.standin.server.ServerConfig;
import dev.standin.server.StandinServer;
import dev.standin.server.kernel.wire.RateLimits;
import dev.standin.server.spaaza.SpaazaConfig;
import dev.standin.server.spaaza.auth.PresetToken;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spaaza's limits configured tiny (and slow to refill) trip exactly at the configured count: per
 * task, then per chain; another chain keeps its own budget.
 */
class SpaazaRateLimitTest {

  private static final SpecValidator VALIDATOR = new SpecValidator("/openapi/spaaza.yaml");
  private static final PresetToken A = new PresetToken(1764, "tokenRateA0000000001", "secretA");
  private static final PresetToken B = new PresetToken(2001, "tokenRateB0000000002", "secretB");

  @TempDir static Path dataDir;
  static StandinServer server;

  @BeforeAll
  static void start() {
    RateLimits tiny =
        new RateLimits(
            new RateLimits.Limit(4, Duration.ofMinutes(10)),
            new RateLimits.Limit(12, Duration.ofMinutes(10)));
    server =
        StandinServer.start(
            ServerConfig.forDataDir(dataDir)
                .withRateLimits(tiny)
                .withSpaaza(
                    SpaazaConfig.defaults()
                        .withPollInterval(Duration.ofHours(1))
                        .withTokens(List.of(A, B))));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void everyResponseMatchedTheSpec() {
    assertThat(VALIDATOR.drainViolations()).as("responses that do not match the spec").isEmpty();
  }

  @Test
  void perTaskThenPerChainLimitsTripWith429AndHeaders() throws Exception {
    HttpResponse<String> created =
        send(
            A,
            "POST",
            "tasks",
            "{\"chain\":1764,\"desc\":\"limited\",\"target\":{\"action\":\"export\","
                + "\"export_index\":\"users\",\"export_format\":\"csv\"},"
                + "\"trigger\":{\"once\":\"2030-01-01T00:00:00Z\"}}"); // 1 chain request
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String path = "tasks/" + SpaazaConformanceTest.MAPPER.readTree(created.body()).path("id");
    for (int i = 0; i < 4; i++) {
      assertThat(send(A, "GET", path, null).statusCode()).isEqualTo(200);
    }

    HttpResponse<String> refused = send(A, "GET", path + "/download_url", null);

    assertThat(refused.statusCode()).isEqualTo(429); // same task, another route: one budget
    SpaazaConformanceTest.assertEnvelope(SpaazaConformanceTest.MAPPER.readTree(refused.body()));
    JsonNode error = SpaazaConformanceTest.MAPPER.readTree(refused.body()).path("error");
    assertThat(error.path("name").asText()).isEqualTo("rate_limit_exceeded");
    assertThat(error.path("code").asInt()).isEqualTo(50);
    assertThat(refused.headers().allValues("X-RateLimit-Limit")).containsExactly("4");
    assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
        .isPositive();

    // Other tasks still have their budget, until the chain's 12 are spent.
    int ok = 0;
    HttpResponse<String> last = null;
    for (int i = 0; i < 10; i++) {
      last = send(A, "GET", "tasks/" + (900_000 + i), null);
      if (last.statusCode() != 429) {
        assertThat(last.statusCode()).isEqualTo(404);
        ok++;
      }
    }
    assertThat(ok).isEqualTo(12 - 6); // 1 create + 4 gets + 1 refused counted against the chain
    assertThat(last.headers().allValues("X-RateLimit-Limit")).containsExactly("12");

    // Another chain has its own budget.
    assertThat(send(B, "GET", "tasks", null).statusCode()).isEqualTo(200);
  }

  private static HttpResponse<String> send(
      PresetToken token, String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.spaaza().baseUri().resolve(path))
            .header("Authorization", "Bearer " + token.tokenId() + ":" + token.secret())
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return SpecValidatingHttpClient.builder(VALIDATOR)
        .build()
        .send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
