package dev.standin.server;

import dev.standin.server.apify.ApifyModule;
import dev.standin.server.kernel.Ids;
import dev.standin.server.kernel.docs.OtherApi;
import dev.standin.server.kernel.module.BoundPort;
import dev.standin.server.kernel.module.ModuleContext;
import dev.standin.server.kernel.module.RunningApi;
import dev.standin.server.kernel.ops.Metrics;
import dev.standin.server.kernel.state.SeedException;
import dev.standin.server.kernel.state.ServerState;
import dev.standin.server.kernel.store.Database;
import dev.standin.server.kernel.wire.RateLimits;
import dev.standin.server.kernel.wire.SharedRateLimiter;
import dev.standin.server.spaaza.SpaazaModule;
import dev.standin.server.spaaza.export.ExportSource;
import dev.standin.server.spaaza.export.FixtureExportSource;
import dev.standin.spaaza.json.SpaazaJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A running server: it opens the database and starts one {@link
 * dev.standin.server.kernel.ApiModule} per vendor over it — the Apify API on one port, the Spaaza
 * Services API on another. Close it to stop.
 */
public final class StandinServer implements AutoCloseable {

  private final Database database;
  private final SharedRateLimiter sharedRateLimiter;
  private final Metrics metrics;
  private final ApifyModule.Running apify;
  private final SpaazaModule.Running spaaza;
  private final Path temporaryFiles;
  private final ServerState state;
  private final Optional<String> adminToken;

  private StandinServer(
      Database database,
      SharedRateLimiter sharedRateLimiter,
      Metrics metrics,
      ApifyModule.Running apify,
      SpaazaModule.Running spaaza,
      Path temporaryFiles,
      ServerState state,
      Optional<String> adminToken) {
    this.state = state;
    this.adminToken = adminToken;
    this.database = database;
    this.sharedRateLimiter = sharedRateLimiter;
    this.metrics = metrics;
    this.apify = apify;
    this.spaaza = spaaza;
    this.temporaryFiles = temporaryFiles;
  }

  public static StandinServer start(ServerConfig config) {
    return start(config, new FixtureExportSource(SpaazaJson.newMapper()));
  }

  /**
   * Starts the server with the data Spaaza exports read from {@code exportSource}. Both ports are
   * bound before the database is opened, so a port that is taken stops the start before any user,
   * chain or token is created.
   */
  public static StandinServer start(ServerConfig config, ExportSource exportSource) {
    try (BoundPort apifyPort = BoundPort.bind(config.host(), config.port(), "--port");
        BoundPort spaazaPort =
            BoundPort.bind(config.host(), config.spaaza().port(), "--spaaza-port")) {
      return start(config, exportSource, apifyPort, spaazaPort);
    }
  }

  private static StandinServer start(
      ServerConfig config, ExportSource exportSource, BoundPort apifyPort, BoundPort spaazaPort) {
    Database database = Database.open(config.dataDir(), config.database());
    // On a database several instances share, the limits hold across them (ADR 0017).
    SharedRateLimiter limiter =
        config.rateLimits().scope() == RateLimits.Scope.SHARED && database.sharedByInstances()
            ? new SharedRateLimiter(database)
            : null;
    Metrics metrics = new Metrics();
    List<RunningApi> started = new ArrayList<>();
    // In memory, files an API may keep beside its data go to a temporary directory that goes with
    // the server (Spaaza's results and link key are in the database; it only looks there for the
    // files of earlier versions).
    Path files = null;
    try {
      files = inMemory(config) ? Files.createTempDirectory("standin-memory-") : config.dataDir();
      ServerState state = new ServerState(database);
      String adminToken = adminToken(config.state());
      ApifyModule apifyModule = new ApifyModule(config.users(), config.defaultUsername());
      SpaazaModule spaazaModule = new SpaazaModule(config.spaaza(), exportSource);
      ModuleContext apifyContext =
          context(
              config,
              files,
              limiter,
              database,
              metrics,
              true,
              new OtherApi("Spaaza Services API", spaazaPort.port()),
              state,
              adminToken);
      ModuleContext spaazaContext =
          context(
              config,
              files,
              limiter,
              database,
              metrics,
              false,
              new OtherApi("Apify API", apifyPort.port()),
              state,
              adminToken);
      apifyModule.seedable(apifyContext).ifPresent(s -> state.register(s, apifyModule.presets()));
      spaazaModule
          .seedable(spaazaContext)
          .ifPresent(s -> state.register(s, spaazaModule.presets()));
      loadSeed(config.state(), state);
      ApifyModule.Running apify = apifyModule.start(apifyContext, apifyPort);
      started.add(apify);
      SpaazaModule.Running spaaza = spaazaModule.start(spaazaContext, spaazaPort);
      return new StandinServer(
          database,
          limiter,
          metrics,
          apify,
          spaaza,
          inMemory(config) ? files : null,
          state,
          Optional.ofNullable(adminToken));
    } catch (IOException e) {
      closeLimiter(limiter);
      database.close();
      throw new UncheckedIOException("cannot create a temporary directory", e);
    } catch (RuntimeException e) {
      started.forEach(api -> stopQuietly(api));
      closeLimiter(limiter);
      database.close();
      if (inMemory(config)) {
        deleteQuietly(files);
      }
      throw e;
    }
  }

