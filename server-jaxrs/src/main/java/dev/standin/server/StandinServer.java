package dev.standin.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.apify.json.ApifyJson;
import dev.standin.server.apify.ActorBuildsResource;
import dev.standin.server.apify.ActorService;
import dev.standin.server.apify.ActorTasksResource;
import dev.standin.server.apify.ActorsResource;
import dev.standin.server.apify.BuildService;
import dev.standin.server.apify.ResourceLocator;
import dev.standin.server.apify.TaskInputBodyReader;
import dev.standin.server.apify.TaskService;
import dev.standin.server.apify.auth.AuthFilter;
import dev.standin.server.apify.auth.Caller;
import dev.standin.server.apify.auth.UserService;
import dev.standin.server.apify.errors.ApifyErrorResponder;
import dev.standin.server.apify.errors.ApifyExceptionMapper;
import dev.standin.server.apify.http.ETags;
import dev.standin.server.apify.http.LenientBooleanParams;
import dev.standin.server.apify.store.User;
import dev.standin.server.kernel.Timestamps;
import dev.standin.server.kernel.errors.JaxRsExceptionMapper;
import dev.standin.server.kernel.errors.JsonExceptionMapper;
import dev.standin.server.kernel.errors.UnexpectedExceptionMapper;
import dev.standin.server.kernel.json.DocumentJson;
import dev.standin.server.kernel.ops.ApiApplication;
import dev.standin.server.kernel.ops.Listeners;
import dev.standin.server.kernel.ops.Metrics;
import dev.standin.server.kernel.ops.OpsResource;
import dev.standin.server.kernel.ops.TimedStore;
import dev.standin.server.kernel.store.Store;
import dev.standin.server.kernel.store.Stores;
import dev.standin.server.kernel.wire.ErrorResponder;
import dev.standin.server.spaaza.SpaazaApp;
import dev.standin.server.spaaza.export.FixtureExportSource;
import dev.standin.spaaza.json.SpaazaJson;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jetty.server.Server;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * A running server: the store, the services and Jersey on Jetty — the Apify API on one port, the
 * Spaaza Services API ({@link SpaazaApp}) on another, over the same store. Close it to stop.
 */
public final class StandinServer implements AutoCloseable {

  private final Server http;
  private final Store store;
  private final URI baseUri;
  private final Optional<String> createdToken;
  private final SpaazaApp spaaza;
  private final Metrics metrics;

  private StandinServer(
      Server http,
      Store store,
      URI baseUri,
      Optional<String> createdToken,
      SpaazaApp spaaza,
      Metrics metrics) {
    this.metrics = metrics;
    this.http = http;
    this.store = store;
    this.baseUri = baseUri;
    this.createdToken = createdToken;
    this.spaaza = spaaza;
  }

  public static StandinServer start(ServerConfig config) {
    Store opened = Stores.open(config.dataDir(), config.database());
    Metrics metrics = new Metrics();
    Store store = TimedStore.wrap(opened, metrics);
    try {
      ObjectMapper mapper = ApifyJson.newMapper();
      UserService users = new UserService(store, config.clock());
      config.users().forEach(u -> users.ensureUserWithToken(u.username(), u.token()));
      Optional<String> createdToken = Optional.empty();
      if (!users.hasUsers()) {
        String token = UserService.newToken();
        users.ensureUserWithToken(config.defaultUsername(), token);
        createdToken = Optional.of(token);
      }

      Timestamps timestamps = new Timestamps(config.clock());
      DocumentJson json = new DocumentJson(mapper);
      ResourceLocator locator = new ResourceLocator(store, users);
      ActorService actors = new ActorService(store, locator, json, timestamps);
      TaskService tasks = new TaskService(store, locator, actors, json, timestamps);
      BuildService builds = new BuildService(store, actors, json, timestamps);

      ErrorResponder errors = new ApifyErrorResponder(mapper);
      ApiApplication.Parts apify =
          new ApiApplication.Parts(
              Metrics.APIFY,
              mapper,
              new AuthFilter(users),
              errors,
              config.rateLimits(),
              request -> Caller.find(request).map(User::id));
      ResourceConfig app =
          ApiApplication.create(apify, metrics)
              .register(ETags.class)
              .register(new TaskInputBodyReader(json))
              .register(LenientBooleanParams.class)
              .register(ApifyExceptionMapper.class)
              .register(JsonExceptionMapper.class)
              .register(JaxRsExceptionMapper.class)
              .register(UnexpectedExceptionMapper.class)
              .register(new ActorsResource(actors))
              .register(new ActorBuildsResource(builds))
              .register(new ActorTasksResource(tasks))
              .register(new OpsResource(store, metrics));

      ApiApplication.Listening listening =
          ApiApplication.listen(config.host(), config.port(), app, errors);
      Server http = listening.http();
      SpaazaApp spaaza;
      try {
        spaaza =
            SpaazaApp.start(
                config, store, new FixtureExportSource(SpaazaJson.newMapper()), metrics);
      } catch (RuntimeException e) {
        stopQuietly(http);
        throw e;
      }
      return new StandinServer(http, store, listening.baseUri(), createdToken, spaaza, metrics);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  private static void stopQuietly(Server http) {
    try {
      http.stop();
    } catch (Exception e) {
      // already failing: the first error is the one to report
    }
  }

  /** The Spaaza Services API served next to the Apify API. */
  public SpaazaApp spaaza() {
    return spaaza;
  }

  /** Where the server listens, ending in a slash, e.g. {@code http://127.0.0.1:8080/}. */
  public URI baseUri() {
    return baseUri;
  }

  /** The token of the default user, when this start created that user. */
  public Optional<String> createdToken() {
    return createdToken;
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
   * Stops both listeners from accepting connections, lets requests in flight finish within {@code
   * grace}, then closes the store.
   */
  public void stop(Duration grace) {
    try {
      spaaza.close(grace);
      Listeners.stop(http, grace);
    } catch (Exception e) {
      throw new IllegalStateException("the HTTP listener did not stop cleanly", e);
    } finally {
      store.close();
    }
  }
}
