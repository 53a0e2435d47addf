package dev.standin.server;

import dev.standin.server.apify.ApifyModule;
import dev.standin.server.kernel.docs.OtherApi;
import dev.standin.server.kernel.module.BoundPort;
import dev.standin.server.kernel.module.ModuleContext;
import dev.standin.server.kernel.module.RunningApi;
import dev.standin.server.kernel.ops.Metrics;
import dev.standin.server.kernel.store.Database;
import dev.standin.server.spaaza.SpaazaModule;
import dev.standin.server.spaaza.export.ExportSource;
import dev.standin.server.spaaza.export.FixtureExportSource;
import dev.standin.spaaza.json.SpaazaJson;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A running server: it opens the database and starts one {@link
 * dev.standin.server.kernel.ApiModule} per vendor over it — the Apify API on one port, the Spaaza
 * Services API on another. Close it to stop.
 */
public final class StandinServer implements AutoCloseable {

  private final Database database;
  private final Metrics metrics;
  private final ApifyModule.Running apify;
  private final SpaazaModule.Running spaaza;

  private StandinServer(
      Database database, Metrics metrics, ApifyModule.Running apify, SpaazaModule.Running spaaza) {
    this.database = database;
    this.metrics = metrics;
    this.apify = apify;
    this.spaaza = spaaza;
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
    Metrics metrics = new Metrics();
    List<RunningApi> started = new ArrayList<>();
    try {
      ApifyModule.Running apify =
          new ApifyModule(config.users(), config.defaultUsername())
              .start(
                  context(
                      config,
                      database,
                      metrics,
                      true,
                      new OtherApi("Spaaza Services API", spaazaPort.port())),
                  apifyPort);
      started.add(apify);
      SpaazaModule.Running spaaza =
          new SpaazaModule(config.spaaza(), exportSource)
              .start(
                  context(
                      config,
                      database,
                      metrics,
                      false,
                      new OtherApi("Apify API", apifyPort.port())),
                  spaazaPort);
      return new StandinServer(database, metrics, apify, spaaza);
    } catch (RuntimeException e) {
      started.forEach(api -> stopQuietly(api));
      database.close();
      throw e;
    }
  }

  private static ModuleContext context(
      ServerConfig config,
      Database database,
      Metrics metrics,
      boolean servesOperations,
      OtherApi otherApi) {
    return new ModuleContext(
        config.host(),
        config.dataDir(),
        config.clock(),
        config.rateLimits(),
        database,
        metrics,
        servesOperations,
        List.of(otherApi));
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
      database.close();
    }
  }
}