  /** The admin API's token: the preset one, a fresh one, or null when the API is off. */
  private static String adminToken(StateConfig state) {
    if (!state.admin()) {
      return null;
    }
    return state.adminToken() != null ? state.adminToken() : "standin_admin_" + Ids.random(32);
  }

  /**
   * Loads the configured seed before the APIs start (an API that creates a first account on an
   * empty store then sees the seeded ones); a bad seed stops the start as a configuration error.
   */
  private static void loadSeed(StateConfig config, ServerState state) {
    if (config.seed() == null) {
      return;
    }
    try {
      state.setSeed(config.seed());
      state.loadSeed(config.seedMode());
    } catch (SeedException e) {
      throw new IllegalArgumentException(
          "the seed " + config.seedName() + " cannot be loaded: " + e.getMessage(), e);
    }
  }

  private static boolean inMemory(ServerConfig config) {
    return config.database() != null && config.database().inMemory();
  }

  private static void deleteQuietly(Path directory) {
    if (directory == null || !Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory left behind is harmless
    }
  }

  private static void closeLimiter(SharedRateLimiter limiter) {
    if (limiter != null) {
      limiter.close();
    }
  }

  private static ModuleContext context(
      ServerConfig config,
      Path files,
      SharedRateLimiter limiter,
      Database database,
      Metrics metrics,
      boolean servesOperations,
      OtherApi otherApi,
      ServerState state,
      String adminToken) {
    return new ModuleContext(
        config.host(),
        files,
        config.clock(),
        config.rateLimits(),
        limiter,
        database,
        metrics,
        servesOperations,
        List.of(otherApi),
        state,
        adminToken);
  }

  private static void stopQuietly(RunningApi api) {
    try {
      api.stop(Duration.ZERO);
    } catch (RuntimeException e) {
      // already failing: the first error is the one to report
    }
  }

  /** The Apify API. */
  public ApifyModule.Running apify() {
    return apify;
  }

  /** The Spaaza Services API served next to the Apify API. */
  public SpaazaModule.Running spaaza() {
    return spaaza;
  }

  /** Where the Apify API listens, ending in a slash, e.g. {@code http://127.0.0.1:8080/}. */
  public URI baseUri() {
    return apify.baseUri();
  }

  /** The token of the default Apify user, when this start created that user. */
  public Optional<String> createdToken() {
    return apify.createdToken();
  }

  /** The server's state as a seed document: reset, load, export (what the admin API serves). */
  public ServerState state() {
    return state;
  }

  /** The admin API's token, when it is served. */
  public Optional<String> adminToken() {
    return adminToken;
  }

  /** The server's meters, e.g. for a rate limiter's {@link Metrics#rateLimitRejected}. */
  public Metrics metrics() {
    return metrics;
  }

  @Override
  public void close() {
    stop(Duration.ZERO);
  }

  /**
   * Stops every API from accepting connections, lets requests in flight finish within {@code
   * grace}, then closes the database.
   */
  public void stop(Duration grace) {
    try {
      spaaza.stop(grace);
      apify.stop(grace);
    } finally {
      try {
        closeLimiter(sharedRateLimiter);
        database.close();
      } finally {
        deleteQuietly(temporaryFiles);
      }
    }
  }
}
