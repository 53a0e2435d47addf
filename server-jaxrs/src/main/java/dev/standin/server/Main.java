package dev.standin.server;

import dev.standin.server.apify.auth.UserToken;
import dev.standin.server.kernel.ops.LogFormat;
import dev.standin.server.kernel.state.SeedMode;
import dev.standin.server.kernel.store.DatabaseConfig;
import dev.standin.server.kernel.wire.RateLimits;
import dev.standin.server.spaaza.SpaazaConfig;
import dev.standin.server.spaaza.auth.PresetAdmin;
import dev.standin.server.spaaza.auth.PresetToken;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Starts the server from the command line; every option also reads an environment variable. */
@Command(
    name = "standin-server",
    mixinStandardHelpOptions = true,
    version = "standin-server 0.1.0",
    description =
        "Serves the Apify API v2 task and Actor endpoints and the Spaaza Services API task"
            + " endpoints from a local store.")
public final class Main implements Callable<Integer> {

  private static final String NAME = "standin-server";

  @Option(
      names = "--config",
      defaultValue = "${env:STANDIN_CONFIG}",
      paramLabel = "FILE",
      description =
          "Properties file of options, keys as the long flag names without dashes, e.g."
              + " port=9090 (env STANDIN_CONFIG). Flags win over environment variables, which"
              + " win over the file.")
  Path configFile;

  @Option(
      names = "--log-format",
      defaultValue = "${env:STANDIN_LOG_FORMAT:-text}",
      description =
          "Log lines as ${COMPLETION-CANDIDATES}; json writes one JSON object per line"
              + " (env STANDIN_LOG_FORMAT, default ${DEFAULT-VALUE}).")
  LogFormat logFormat;

