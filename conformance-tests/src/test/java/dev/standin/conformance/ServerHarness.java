package dev.standin.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.apify.client.ApifyClient;
import dev.standin.apify.json.ApifyJson;
import dev.standin.server.ServerConfig;
import dev.standin.server.ServerConfig.UserToken;
import dev.standin.server.StandinServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A real server on a free loopback port with its own data directory, two users (alice and bob) and,
 * for each, a client whose every response is validated against the spec.
 */
final class ServerHarness implements AutoCloseable {

  static final String ALICE = "alice";
  static final String BOB = "bob";
  static final String ALICE_TOKEN = "apify_api_aliceAliceAliceAliceAliceAlice01";
  static final String BOB_TOKEN = "apify_api_bobBobBobBobBobBobBobBobBobBob0002";

  private static final ObjectMapper MAPPER = ApifyJson.newMapper();

  final SpecValidator validator;
  private final Path dataDir;
  private final UnaryOperator<ServerConfig> configure;
  private StandinServer server;

  ServerHarness(Path dataDir, SpecValidator validator) {
    this(dataDir, validator, UnaryOperator.identity());
  }

  /** A harness whose server configuration a test adjusts (e.g. its rate limits). */
  ServerHarness(Path dataDir, SpecValidator validator, UnaryOperator<ServerConfig> configure) {
    this.dataDir = dataDir;
    this.validator = validator;
    this.configure = configure;
    start();
  }

  void start() {
    server =
        StandinServer.start(
            configure.apply(
                ServerConfig.forDataDir(dataDir)
                    .withUsers(
                        List.of(
                            new UserToken(ALICE, ALICE_TOKEN), new UserToken(BOB, BOB_TOKEN)))));
  }

  /** Stops the server and starts a new one on the same data directory. */
  void restart() {
    server.close();
    start();
  }

  URI baseUri() {
    return server.baseUri();
  }

  ApifyClient client(String token) {
    return ApifyClient.builder()
        .baseUrl(server.baseUri().toString())
        .token(token)
        .httpClientBuilder(SpecValidatingHttpClient.builder(validator))
        .build();
  }

  /**
   * A hand-made request, for what the typed client cannot send (a JSON array as the body, a
   * malformed document, a wrong method). Its answer is validated like every other.
   */
  RawResponse raw(
      String method, String pathAndQuery, String token, String contentType, String body) {
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
    try {
      HttpResponse<String> response =
          SpecValidatingHttpClient.builder(validator)
              .build()
              .send(request.build(), HttpResponse.BodyHandlers.ofString());
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
      HttpResponse<String> response =
          SpecValidatingHttpClient.builder(validator)
              .build()
              .send(request, HttpResponse.BodyHandlers.ofString());
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

    String errorType() {
      return json().path("error").path("type").asText(null);
    }
  }
}
