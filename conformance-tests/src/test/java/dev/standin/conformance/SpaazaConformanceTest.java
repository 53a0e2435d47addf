package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.server.ServerConfig;
import dev.standin.server.StandinServer;
import dev.standin.server.spaaza.SpaazaConfig;
import dev.standin.server.spaaza.auth.PresetAdmin;
import dev.standin.server.spaaza.auth.PresetToken;
import dev.standin.spaaza.client.SpaazaApiException;
import dev.standin.spaaza.client.SpaazaClient;
import dev.standin.spaaza.json.SpaazaJson;
import dev.standin.spaaza.model.CreateTaskRequest;
import dev.standin.spaaza.model.ExportFormat;
import dev.standin.spaaza.model.ExportIndex;
import dev.standin.spaaza.model.Task;
import dev.standin.spaaza.model.TaskAction;
import dev.standin.spaaza.model.TaskStateCode;
import dev.standin.spaaza.model.TaskTarget;
import dev.standin.spaaza.model.TaskTrigger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

/**
 * Base of the Spaaza conformance tests ({@link BackendSuite}: once per backend, responses checked
 * against {@code openapi/spaaza.yaml}): one server per class driven by a test clock, two chains
 * with a privileged token each, admin sessions with different access levels, and a check after each
 * test that every response matched {@code openapi/spaaza.yaml}. The scheduler polls only at start;
 * tests move the clock and call {@code runDueTasksNow()} instead of waiting.
 */
abstract class SpaazaConformanceTest extends BackendSuite {

  static final SpecValidator VALIDATOR = new SpecValidator("/openapi/spaaza.yaml");

  /** One client for every hand-made request (connections reused), answers validated. */
  private static final HttpClient RAW = SpecValidatingHttpClient.builder(VALIDATOR).build();

  static final ObjectMapper MAPPER = SpaazaJson.newMapper();

  static final long CHAIN_A = 1764;
  static final long CHAIN_B = 2001;
  static final PresetToken TOKEN_A = new PresetToken(CHAIN_A, "tokenA0000000000001", "secretA");
  static final PresetToken TOKEN_B = new PresetToken(CHAIN_B, "tokenB0000000000002", "secretB");

  /** Admin 7: write on chain A, read on chain B. Admin 8: write on chain B only. */
  static final String KEY_7 = "session-key-of-admin-7";

  static final String KEY_8 = "session-key-of-admin-8";
  static final Instant START = Instant.parse("2026-05-26T11:59:00Z");

  static ServerConfig config;
  static TestClock clock;
  static StandinServer server;
  static SpaazaClient chainA;
  static SpaazaClient chainB;

  @BeforeParameterizedClassInvocation
  static void startServer(Backend current) throws IOException {
    clock = new TestClock(START);
    ServerConfig base = current.newConfig(newStoreDir());
    SpaazaConfig spaaza =
        base.spaaza()
            .withPollInterval(Duration.ofHours(1))
            .withTokens(List.of(TOKEN_A, TOKEN_B))
            .withAdmins(
                List.of(
                    new PresetAdmin(7, KEY_7, CHAIN_A, "write"),
                    new PresetAdmin(7, KEY_7, CHAIN_B, "read"),
                    new PresetAdmin(8, KEY_8, CHAIN_B, "write")));
    config = base.withClock(clock).withSpaaza(spaaza);
    start();
  }

  static void start() {
    server = StandinServer.start(config);
    // The scheduler's own first poll runs on its thread right after start; a test that moves the
    // clock and then polls must not race it for a task.
    try {
      assertThat(server.spaaza().awaitStartupPoll(Duration.ofSeconds(30)))
          .as("the scheduler's start-up poll ended")
          .isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    chainA = tokenClient(TOKEN_A.tokenId(), TOKEN_A.secret());
    chainB = tokenClient(TOKEN_B.tokenId(), TOKEN_B.secret());
  }

  /** Stops the server; {@code whileStopped} runs before it starts again on the same data. */
  static void restart(Runnable whileStopped) {
    server.close();
    whileStopped.run();
    start();
  }

  @AfterParameterizedClassInvocation
  static void stopServer() {
    server.close();
  }

  @Override
  SpecValidator validator() {
    return VALIDATOR;
  }

  static SpaazaClient tokenClient(String tokenId, String secret) {
    return SpaazaClient.builder()
        .baseUrl(server.spaaza().baseUri().toString())
        .token(tokenId, secret)
        .httpClientBuilder(SpecValidatingHttpClient.builder(VALIDATOR))
        .build();
  }

  static SpaazaClient sessionClient(long userId, String key, long chainId) {
    return SpaazaClient.builder()
        .baseUrl(server.spaaza().baseUri().toString())
        .session(userId, key, chainId)
        .httpClientBuilder(SpecValidatingHttpClient.builder(VALIDATOR))
        .build();
  }

  static CreateTaskRequest newTaskRequest(long chain) {
    return newTaskRequestFor(chain).trigger(new TaskTrigger().once(inOneHour()));
  }

  /** A valid wallet-ledger CSV export for {@code chain}, due at a fixed time. */
  static CreateTaskRequest newTaskRequestFor(long chain) {
    return new CreateTaskRequest()
        .chain(chain)
        .desc("Wallet ledger export")
        .target(
            new TaskTarget()
                .action(TaskAction.EXPORT)
                .exportIndex(ExportIndex.WALLET_LEDGER)
                .exportFormat(ExportFormat.CSV))
        .trigger(new TaskTrigger().once(OffsetDateTime.parse("2030-01-01T00:00:00Z")));
  }

  static OffsetDateTime inOneHour() {
    return clock.instant().plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC);
  }