  @Option(
      names = "--shutdown-timeout-s",
      defaultValue = "${env:STANDIN_SHUTDOWN_TIMEOUT_S:-30}",
      description =
          "On SIGTERM, how long requests in flight may take to finish before the store is"
              + " closed, in seconds (env STANDIN_SHUTDOWN_TIMEOUT_S, default ${DEFAULT-VALUE}).")
  long shutdownTimeoutSeconds;

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
      names = "--store",
      defaultValue = "${env:STANDIN_STORE}",
      paramLabel = "KIND",
      description =
          "Where the state lives: sqlite (a file in --data-dir), memory (nothing written to"
              + " disk, state lost on exit) or postgresql (--database-url) (env STANDIN_STORE,"
              + " default postgresql when --database-url is set, else sqlite).")
  String store;

  @Option(
      names = "--seed",
      defaultValue = "${env:STANDIN_SEED}",
      paramLabel = "FILE",
      description =
          "Seed file (JSON, see seed.schema.json) loaded on start, in one transaction; a bad one"
              + " stops start-up (env STANDIN_SEED).")
  Path seed;

  @Option(
      names = "--seed-mode",
      defaultValue = "${env:STANDIN_SEED_MODE:-keep}",
      paramLabel = "MODE",
      description =
          "keep: what exists is left alone (loading again changes nothing); replace: the state"
              + " becomes exactly the seed (env STANDIN_SEED_MODE, default ${DEFAULT-VALUE}).")
  String seedMode;

  @Option(
      names = "--admin",
      defaultValue = "${env:STANDIN_ADMIN:-false}",
      description =
          "Serve the admin API (/__admin/...: reset, load a seed, snapshot) on the Apify port,"
              + " with a fresh admin token printed at start unless --admin-token presets one"
              + " (env STANDIN_ADMIN, default ${DEFAULT-VALUE}).")
  boolean admin;

  @Option(
      names = "--admin-token",
      defaultValue = "${env:STANDIN_ADMIN_TOKEN}",
      paramLabel = "TOKEN",
      description =
          "Serve the admin API, accepting this token (env STANDIN_ADMIN_TOKEN; prefer the"
              + " variable, a flag shows in the process list).")
  String adminToken;

  @Option(
      names = "--database-url",
      defaultValue = "${env:STANDIN_DATABASE_URL}",
      paramLabel = "JDBC_URL",
      description =
          "Use this PostgreSQL database instead of the embedded store, e.g."
              + " jdbc:postgresql://localhost:5432/standin (env STANDIN_DATABASE_URL)."
              + " Several instances may share one database.")
  String databaseUrl;

  @Option(
      names = "--database-user",
      defaultValue = "${env:STANDIN_DATABASE_USER}",
      description = "Login role for --database-url (env STANDIN_DATABASE_USER).")
  String databaseUser;

  @Option(
      names = "--database-password",
      defaultValue = "${env:STANDIN_DATABASE_PASSWORD}",
      description =
          "Password for --database-url (env STANDIN_DATABASE_PASSWORD; prefer the variable,"
              + " a flag shows in the process list).")
  String databasePassword;

  @Option(
      names = "--database-pool-size",
      defaultValue = "${env:STANDIN_DATABASE_POOL_SIZE}",
      paramLabel = "N",
      description =
          "Most connections to --database-url this instance keeps open (env"
              + " STANDIN_DATABASE_POOL_SIZE, default twice the cores plus one).")
  Integer databasePoolSize;

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
      names = "--spaaza-port",
      defaultValue = "${env:STANDIN_SPAAZA_PORT:-8081}",
      description =
          "TCP port of the Spaaza API (env STANDIN_SPAAZA_PORT, default ${DEFAULT-VALUE}).")
  int spaazaPort;

  @Option(
      names = "--spaaza-token",
      split = ",",
      defaultValue = "${env:STANDIN_SPAAZA_TOKENS}",
      paramLabel = "CHAIN_ID:TOKEN_ID:TOKEN_SECRET",
      description =
          "Make sure this privileged Spaaza token exists for this chain; repeatable"
              + " (env STANDIN_SPAAZA_TOKENS, comma-separated).")
  List<String> spaazaTokens = List.of();

  @Option(
      names = "--spaaza-admin",
      split = ",",
      defaultValue = "${env:STANDIN_SPAAZA_ADMINS}",
      paramLabel = "USER_ID:SESSION_KEY:CHAIN_ID:LEVEL",
      description =
          "Make sure this admin session exists with access level read or write on the chain;"
              + " repeatable (env STANDIN_SPAAZA_ADMINS, comma-separated).")
  List<String> spaazaAdmins = List.of();

  @Option(
      names = "--spaaza-poll-ms",
      defaultValue = "${env:STANDIN_SPAAZA_POLL_MS:-1000}",
      description =
          "How often the scheduler looks for due tasks, in milliseconds"
              + " (env STANDIN_SPAAZA_POLL_MS, default ${DEFAULT-VALUE}).")
  long spaazaPollMs;

  @Option(
      names = "--spaaza-download-ttl-s",
      defaultValue = "${env:STANDIN_SPAAZA_DOWNLOAD_TTL_S:-3600}",
      description =
          "How long a download link stays valid, in seconds"
              + " (env STANDIN_SPAAZA_DOWNLOAD_TTL_S, default ${DEFAULT-VALUE}).")
  long spaazaDownloadTtlSeconds;

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

  @Option(
      names = "--rate-limit-scope",
      defaultValue = "${env:STANDIN_RATE_LIMIT_SCOPE:-shared}",
      paramLabel = "SCOPE",
      description =
          "Where the rate limits are counted: shared (across every instance on one PostgreSQL"
              + " database; in memory on the embedded and in-memory stores) or instance (in each"
              + " server's memory) (env STANDIN_RATE_LIMIT_SCOPE, default ${DEFAULT-VALUE}).")
  String rateLimitScope;

  public static void main(String[] args) {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    int exit = run(args, System.getenv(), null);
    if (exit != 0) {
      System.exit(exit);
    }
  }

  /**
   * Parses {@code args} (with {@code environment} for the config file's precedence) and runs the
   * server until it is stopped. A configuration error prints one line to stderr and returns 2.
   */
  static int run(String[] args, Map<String, String> environment, PrintWriter err) {
    Main main = new Main();
    CommandLine command = new CommandLine(main);
    if (err != null) {
      command.setErr(err);
    }
    ConfigFile sources = ConfigFile.none(environment);
    Path file = configFileOf(args, environment);
    if (file != null) {
      try {
        sources = ConfigFile.load(file, command.getCommandSpec(), environment);
      } catch (IllegalArgumentException e) {
        return configurationError(command, e.getMessage());
      }
    }
    main.sources = sources;
    main.args = args.clone();
    command.setDefaultValueProvider(sources);
    ConfigFile values = sources;
    command.setParameterExceptionHandler(
        (e, ignored) -> configurationError(e.getCommandLine(), namingTheSource(e, values, args)));
    command.setExecutionExceptionHandler(
        (e, commandLine, ignored) -> {
          if (e instanceof IllegalArgumentException) {
            return configurationError(commandLine, e.getMessage());
          }
          commandLine.getErr().println(NAME + ": cannot start: " + e.getMessage());
          return 1;
        });
    return command.execute(args);
  }

  /**
   * Picocli names the flag even when the bad value came from the environment or the config file;
   * name where it really came from.
   */
  private static String namingTheSource(ParameterException e, ConfigFile sources, String[] args) {
    if (e.getArgSpec() instanceof OptionSpec option) {
      String flag = "option '" + option.longestName() + "'";
      String source = sources.sourceOf(option, args);
      if (!source.equals(flag) && e.getMessage().contains(flag)) {
        return e.getMessage().replace(flag, source);
      }
    }
    return e.getMessage();
  }

  /** A port out of range would fail only when listening, and not as a configuration error. */
  private void checkPort(int value, String option) {
    if (value < 0 || value > 65535) {
      throw new IllegalArgumentException(
          "Invalid value for "
              + sources.sourceOf(spec.findOption(option), args)
              + ": "
              + value
              + " is not a TCP port (0 to 65535; 0 picks a free one)");
    }
  }

  private static int configurationError(CommandLine command, String message) {
    command.getErr().println(NAME + ": " + message + " (see --help)");
    return 2;
  }

  /** The config file named by {@code --config} or {@code STANDIN_CONFIG}, needed before parsing. */
  private static Path configFileOf(String[] args, Map<String, String> environment) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        return Path.of(args[i + 1]);
      }
      if (args[i].startsWith("--config=")) {
        return Path.of(args[i].substring("--config=".length()));
      }
    }
    String fromEnv = environment.get("STANDIN_CONFIG");
    return fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv);
  }

  private static java.util.stream.Stream<String> nonBlank(List<String> values) {
    return values == null
        ? java.util.stream.Stream.empty()
        : values.stream().filter(s -> !s.isBlank());
  }

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  @Spec CommandSpec spec;
  private ConfigFile sources = ConfigFile.none(Map.of());
  private String[] args = new String[0];

  /** The seed and admin options; an unreadable seed file is a configuration error. */
  private StateConfig stateConfig() {
    SeedMode mode = SeedMode.parse(seedMode == null ? "keep" : seedMode.trim());
    boolean hasToken = adminToken != null && !adminToken.isBlank();
    StateConfig state =
        new StateConfig(null, null, mode, admin || hasToken, hasToken ? adminToken.trim() : null);
    if (seed == null || seed.toString().isBlank()) {
      return state;
    }
    try {
      return state.withSeed(seed.toString(), Files.readAllBytes(seed), mode);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the seed file "
              + seed
              + (e instanceof java.nio.file.NoSuchFileException
                  ? ": no such file"
                  : ": " + e.getMessage()));
    }
  }

  /** The database {@code --store} and {@code --database-url} ask for; null: the embedded file. */
  private DatabaseConfig databaseConfig() {
    boolean hasUrl = databaseUrl != null && !databaseUrl.isBlank();
    String kind = store == null || store.isBlank() ? (hasUrl ? "postgresql" : "sqlite") : store;
    switch (kind.trim()) {
      case "sqlite":
        if (hasUrl) {
          throw new IllegalArgumentException("--store sqlite does not take a --database-url");
        }
        return null;
      case "memory":
        if (hasUrl) {
          throw new IllegalArgumentException("--store memory does not take a --database-url");
        }
        return DatabaseConfig.memory();
      case "postgresql":
        if (!hasUrl) {
          throw new IllegalArgumentException("--store postgresql needs a --database-url");
        }
        return new DatabaseConfig(
            databaseUrl.trim(),
            databaseUser,
            databasePassword,
            databasePoolSize == null ? DatabaseConfig.defaultPoolSize() : databasePoolSize);
      default:
        throw new IllegalArgumentException(
            "--store must be sqlite, memory or postgresql, got '" + kind + "'");
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    checkPort(port, "--port");
    checkPort(spaazaPort, "--spaaza-port");
    logFormat.apply();
    List<UserToken> presetUsers =
        users == null
            ? List.of()
            : users.stream().filter(s -> !s.isBlank()).map(UserToken::parse).toList();
    SpaazaConfig spaaza =
        new SpaazaConfig(
            spaazaPort,
            nonBlank(spaazaTokens).map(PresetToken::parse).toList(),
            nonBlank(spaazaAdmins).map(PresetAdmin::parse).toList(),
            Duration.ofMillis(spaazaPollMs),
            Duration.ofSeconds(spaazaDownloadTtlSeconds));
    DatabaseConfig database = databaseConfig();
    ServerConfig config =
        new ServerConfig(
            host,
            port,
            dataDir,
            database,
            presetUsers,
            defaultUsername,
            Clock.systemUTC(),
            spaaza,
            new RateLimits(
                new RateLimits.Limit(perResourcePerSecond, Duration.ofSeconds(1)),
                new RateLimits.Limit(perUserPerMinute, Duration.ofMinutes(1)),
                RateLimits.Scope.parse(rateLimitScope)),
            stateConfig());
    StandinServer server = StandinServer.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("stopping: finishing requests in flight, then closing the store");
                  try {
                    server.stop(Duration.ofSeconds(shutdownTimeoutSeconds));
                    LOG.info("stopped");
                  } catch (RuntimeException e) {
                    LOG.warn("did not stop cleanly: {}", e.getMessage());
                  } finally {
                    LogFormat.drain();
                    stopped.countDown();
                  }
                }));
    System.out.println("Stand-in Apify API listening on " + server.baseUri());
    System.out.println("Stand-in Spaaza Services API listening on " + server.spaaza().baseUri());
    System.out.println(
        database == null
            ? "Store: embedded SQLite in " + dataDir.toAbsolutePath()
            : database.inMemory()
                ? "Store: in memory (nothing is kept after the server stops)"
                : "Store: PostgreSQL at " + database.safeUrl());
    server
        .adminToken()
        .filter(token -> adminToken == null || adminToken.isBlank())
        .ifPresent(
            token ->
                System.out.println(
                    "Admin API on " + server.baseUri() + "__admin/ with admin token: " + token));
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
    server
        .spaaza()
        .createdChain()
        .ifPresent(
            chain ->
                System.out.println(
                    "Created Spaaza chain "
                        + chain.chainId()
                        + " with privileged token: "
                        + chain.tokenId()
                        + ":"
                        + chain.tokenSecret()
                        + "\n(shown once; only a slow hash of the secret is stored)"));
    stopped.await();
    return 0;
  }
}
