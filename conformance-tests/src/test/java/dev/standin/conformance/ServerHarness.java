package dev.standin.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.apify.client.ApifyClient;
import dev.standin.apify.json.ApifyJson;
import dev.standin.server.ServerConfig;
import dev.standin.server.StandinServer;
import dev.standin.server.apify.auth.UserToken;
import dev.standin.server.kernel.wire.RateLimits;
import dev.standin.server.spaaza.auth.PresetToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A real server on a free loopback port with its own empty store on the chosen {@link Backend}, two
 * users (alice and bob) and, for each, a client whose every response is validated against the spec.
 */
final class ServerHarness implements AutoCloseable {

  static final String ALICE = "alice";
  static final String BOB = "bob";
  static final String ALICE_TOKEN = "apify_api_aliceAliceAliceAliceAliceAlice01";
  static final String BOB_TOKEN = "apify_api_bobBobBobBobBobBobBobBobBobBob0002";

  /** A token of Spaaza chain 1, for the examples that drive both APIs of one server. */
  static final PresetToken SPAAZA_TOKEN =
      new PresetToken(1, "quickStartTokenId0001", "quickStartTokenSecret");

  private static final ObjectMapper MAPPER = ApifyJson.newMapper();

  final SpecValidator validator;

  /** Hand-made requests go through one client (its connections reused), answers validated. */
  private final HttpClient rawClient;

  private final ServerConfig config;
  private StandinServer server;

  /**
   * Limits high enough never to trip: the suite's load tests send thousands of requests to one
   * resource, far above the vendor's 60 per second. Counted in memory even on PostgreSQL, where
   * counting in the database would only cost time. {@code RateLimitTest} proves the limiter, {@code
   * SharedDatabaseTest} the one shared by instances.
   */
  static final RateLimits UNTHROTTLED =
      new RateLimits(
          new RateLimits.Limit(1_000_000, Duration.ofSeconds(1)),
          new RateLimits.Limit(1_000_000, Duration.ofSeconds(1)),
          RateLimits.Scope.INSTANCE);

  ServerHarness(Backend backend, Path dataDir, SpecValidator validator) {
    this(backend, dataDir, validator, config -> config.withRateLimits(UNTHROTTLED));
  }

  /** A harness whose server configuration a test adjusts (e.g. its rate limits). */
  ServerHarness(
      Backend backend,
      Path dataDir,
      SpecValidator validator,
      UnaryOperator<ServerConfig> configure) {
    this(
        configure.apply(
            withSpaazaToken(
                backend
                    .newConfig(dataDir)
                    .withUsers(
                        List.of(
                            new UserToken(ALICE, ALICE_TOKEN), new UserToken(BOB, BOB_TOKEN))))),
        validator);
  }

  private static ServerConfig withSpaazaToken(ServerConfig config) {
    return config.withSpaaza(config.spaaza().withTokens(List.of(SPAAZA_TOKEN)));
  }

  private ServerHarness(ServerConfig config, SpecValidator validator) {
    this.config = config;
    this.validator = validator;
    this.rawClient = SpecValidatingHttpClient.builder(validator).build();
    start();
  }

  /** A second server instance on the same store (a shared database), as behind a load balancer. */
  ServerHarness secondInstance() {
    if (config.database() == null) {
      throw new IllegalStateException("only a shared database can serve two instances");
    }
    return new ServerHarness(config, validator);
  }

  private void start() {
    server = StandinServer.start(config);
  }

  /** Stops the server and starts a new one on the same store. */
  void restart() {
    server.close();
    start();
  }

  URI baseUri() {
    return server.baseUri();
  }

  /** Where the same server's Spaaza API listens. */
  URI spaazaBaseUri() {
    return server.spaaza().baseUri();
  }

  ApifyClient client(String token) {
    return ApifyClient.builder()
        .baseUrl(server.baseUri().toString())
        .token(token)
        .httpClientBuilder(SpecValidatingHttpClient.builder(validator))
        .build();
  }

  /**
   * A client whose responses are not validated, for load tests only: thousands of answers carrying
   * an ever larger input would spend the test's time in the validator. Their shape is covered by
   * the functional tests; the load tests check their final state with a validating client.
   */
  ApifyClient unvalidatedClient(String token) {
    return ApifyClient.builder().baseUrl(server.baseUri().toString()).token(token).build();
  }

  /**
   * A hand-made request, for what the typed client cannot send (a JSON array as the body, a
   * malformed document, a wrong method). Its answer is validated like every other.
   */
  RawResponse raw(
      String method, String pathAndQuery, String token, String contentType, String body) {
    return raw(method, pathAndQuery, token, contentType, body, java.util.Map.of());
  }

  /** As {@link #raw(String, String, String, String, String)}, with extra request headers. */
  RawResponse raw(
      String method,
      String pathAndQuery,
      String token,
      String contentType,
      String body,
      java.util.Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.baseUri().resolve(pathAndQuery.substring(1)))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          rawClient.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new RawResponse(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A hand-made request with a body of raw bytes and any headers (encodings, broken lengths). Its
   * answer is validated like every other.
   */
  RawResponse rawBytes(
      String method, String pathAndQuery, String token, Map<String, String> headers, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUri() + pathAndQuery.substring(1)))
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    return send(request.build());
  }

  private RawResponse send(HttpRequest request) {
    try {
      HttpResponse<String> response = rawClient.send(request, HttpResponse.BodyHandlers.ofString());
      return new RawResponse(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  RawResponse rawJson(String method, String pathAndQuery, String token, String json) {
    return raw(method, pathAndQuery, token, "application/json", json);
  }

  @Override
  public void close() {
    server.close();
  }

  record RawResponse(int status, java.util.Map<String, List<String>> headers, String body) {
    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    /** The ETag header, or null. */
    String etag() {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase("ETag"))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    String errorType() {
      return json().path("error").path("type").asText(null);
    }
  }
}
