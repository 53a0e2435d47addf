package dev.standin.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.standin.apify.client.ApifyApiException;
import dev.standin.apify.client.ApifyClient;
import dev.standin.spaaza.client.SpaazaApiException;
import dev.standin.spaaza.client.SpaazaClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With no server at the address, both clients fail within seconds, with the default retries, and
 * say which address refused.
 */
class ClosedPortTest {

  private static final Duration FEW_SECONDS = Duration.ofSeconds(6);

  private int closedPort;

  @BeforeEach
  void findAClosedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
  }

  @Test
  void apifyClientFailsFastNamingTheAddress() {
    ApifyClient client =
        ApifyClient.builder().baseUrl("http://127.0.0.1:" + closedPort).token("t").build();

    long started = System.nanoTime();
    ApifyApiException e =
        catchThrowableOfType(ApifyApiException.class, () -> client.tasks().list());
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(took).isLessThan(FEW_SECONDS);
    assertThat(e.status()).isZero();
    assertThat(e.getMessage())
        .contains("cannot connect to http://127.0.0.1:" + closedPort)
        .contains("connection refused")
        .contains("3 attempts");
  }

  @Test
  void spaazaClientFailsFastNamingTheAddress() {
    SpaazaClient client =
        SpaazaClient.builder()
            .baseUrl("http://127.0.0.1:" + closedPort)
            .token("id", "secret")
            .build();

    long started = System.nanoTime();
    SpaazaApiException e =
        catchThrowableOfType(SpaazaApiException.class, () -> client.task(1).get());
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(took).isLessThan(FEW_SECONDS);
    assertThat(e.getMessage())
        .contains("cannot connect to http://127.0.0.1:" + closedPort)
        .contains("connection refused");
  }

  @Test
  void noRetriesMeansOneAttempt() {
    ApifyClient client =
        ApifyClient.builder()
            .baseUrl("http://127.0.0.1:" + closedPort)
            .token("t")
            .retries(0, Duration.ofMillis(500))
            .build();

    ApifyApiException e =
        catchThrowableOfType(ApifyApiException.class, () -> client.tasks().list());

    assertThat(e.getMessage()).contains("1 attempt in");
  }
}
