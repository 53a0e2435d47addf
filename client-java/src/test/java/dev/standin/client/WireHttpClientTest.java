package dev.standin.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.standin.apify.client.ApifyApiException;
import dev.standin.apify.client.ApifyClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's wire behaviour against a tiny fake server that answers what each test scripts. */
class WireHttpClientTest {

  /** One scripted answer: status, extra headers, and how long to stall first. */
  record Answer(int status, Map<String, String> headers, long stallMillis) {
    static Answer of(int status) {
      return new Answer(status, Map.of(), 0);
    }
  }

  /** What the fake server saw of one request. */
  record Seen(String method, Map<String, List<String>> headers, byte[] body, long atNanos) {}

  private HttpServer fake;
  private final Deque<Answer> script = new ArrayDeque<>();
  private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void startFake() throws IOException {
    fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    fake.createContext("/", this::answer);
    fake.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    fake.start();
  }

  @AfterEach
  void stopFake() {
    fake.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    seen.add(
        new Seen(
            exchange.getRequestMethod(),
            Map.copyOf(exchange.getRequestHeaders()),
            body,
            System.nanoTime()));
    Answer answer;
    synchronized (script) {
      answer = script.size() > 1 ? script.poll() : script.peek();
    }
    if (answer.stallMillis() > 0) {
      try {
        Thread.sleep(answer.stallMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    byte[] reply =
        (answer.status() < 400
                ? "{\"maxItems\":1}"
                : "{\"error\":{\"type\":\"x\",\"message\":\"scripted " + answer.status() + "\"}}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(answer.status(), reply.length);
    exchange.getResponseBody().write(reply);
    exchange.close();
  }

  private ApifyClient client(int maxRetries, Duration minDelay) {
    return ApifyClient.builder()
        .baseUrl("http://127.0.0.1:" + fake.getAddress().getPort())
        .token("t")
        .retries(maxRetries, minDelay)
        .timeout(Duration.ofMillis(500))
        .build();
  }

  private void script(Answer... answers) {
    script.addAll(List.of(answers));
  }

  @Test
  void a429IsRetriedUntilItSucceeds() {
    script(Answer.of(429), Answer.of(429), Answer.of(200));

    Map<String, Object> input = client(8, Duration.ofMillis(1)).task("x").updateInput(Map.of());

    assertThat(input).containsEntry("maxItems", 1);
    assertThat(seen).hasSize(3);
  }

  @Test
  void serverErrorsAreRetriedAndTheClientGivesUpAfterItsLimit() {
    script(Answer.of(503));

    ApifyApiException e =
        catchThrowableOfType(
            ApifyApiException.class,
            () -> client(3, Duration.ofMillis(1)).task("x").updateInput(Map.of()));

    assertThat(e.status()).isEqualTo(503);
    assertThat(e.getMessage()).isEqualTo("scripted 503");
    assertThat(seen).hasSize(4); // the first attempt and 3 retries
  }

  @Test
  void otherClientErrorsAreNeverRetried() {
    for (int status : new int[] {400, 401, 403, 404, 409, 413, 415}) {
      seen.clear();
      script.clear();
      script(Answer.of(status));

      ApifyApiException e =
          catchThrowableOfType(
              ApifyApiException.class,
              () -> client(8, Duration.ofMillis(1)).task("x").updateInput(Map.of()));

      assertThat(e.status()).isEqualTo(status);
      assertThat(seen).as("attempts for %d", status).hasSize(1);
    }
  }

  @Test
  void retryAfterIsHonouredAsTheShortestWait() {
    script(new Answer(429, Map.of("Retry-After", "1"), 0), Answer.of(200));

    client(8, Duration.ofMillis(1)).task("x").updateInput(Map.of());

    assertThat(seen).hasSize(2);
    long waited = seen.get(1).atNanos() - seen.get(0).atNanos();
    assertThat(Duration.ofNanos(waited)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  @Test
  void theBackoffGrowsExponentiallyWithJitter() {
    RetryPolicy policy = new RetryPolicy(8, Duration.ofMillis(500));
    for (int retry = 1; retry <= 5; retry++) {
      long base = 500L << (retry - 1);
      assertThat(policy.delayBefore(retry, java.util.Optional.empty()).toMillis())
          .isBetween(base, 2 * base);
    }
    assertThat(policy.delayBefore(1, java.util.Optional.of(Duration.ofSeconds(7))))
        .isEqualTo(Duration.ofSeconds(7));
    assertThat(policy.delayBefore(30, java.util.Optional.empty())).isEqualTo(RetryPolicy.MAX_DELAY);
  }

  @Test
  void aTimeoutIsRetriedAndThenReportedWithoutAnHttpStatus() {
    script(new Answer(200, Map.of(), 2_000));

    ApifyApiException e =
        catchThrowableOfType(
            ApifyApiException.class,
            () -> client(1, Duration.ofMillis(1)).task("x").updateInput(Map.of()));

    assertThat(e.status()).isZero();
    assertThat(seen).hasSize(2);
  }

  @Test
  void largeBodiesAreSentGzippedAndSmallOnesAsTheyAre() throws IOException {
    script(Answer.of(200));
    ApifyClient client = client(0, Duration.ZERO);

    client.task("x").updateInput(Map.of("small", "y"));
    client.task("x").updateInput(Map.of("large", "y".repeat(2_000)));

    Seen small = seen.get(0);
    assertThat(small.headers()).doesNotContainKey("Content-encoding");
    assertThat(new String(small.body(), StandardCharsets.UTF_8)).isEqualTo("{\"small\":\"y\"}");
    Seen large = seen.get(1);
    assertThat(large.headers().get("Content-encoding")).containsExactly("gzip");
    assertThat(large.body().length).isLessThan(1024);
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(large.body()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("{\"large\":\"" + "y".repeat(2_000) + "\"}");
    }
  }

  @Test
  void theUserAgentNamesTheClientAndItsVersion() {
    script(Answer.of(200));

    client(0, Duration.ZERO).task("x").updateInput(Map.of());

    assertThat(seen.get(0).headers().get("User-agent"))
        .containsExactly(ApifyClient.USER_AGENT)
        .allSatisfy(ua -> assertThat(ua).startsWith("standin-apify-client-java/0.1.0 (Java "));
  }
}
