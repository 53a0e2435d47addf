package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The spec check itself must catch drift, or the conformance suite proves nothing. */
class SpecValidatorTest {

  private final SpecValidator validator = new SpecValidator("/openapi/apify.yaml");
  private HttpServer fake;
  private volatile int status;
  private volatile String body;

  @BeforeEach
  void startFakeServer() throws Exception {
    fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    fake.createContext(
        "/",
        exchange -> {
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    fake.start();
  }

  @AfterEach
  void stopFakeServer() {
    fake.stop(0);
  }

  private void get(String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + fake.getAddress().getPort() + path);
    SpecValidatingHttpClient.builder(validator)
        .build()
        .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aConformingAnswerPasses() throws Exception {
    status = 404;
    body = "{\"error\": {\"type\": \"record-not-found\", \"message\": \"gone\"}}";

    get("/v2/actor-tasks/abc");

    assertThat(validator.drainViolations()).isEmpty();
  }

  @Test
  void aBodyMissingARequiredFieldIsReported() throws Exception {
    status = 200;
    body = "{\"data\": {\"id\": \"abc\"}}";

    get("/v2/actor-tasks/abc");

    assertThat(validator.drainViolations()).isNotEmpty();
  }

  @Test
  void anUndeclaredStatusIsReported() throws Exception {
    status = 418;
    body = "{\"error\": {\"type\": \"record-not-found\", \"message\": \"teapot\"}}";

    get("/v2/actor-tasks/abc");

    assertThat(validator.drainViolations()).singleElement().asString().contains("418");
  }

  @Test
  void anErrorTypeOutsideTheCatalogueIsReported() throws Exception {
    status = 404;
    body = "{\"error\": {\"type\": \"made-up\", \"message\": \"x\"}}";

    get("/v2/unknown-route");

    assertThat(validator.drainViolations()).isNotEmpty();
  }

  @Test
  void anUnknownErrorTypeOnARouteOfTheSpecIsReported() throws Exception {
    // The schema is an open string (ADR 0025): the known types come from x-known-values.
    status = 404;
    body = "{\"error\": {\"type\": \"made-up\", \"message\": \"x\"}}";

    get("/v2/actor-tasks/abc");

    assertThat(validator.drainViolations()).singleElement().asString().contains("made-up");
  }

  @Test
  void aKnownErrorTypeAddedWithTheOpenSetPasses() throws Exception {
    status = 400;
    body = "{\"error\": {\"type\": \"deleting-default-build\", \"message\": \"x\"}}";

    get("/v2/actor-tasks/abc");

    assertThat(validator.drainViolations()).isEmpty();
  }
}
