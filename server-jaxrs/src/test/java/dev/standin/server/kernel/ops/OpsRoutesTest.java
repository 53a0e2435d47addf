package dev.standin.server.kernel.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.standin.server.ServerConfig;
import dev.standin.server.StandinServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The operator routes, request IDs and the access log of a real in-process server. */
class OpsRoutesTest {

  @TempDir Path dataDir;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private StandinServer server;
  private String token;

  @BeforeEach
  void start() {
    logged.start();
    root.addAppender(logged);
    server = StandinServer.start(ServerConfig.forDataDir(dataDir));
    token = server.createdToken().orElseThrow();
  }

  @AfterEach
  void stop() {
    server.close();
    root.detachAppender(logged);
  }

  private HttpResponse<String> get(URI base, String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthAndReadyNeedNoToken() throws Exception {
    HttpResponse<String> health = get(server.baseUri(), "health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"UP\"");
    HttpResponse<String> ready = get(server.baseUri(), "ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("\"UP\"");
  }

  @Test
  void readyFailsWhenTheStoreIsClosed() throws Exception {
    StandinServer other = StandinServer.start(ServerConfig.forDataDir(dataDir.resolve("other")));
    try {
      // Close the store only (through the decorator) and keep the listener.
      java.lang.reflect.Field store = StandinServer.class.getDeclaredField("database");
      store.setAccessible(true);
      ((dev.standin.server.kernel.store.Database) store.get(other)).close();
      HttpResponse<String> ready = get(other.baseUri(), "ready");
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.body()).contains("\"DOWN\"");
    } finally {
      other.close();
    }
  }

  @Test
  void metricsCountRequestsByRouteTemplateAndStatus() throws Exception {
    get(server.baseUri(), "v2/actors/nosuchid", "Authorization", "Bearer " + token);
    get(server.baseUri(), "v2/actors");
    get(server.spaaza().baseUri(), "no/such/route");
    server.metrics().rateLimitRejected(Metrics.APIFY);

    HttpResponse<String> metrics = get(server.baseUri(), "metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    assertThat(metrics.body())
        .contains(
            "http_server_requests_seconds_count{api=\"apify\",method=\"GET\","
                + "route=\"/v2/actors/{actorId}\",status=\"404\"} 1")
        .contains(
            "http_server_requests_seconds_count{api=\"apify\",method=\"GET\","
                + "route=\"/v2/actors\",status=\"401\"} 1")
        .contains(
            "http_server_requests_seconds_count{api=\"spaaza\",method=\"GET\","
                + "route=\"UNMATCHED\",status=\"404\"} 1")
        .contains("http_server_requests_seconds_bucket{")
        .contains("standin_store_operations_seconds_count{operation=\"find\",outcome=\"ok\"}")
        .contains("standin_rate_limit_rejections_total{api=\"apify\"} 1.0");
  }

  @Test
  void requestIdIsEchoedAndInEveryLineOfTheRequest() throws Exception {
    HttpResponse<String> given = get(server.baseUri(), "health", "X-Request-Id", "trace-42");
    assertThat(given.headers().firstValue("X-Request-Id")).hasValue("trace-42");

    HttpResponse<String> generated = get(server.baseUri(), "health");
    String id = generated.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(id).isNotBlank().isNotEqualTo("trace-42");

    HttpResponse<String> insane =
        get(server.baseUri(), "health", "X-Request-Id", "a b\tinjected=1");
    assertThat(insane.headers().firstValue("X-Request-Id").orElseThrow())
        .doesNotContain("injected");

    // The access line is written after the answer left, so it may trail the response a little.
    long deadline = System.nanoTime() + 5_000_000_000L;
    List<String> accessIds;
    do {
      accessIds =
          loggedSoFar().stream()
              .filter(e -> e.getLoggerName().equals("standin.access"))
              .map(e -> e.getMDCPropertyMap().get(RequestObserver.MDC_KEY))
              .toList();
    } while (!accessIds.containsAll(List.of("trace-42", id))
        && System.nanoTime() < deadline
        && pause());
    assertThat(accessIds).contains("trace-42", id);
  }

  @Test
  void tokensAndSecretsNeverReachTheLog() throws Exception {
    String headerSecret = "apify_api_HEADERSECRET0000000000000000000";
    String querySecret = "apify_api_QUERYSECRET00000000000000000000";
    get(server.baseUri(), "v2/actors", "Authorization", "Bearer " + headerSecret);
    get(server.baseUri(), "v2/actors?token=" + querySecret);
    get(server.baseUri(), "v2/actors?token=" + token);
    get(
        server.spaaza().baseUri(),
        "api/scheduled-tasks/list?session_key=SESSIONSECRET",
        "session-key",
        "SESSIONSECRET2",
        "X-Spaaza-Session-Key",
        "SESSIONSECRET3");

    List<ILoggingEvent> events = loggedSoFar();
    assertThat(events).isNotEmpty();
    for (ILoggingEvent event : events) {
      String line =
          event.getFormattedMessage()
              + Arrays.toString(event.getArgumentArray())
              + event.getMDCPropertyMap();
      assertThat(line)
          .doesNotContain(headerSecret)
          .doesNotContain(querySecret)
          .doesNotContain(token)
          .doesNotContain("SESSIONSECRET");
    }
  }

  /** A copy of what was logged until now; request threads may still be appending. */
  private List<ILoggingEvent> loggedSoFar() {
    synchronized (logged) { // the lock ListAppender appends under
      return List.copyOf(logged.list);
    }
  }

  private static boolean pause() {
    try {
      Thread.sleep(20);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