  static Task newTask(SpaazaClient client, long chain) {
    return client.tasks().create(newTaskRequest(chain));
  }

  static SpaazaApiException failure(ThrowingCallable call) {
    return failure(SpaazaApiException.class, call);
  }

  static void assertError(SpaazaApiException e, int status, String name) {
    assertThat(e.status()).as("status of " + e).isEqualTo(status);
    assertThat(e.name()).as("name of " + e).isEqualTo(name);
    assertThat(e.error()).as("catalogue entry of " + e).isPresent();
    assertThat(e.code()).isEqualTo(e.error().get().code());
    assertThat(e.getMessage()).isNotBlank();
    assertThat(e.resultCode()).as("result.code of " + e).isEqualTo(2);
    assertThat(e.resultStatus()).as("result.status of " + e).isEqualTo("error");
  }

  /** Waits (up to 10 s) until the task reaches {@code state}; for the scheduler's own thread. */
  static Task awaitState(SpaazaClient client, long id, TaskStateCode state) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    Supplier<Task> read = () -> client.task(id).get();
    Task task = read.get();
    while (task.getState().getCode() != state && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      task = read.get();
    }
    assertThat(task.getState().getCode()).isEqualTo(state);
    return task;
  }

  /**
   * A hand-made request, for what the typed client cannot send (unknown enum values, malformed
   * times, explicit nulls, wrong methods, links). Its answer is validated like every other.
   */
  static Raw raw(String method, String pathOrUrl, Map<String, String> headers, String body) {
    URI uri =
        pathOrUrl.startsWith("http")
            ? URI.create(pathOrUrl)
            : server.spaaza().baseUri().resolve(pathOrUrl.substring(1));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          RAW.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Raw(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> asChainA() {
    return Map.of(
        "Authorization",
        "Bearer " + TOKEN_A.tokenId() + ":" + TOKEN_A.secret(),
        "Content-Type",
        "application/json");
  }

  record Raw(int status, Map<String, List<String>> headers, String body) {
    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    String errorName() {
      return json().path("error").path("name").asText(null);
    }

    /** This answer is an error in the vendor's envelope, named {@code name}, with this status. */
    Raw assertError(int expectedStatus, String name) {
      assertThat(status).as("status; body %s", body).isEqualTo(expectedStatus);
      assertEnvelope(json());
      assertThat(errorName()).as(body).isEqualTo(name);
      return this;
    }
  }

  /**
   * {@code body} is Spaaza's documented error envelope: {@code result} (code 2, status error) and
   * {@code error} (a catalogue code and name that pair up, a description).
   */
  static void assertEnvelope(JsonNode body) {
    assertThat(body.path("result").path("code").isInt()).as("result.code in %s", body).isTrue();
    assertThat(body.path("result").path("code").asInt()).as("result.code").isEqualTo(2);
    assertThat(body.path("result").path("status").asText()).as("result.status").isEqualTo("error");
    JsonNode error = body.path("error");
    assertThat(dev.standin.spaaza.errors.SpaazaError.fromName(error.path("name").asText()))
        .as("error.name in %s", body)
        .hasValueSatisfying(e -> assertThat(error.path("code").asInt()).isEqualTo(e.code()));
    assertThat(error.path("description").asText()).as("error.description").isNotBlank();
  }

  /** A clock the tests move by hand. */
  static final class TestClock extends Clock {
    private final AtomicReference<Instant> now;

    TestClock(Instant start) {
      this.now = new AtomicReference<>(start);
    }

    void advance(Duration by) {
      now.updateAndGet(t -> t.plus(by));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
