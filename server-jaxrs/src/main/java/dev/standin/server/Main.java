package dev.standin.server;

import dev.standin.server.ServerConfig.UserToken;
import dev.standin.server.wire.RateLimits;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Starts the server from the command line; every option also reads an environment variable. */
@Command(
    name = "standin-server",
    mixinStandardHelpOptions = true,
    version = "standin-server 0.1.0",
    description = "Serves the Apify API v2 task and Actor endpoints from a local store.")
public final class Main implements Callable<Integer> {

  @Option(
      names = "--host",
      defaultValue = "${env:STANDIN_HOST:-127.0.0.1}",
      description = "Interface to listen on (env STANDIN_HOST, default ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "${env:STANDIN_PORT:-8080}",
      description = "TCP port (env STANDIN_PORT, default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--data-dir",
      defaultValue = "${env:STANDIN_DATA_DIR:-data}",
      description =
          "Directory of the embedded store (env STANDIN_DATA_DIR, default ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--user",
      split = ",",
      defaultValue = "${env:STANDIN_USERS}",
      paramLabel = "USERNAME:TOKEN",
      description =
          "Make sure this user exists and accepts this API token; repeatable"
              + " (env STANDIN_USERS, comma-separated).")
  List<String> users = List.of();

  @Option(
      names = "--default-username",
      defaultValue = "${env:STANDIN_DEFAULT_USERNAME:-" + ServerConfig.DEFAULT_USERNAME + "}",
      description =
          "User created with a fresh token when the store has no users"
              + " (env STANDIN_DEFAULT_USERNAME, default ${DEFAULT-VALUE}).")
  String defaultUsername;

  @Option(
      names = "--rate-limit-per-resource",
      defaultValue = "${env:STANDIN_RATE_LIMIT_PER_RESOURCE:-60}",
      description =
          "Requests per second one resource accepts"
              + " (env STANDIN_RATE_LIMIT_PER_RESOURCE, default ${DEFAULT-VALUE}).")
  long perResourcePerSecond;

  @Option(
      names = "--rate-limit-per-user",
      defaultValue = "${env:STANDIN_RATE_LIMIT_PER_USER:-250000}",
      description =
          "Requests per minute one user (or, without a token, one IP address) may send"
              + " (env STANDIN_RATE_LIMIT_PER_USER, default ${DEFAULT-VALUE}).")
  long perUserPerMinute;

  public static void main(String[] args) {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    int exit = new CommandLine(new Main()).execute(args);
    if (exit != 0) {
      System.exit(exit);
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    List<UserToken> presetUsers =
        users == null
            ? List.of()
            : users.stream().filter(s -> !s.isBlank()).map(UserToken::parse).toList();
    ServerConfig config =
        new ServerConfig(
            host,
            port,
            dataDir,
            presetUsers,
            defaultUsername,
            Clock.systemUTC(),
            new RateLimits(
                new RateLimits.Limit(perResourcePerSecond, Duration.ofSeconds(1)),
                new RateLimits.Limit(perUserPerMinute, Duration.ofMinutes(1))));
    StandinServer server = StandinServer.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                }));
    System.out.println("Stand-in Apify API listening on " + server.baseUri());
    System.out.println("Store: embedded SQLite in " + dataDir.toAbsolutePath());
    server
        .createdToken()
        .ifPresent(
            token ->
                System.out.println(
                    "Created user '"
                        + defaultUsername
                        + "' with API token: "
                        + token
                        + "\n(shown once; only its hash is stored)"));
    stopped.await();
    return 0;
  }
}
