package dev.standin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the OCI image tarball that Jib writes in the package phase: first its configuration
 * (entrypoint, ports, user, environment), then that it really runs — its layers are unpacked into a
 * directory and the entrypoint is started there in fresh mount and PID namespaces as the image's
 * user, the way a container runtime would (no Docker here).
 */
class ContainerImageIT {

  private static final Path TARBALL = Path.of("target", "standin-server-image.tar");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TOKEN = Pattern.compile("API token: (\\S+)");

  @TempDir static Path layout;
  private static JsonNode manifest;
  private static JsonNode config;

  @TempDir Path rootfs;
  private Process container;

  @BeforeAll
  static void readImage() throws Exception {
    assertThat(TARBALL).as("run the package phase first").exists();
    run("tar", "-xf", TARBALL.toString(), "-C", layout.toString());
    JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
    manifest = blob(index.path("manifests").get(0).path("digest").asText());
    config = blob(manifest.path("config").path("digest").asText());
  }

  @AfterEach
  void stop() {
    if (container != null) {
      container.descendants().forEach(ProcessHandle::destroyForcibly);
      container.destroyForcibly();
    }
  }

  @Test
  void configurationRunsTheServerAsANonRootUserOnBothPorts() {
    JsonNode container = config.path("config");
    assertThat(config.path("os").asText()).isEqualTo("linux");
    assertThat(config.path("architecture").asText()).isEqualTo("amd64");

    List<String> entrypoint = strings(container.path("Entrypoint"));
    assertThat(entrypoint).first().isEqualTo("java");
    assertThat(entrypoint).last().isEqualTo("dev.standin.server.Main");

    assertThat(fieldNames(container.path("ExposedPorts"))).containsExactly("8080/tcp", "8081/tcp");

    String user = container.path("User").asText();
    assertThat(user).isNotBlank();
    String uid = user.split(":")[0];
    assertThat(uid).isNotIn("0", "root");

    assertThat(strings(container.path("Env")))
        .contains("PATH=/opt/java/bin", "STANDIN_HOST=0.0.0.0", "STANDIN_DATA_DIR=/data");
    assertThat(fieldNames(container.path("Volumes"))).containsExactly("/data");
  }

  @Test
  void unpackedImageServesRequestsAndKeepsDataInItsVolume() throws Exception {
    assumeTrue(
        System.getProperty("os.name").equals("Linux")
            && "0".equals(run("id", "-u").trim())
            && Files.isExecutable(Path.of("/usr/bin/unshare")),
        "needs Linux, root and unshare to run the image without a container engine");

    // The image's "/" is world-readable; JUnit creates its directories for the owner only.
    Files.setPosixFilePermissions(rootfs, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (JsonNode layer : manifest.path("layers")) {
      run(
          "tar",
          "--numeric-owner",
          "-xzf",
          blobPath(layer.path("digest").asText()).toString(),
          "-C",
          rootfs.toString());
    }
    // What a container runtime provides: /proc (mounted by unshare below) and a few devices.
    Files.createDirectories(rootfs.resolve("proc"));
    Files.createDirectories(rootfs.resolve("dev"));
    for (String[] device :
        new String[][] {{"null", "3"}, {"zero", "5"}, {"random", "8"}, {"urandom", "9"}}) {
      run(
          "mknod",
          "-m",
          "666",
          rootfs.resolve("dev").resolve(device[0]).toString(),
          "c",
          "1",
          device[1]);
    }

    JsonNode image = config.path("config");
    String[] user = image.path("User").asText().split(":");
    int port = freePort();
    int spaazaPort = freePort();
    List<String> command =
        new ArrayList<>(
            List.of(
                "/usr/bin/unshare",
                "--fork",
                "--pid",
                "--mount",
                "--mount-proc=/proc",
                "--root=" + rootfs,
                "--wd=" + image.path("WorkingDir").asText(),
                "--setuid=" + user[0],
                "--setgid=" + user[1]));
    command.addAll(strings(image.path("Entrypoint")));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.clear();
    for (String variable : strings(image.path("Env"))) {
      int eq = variable.indexOf('=');
      env.put(variable.substring(0, eq), variable.substring(eq + 1));
    }
    // Like `docker run -e`: ports chosen by the test, everything else as the image says.
    env.put("STANDIN_PORT", Integer.toString(port));
    env.put("STANDIN_SPAAZA_PORT", Integer.toString(spaazaPort));
    Path log = layout.resolve("stderr-" + port + ".log");
    container = builder.redirectError(log.toFile()).start();

    String token = awaitToken(container);
    assertThat(token).as("start-up banner; stderr: %s", Files.readString(log)).isNotNull();

    URI base = URI.create("http://127.0.0.1:" + port + "/");
    HttpClient http = HttpClient.newHttpClient();
    assertThat(get(http, base.resolve("health"), null).statusCode()).isEqualTo(200);
    assertThat(get(http, base.resolve("ready"), null).statusCode()).isEqualTo(200);
    assertThat(get(http, URI.create("http://127.0.0.1:" + spaazaPort + "/docs"), null).statusCode())
        .isEqualTo(200);

    String actorId =
        send(
                http,
                "POST",
                base.resolve("v2/actors"),
                token,
                "{\"name\":\"in-image\",\"versions\":[{\"versionNumber\":\"0.0\",\"sourceType\":\"GIT_REPO\",\"gitRepoUrl\":\"https://example.com/actor.git\"}]}")
            .path("data")
            .path("id")
            .asText();
    String taskId =
        send(
                http,
                "POST",
                base.resolve("v2/actor-tasks"),
                token,
                "{\"actId\":\"" + actorId + "\",\"name\":\"in-image-task\"}")
            .path("data")
            .path("id")
            .asText();
    URI input = base.resolve("v2/actor-tasks/" + taskId + "/input");
    send(http, "PUT", input, token, "{\"a\":1}");
    JsonNode merged = send(http, "PUT", input, token, "{\"b\":2}");
    assertThat(merged.toString()).isEqualTo("{\"a\":1,\"b\":2}");

    // SIGTERM to the server (PID 1 in its namespace, as in a container): a clean, prompt stop.
    ProcessHandle server = container.children().findFirst().orElseThrow();
    server.destroy();
    assertThat(container.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(log)).contains("stopped");

    Path database = rootfs.resolve("data").resolve("standin.db");
    assertThat(database).exists();
    assertThat(run("stat", "-c", "%u", database.toString()).trim()).isEqualTo(user[0]);
  }

  private static String awaitToken(Process process) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    for (String line; (line = out.readLine()) != null; ) {
      Matcher m = TOKEN.matcher(line);
      if (m.find()) {
        return m.group(1);
      }
    }
    return null;
  }

  private static HttpResponse<String> get(HttpClient http, URI uri, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode send(HttpClient http, String method, URI uri, String token, String body)
      throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri)
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as("%s %s: %s", method, uri, response.body())
        .isBetween(200, 201);
    return JSON.readTree(response.body());
  }

  private static JsonNode blob(String digest) throws Exception {
    return JSON.readTree(blobPath(digest).toFile());
  }

  private static Path blobPath(String digest) {
    String[] parts = digest.split(":");
    return layout.resolve("blobs").resolve(parts[0]).resolve(parts[1]);
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Runs a command to completion and returns its standard output; fails on a non-zero exit. */
  private static String run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as("%s: %s", String.join(" ", command), output).isZero();
    return output;
  }
}
