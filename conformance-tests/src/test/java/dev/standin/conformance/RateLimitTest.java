package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.apify.client.ApifyClient;
import dev.standin.apify.model.Actor;
import dev.standin.server.StateConfig;
import dev.standin.server.kernel.wire.RateLimits;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Limits configured tiny (and slow to refill) trip exactly at the configured count; the admin API
 * is not counted.
 */
class RateLimitTest {

  private static final SpecValidator VALIDATOR = new SpecValidator("/openapi/apify.yaml");
  private static final String ADMIN_TOKEN = "standin_admin_rate_limit_test_0123456789";
  @TempDir static Path dataDir;
  static ServerHarness server;

  @BeforeAll
  static void start() {
    RateLimits tiny =
        new RateLimits(
            new RateLimits.Limit(4, Duration.ofMinutes(10)),
            new RateLimits.Limit(12, Duration.ofMinutes(10)));
    server =
        new ServerHarness(
            Backend.SQLITE,
            dataDir,
            VALIDATOR,
            c -> c.withRateLimits(tiny).withState(StateConfig.NONE.withAdmin(ADMIN_TOKEN)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void perResourceThenPerUserLimitsTripWith429AndHeaders() {
    ApifyClient bob = server.client(ServerHarness.BOB_TOKEN);
    Actor actor =
        bob.actors().create(ConformanceTest.actorRequest().name("limited")); // 1 user request
    String path = "/v2/acts/" + actor.getId();
    for (int i = 0; i < 4; i++) {
      assertThat(server.raw("GET", path, ServerHarness.BOB_TOKEN, null, null).status())
          .isEqualTo(200);
    }

    ServerHarness.RawResponse refused =
        server.raw("GET", path, ServerHarness.BOB_TOKEN, null, null);

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.errorType()).isEqualTo("rate-limit-exceeded");
    assertThat(refused.headers().get("X-RateLimit-Limit")).containsExactly("4");
    assertThat(Long.parseLong(refused.headers().get("Retry-After").get(0))).isPositive();

    // Another resource still has its budget, until the user's 12 are spent.
    int ok = 0;
    ServerHarness.RawResponse last = null;
    for (int i = 0; i < 10; i++) {
      last = server.raw("GET", "/v2/acts/other" + i, ServerHarness.BOB_TOKEN, null, null);
      if (last.status() != 429) {
        ok++;
      }
    }
    assertThat(ok).isEqualTo(12 - 6); // 1 create + 4 gets + 1 refused counted against bob
    assertThat(last.headers().get("X-RateLimit-Limit")).containsExactly("12");

    // Alice has her own budget.
    assertThat(server.raw("GET", "/v2/acts/x", ServerHarness.ALICE_TOKEN, null, null).status())
        .isEqualTo(404);

    // Every refusal is counted in the metrics operators scrape.
    String metrics = server.raw("GET", "/metrics", null, null, null).body();
    assertThat(metrics)
        .containsPattern("standin_rate_limit_rejections_total\\{[^}]*api=\"apify\"[^}]*\\} [1-9]");
  }

  @Test
  void theAdminApiIsNotCounted() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest summary =
        HttpRequest.newBuilder(server.baseUri().resolve("__admin/summary"))
            .header("Authorization", "Bearer " + ADMIN_TOKEN)
            .build();
    for (int i = 0; i < 20; i++) { // five times the per-resource limit, more than the per-caller
      HttpResponse<String> answer = http.send(summary, HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }
  }
}
