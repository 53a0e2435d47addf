import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Writes the AppCDS archive of the runnable jar (docs/adr/0020-cold-start-with-appcds.md): starts
 * the jar with {@code -XX:ArchiveClassesAtExit} against a throw-away data directory on free ports,
 * sends the requests a client sends first, and stops it with SIGTERM, when the JVM writes every
 * class it loaded into the archive. Run by the build as a source-file program:
 *
 * <pre>java TrainCds.java JAVA CLASSPATH_OPTIONS... -- ARCHIVE LOG</pre>
 *
 * e.g. {@code java TrainCds.java /usr/bin/java -jar target/standin-server.jar -- target/x.jsa
 * target/x.log}. The archive only works with the same JVM build and the same jar, so JAVA must be
 * the runtime that will use it.
 */
public final class TrainCds {

  private static final String TOKEN = "apify_api_cdsTrainingCdsTrainingCdsTrain01";
  private static final String SPAAZA_TOKEN = "cdstraining000000001:cds-training-secret";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  public static void main(String[] args) throws Exception {
    int dash = List.of(args).indexOf("--");
    if (dash < 1 || args.length != dash + 3) {
      System.err.println("usage: java TrainCds.java JAVA CLASSPATH_OPTIONS... -- ARCHIVE LOG");
      System.exit(2);
    }
    List<String> launch = List.of(args).subList(0, dash);
    Path archive = Path.of(args[dash + 1]).toAbsolutePath();
    Path log = Path.of(args[dash + 2]).toAbsolutePath();
    Files.deleteIfExists(archive);
    Path dataDir = Files.createTempDirectory("standin-cds-");
    int port = freePort();
    int spaazaPort = freePort();
    List<String> command = new ArrayList<>();
    command.add(launch.get(0));
    command.add("-XX:ArchiveClassesAtExit=" + archive);
    command.addAll(launch.subList(1, launch.size()));
    command.addAll(
        List.of(
            "--port", String.valueOf(port),
            "--spaaza-port", String.valueOf(spaazaPort),
            "--data-dir", dataDir.toString(),
            "--user", "cds:" + TOKEN,
            "--spaaza-token", "1:" + SPAAZA_TOKEN,
            // the client's idle keep-alive connection need not delay the stop
            "--shutdown-timeout-s", "1"));
    Process server =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      exercise(
          URI.create("http://127.0.0.1:" + port), URI.create("http://127.0.0.1:" + spaazaPort));
      server.destroy(); // SIGTERM: the shutdown hooks run, then the JVM writes the archive
      if (!server.waitFor(2, TimeUnit.MINUTES)) {
        throw new IllegalStateException("the training server did not stop; see " + log);
      }
    } finally {
      server.destroyForcibly();
      deleteTree(dataDir);
    }
    if (!Files.isRegularFile(archive)) {
      throw new IllegalStateException("no archive written; see " + log);
    }
    System.out.printf("AppCDS archive %s (%d MB)%n", archive, Files.size(archive) >> 20);
  }

  /** The first requests of a typical client: list, create, merge input, read; Spaaza likewise. */
  private static void exercise(URI apify, URI spaaza) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    awaitOk(http, apify, "/v2/actor-tasks", TOKEN);
    expect(send(http, apify, "POST", "/v2/acts", "{\"name\":\"cds-actor\",\"versions\":[{\"versionNumber\":\"0.0\",\"sourceType\":\"GIT_REPO\",\"gitRepoUrl\":\"https://example.com/actor.git\"}]}", TOKEN), 201);
    expect(
        send(
            http,
            apify,
            "POST",
            "/v2/actor-tasks",
            "{\"actId\":\"~cds-actor\",\"name\":\"cds-task\"}",
            TOKEN),
        201);
    expect(
        send(
            http,
            apify,
            "PUT",
            "/v2/actor-tasks/~cds-task/input",
            "{\"startUrls\":[{\"url\":\"https://example.com\"}],\"maxConcurrency\":10}",
            TOKEN),
        200);
    expect(send(http, apify, "GET", "/v2/actor-tasks/~cds-task", null, TOKEN), 200);
    expect(send(http, apify, "GET", "/v2/acts/~cds-actor", null, TOKEN), 200);
    expect(send(http, apify, "GET", "/v2/actor-tasks/~missing", null, TOKEN), 404);
    expect(send(http, apify, "GET", "/health", null, null), 200);
    // The Spaaza API starts after the Apify API already answers.
    awaitOk(http, spaaza, "/openapi.yaml", null);
    expect(
        send(
            http,
            spaaza,
            "POST",
            "/tasks",
            "{\"chain\":1,\"desc\":\"cds\",\"target\":{\"action\":\"export\",\"export_index\":"
                + "\"users\",\"export_format\":\"csv\"},\"trigger\":{\"once\":\"2099-01-01T00:00:00Z\"}}",
            SPAAZA_TOKEN),
        201);
  }

  /** Polls {@code path} until it answers 200 (the listener may not be up yet). */
  private static void awaitOk(HttpClient http, URI base, String path, String token)
      throws Exception {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (true) {
      try {
        if (send(http, base, "GET", path, null, token) == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // keep polling
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(base + path + " did not answer in " + START_TIMEOUT);
      }
      Thread.sleep(100);
    }
  }

  private static int send(
      HttpClient http, URI base, String method, String path, String json, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static void expect(int status, int wanted) {
    if (status != wanted) {
      throw new IllegalStateException("training request answered " + status + ", not " + wanted);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
