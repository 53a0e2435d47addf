package dev.standin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the packaged jar ({@code server-jaxrs/target/standin-server.jar}, named by the build in
 * {@code standin.server.jar}) as its own process, as a user would, and stops it with SIGTERM while
 * a request is still arriving: that request must complete.
 */
class PackagedJarIT {

  private static final Path JAR =
      Path.of(
          System.getProperty("standin.server.jar", "../server-jaxrs/target/standin-server.jar"));
  private static final Pattern TOKEN = Pattern.compile("API token: (\\S+)");

  @TempDir Path dataDir;

  private Process process;

  @AfterEach
  void kill() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void servesOperatorRoutesAndFinishesAnInFlightRequestOnSigterm() throws Exception {
    assertThat(JAR).as("run the package phase first").exists();
    int port = freePort();
    int spaazaPort = freePort();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    process =
        new ProcessBuilder(
                java,
                "-jar",
                JAR.toString(),
                "--port",
                Integer.toString(port),
                "--spaaza-port",
                Integer.toString(spaazaPort),
                "--data-dir",
                dataDir.toString(),
                "--shutdown-timeout-s",
                "20")
            .redirectError(dataDir.resolve("stderr.log").toFile())
            .start();

    // Start-up prints the URLs, the store and the created credentials, in that order.
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder banner = new StringBuilder();
    String token = null;
    for (String line; token == null && (line = out.readLine()) != null; ) {
      banner.append(line).append('\n');
      Matcher m = TOKEN.matcher(line);
      if (m.find()) {
        token = m.group(1);
      }
    }
    assertThat(token).as("banner: %s", banner).isNotNull();
    assertThat(banner.toString())
        .contains("listening on http://127.0.0.1:" + port + "/")
        .contains("Store: embedded SQLite in");

    URI base = URI.create("http://127.0.0.1:" + port + "/");
    HttpClient http = HttpClient.newHttpClient();
    for (String path : new String[] {"health", "ready", "metrics"}) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(base.resolve(path)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path).isEqualTo(200);
    }

    // A create whose body arrives in two parts; SIGTERM comes in between.
    byte[] body =
        "{\"name\": \"created-during-shutdown\",\"versions\":[{\"versionNumber\":\"0.0\",\"sourceType\":\"GIT_REPO\",\"gitRepoUrl\":\"https://example.com/actor.git\"}]}"
            .getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream request = socket.getOutputStream();
      request.write(
          ("POST /v2/actors HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                  + token
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + body.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      request.write(body, 0, 10);
      request.flush();
      Thread.sleep(1000); // let the server start handling it

      process.destroy(); // SIGTERM
      Thread.sleep(1000); // the shutdown hook is now waiting for this request
      assertThat(process.isAlive()).as("waits for the request in flight").isTrue();

      request.write(body, 10, body.length - 10);
      request.flush();
      String response = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
      assertThat(response).startsWith("HTTP/1.1 201").contains("created-during-shutdown");
    }
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stops after the request").isTrue();
    assertThat(Files.readString(dataDir.resolve("stderr.log"))).contains("stopped");
  }

  private static byte[] readAll(InputStream in) throws Exception {
    return in.readAllBytes();
  }
}
