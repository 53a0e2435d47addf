package dev.standin.server.spaaza;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.server.ServerConfig;
import dev.standin.server.SpaazaConfig;
import dev.standin.server.apify.DocumentJson;
import dev.standin.server.docs.DocsResource;
import dev.standin.server.http.Authenticated;
import dev.standin.server.http.Created;
import dev.standin.server.http.CurrentRequest;
import dev.standin.server.http.JacksonConfig;
import dev.standin.server.ops.Listeners;
import dev.standin.server.ops.Metrics;
import dev.standin.server.ops.RequestObserver;
import dev.standin.server.spaaza.auth.SpaazaAuthFilter;
import dev.standin.server.spaaza.auth.SpaazaCaller;
import dev.standin.server.spaaza.auth.SpaazaCredentials;
import dev.standin.server.spaaza.auth.SpaazaCredentials.CreatedChain;
import dev.standin.server.spaaza.errors.SpaazaErrorResponder;
import dev.standin.server.spaaza.errors.SpaazaExceptionMapper;
import dev.standin.server.spaaza.errors.SpaazaJaxRsExceptionMapper;
import dev.standin.server.spaaza.errors.SpaazaJsonExceptionMapper;
import dev.standin.server.spaaza.errors.SpaazaUnexpectedExceptionMapper;
import dev.standin.server.spaaza.export.ExportFiles;
import dev.standin.server.spaaza.export.ExportSource;
import dev.standin.server.spaaza.export.FixtureExportSource;
import dev.standin.server.spaaza.tasks.DownloadLinks;
import dev.standin.server.spaaza.tasks.SpaazaTaskService;
import dev.standin.server.spaaza.tasks.TaskDocuments;
import dev.standin.server.spaaza.tasks.TaskRunner;
import dev.standin.server.spaaza.tasks.TaskScheduler;
import dev.standin.server.store.Store;
import dev.standin.server.wire.BodyDecodingInterceptor;
import dev.standin.server.wire.BodyLimit;
import dev.standin.server.wire.JettyWire;
import dev.standin.server.wire.LocalRateLimiter;
import dev.standin.server.wire.RateLimitFilter;
import dev.standin.server.wire.RequestBodyFilter;
import dev.standin.server.wire.WireExceptionMapper;
import dev.standin.spaaza.json.SpaazaJson;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The Spaaza Services API: its own Jersey application (auth, error shape, resources) on its own
 * port, over the shared store, with the task scheduler. Closing it stops the scheduler (letting a
 * running task finish) and the listener; the store belongs to the caller.
 */
public final class SpaazaApp implements AutoCloseable {

  private final Server http;
  private final TaskScheduler scheduler;
  private final URI baseUri;
  private final Optional<CreatedChain> createdChain;

  private SpaazaApp(
      Server http, TaskScheduler scheduler, URI baseUri, Optional<CreatedChain> createdChain) {
    this.http = http;
    this.scheduler = scheduler;
    this.baseUri = baseUri;
    this.createdChain = createdChain;
  }

  public static SpaazaApp start(ServerConfig config, Store store) {
    return start(config, store, new FixtureExportSource(SpaazaJson.newMapper()));
  }

  public static SpaazaApp start(ServerConfig config, Store store, ExportSource source) {
    return start(config, store, source, new Metrics());
  }

  /** Starts the API, recording its requests in {@code metrics}. */
  public static SpaazaApp start(
      ServerConfig config, Store store, ExportSource source, Metrics metrics) {
    SpaazaConfig spaaza = config.spaaza();
    ObjectMapper mapper = SpaazaJson.newMapper();
    SpaazaCredentials credentials = new SpaazaCredentials(store, config.clock());
    credentials.applyPresets(spaaza.tokens(), spaaza.admins());
    Optional<CreatedChain> created = credentials.createFirstChainIfNone();

    TaskDocuments tasks = new TaskDocuments(store, new DocumentJson(mapper), config.clock());
    ExportFiles files = new ExportFiles(config.dataDir().resolve("spaaza-results"), mapper);
    DownloadLinks links =
        new DownloadLinks(
            config.dataDir().resolve("spaaza-download.key"),
            config.clock(),
            spaaza.downloadLinkTtl());
    TaskRunner runner = new TaskRunner(tasks, source, files);
    SpaazaTaskService service = new SpaazaTaskService(store, tasks, runner, files, links);

    SpaazaErrorResponder errors = new SpaazaErrorResponder(mapper);
    ResourceConfig app =
        new ResourceConfig()
            .property(ServerProperties.WADL_FEATURE_DISABLE, true)
            .register(JacksonFeature.withoutExceptionMappers())
            .register(new JacksonConfig(mapper))
            .register(new CurrentRequest())
            .register(new RequestObserver(Metrics.SPAAZA, metrics))
            .register(new Authenticated(new SpaazaAuthFilter(credentials)))
            .register(new RequestBodyFilter(BodyLimit.VENDOR))
            .register(new BodyDecodingInterceptor(BodyLimit.VENDOR))
            .register(
                new RateLimitFilter(
                    new LocalRateLimiter(config.rateLimits().longestPeriod()),
                    config.rateLimits(),
                    // per chain; per task through its ID, the route's path parameter
                    request -> SpaazaCaller.find(request).map(c -> "chain:" + c.chainId()),
                    () -> metrics.rateLimitRejected(Metrics.SPAAZA)))
            .register(new WireExceptionMapper(errors))
            .register(Created.class)
            .register(DownloadHeaders.class)
            .register(WireEnumParams.class)
            .register(SpaazaExceptionMapper.class)
            .register(SpaazaJsonExceptionMapper.class)
            .register(SpaazaJaxRsExceptionMapper.class)
            .register(SpaazaUnexpectedExceptionMapper.class)
            .register(new TasksResource(service))
            .register(new DownloadsResource(links, tasks, files))
            .register(new DocsResource("spaaza"));

    URI requested = URI.create("http://" + config.host() + ":" + spaaza.port() + "/");
    Server http = Listeners.create(requested, app);
    JettyWire.harden(http, errors);
    try {
      http.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the Spaaza listener: " + e.getMessage(), e);
    }
    int port = ((ServerConnector) http.getConnectors()[0]).getLocalPort();
    URI actual = URI.create("http://" + config.host() + ":" + port + "/");
    TaskScheduler scheduler = new TaskScheduler(store, tasks, runner);
    scheduler.start(spaaza.pollInterval());
    return new SpaazaApp(http, scheduler, actual, created);
  }

  /** Where the Spaaza API listens, ending in a slash. */
  public URI baseUri() {
    return baseUri;
  }

  /** The chain and token this start created because the store had no chains. */
  public Optional<CreatedChain> createdChain() {
    return createdChain;
  }

  /** Runs the tasks due now, as the scheduler's next poll would; returns how many ran. */
  public int runDueTasksNow() {
    return scheduler.runDueTasksNow();
  }

  @Override
  public void close() {
    close(Duration.ZERO);
  }

  /**
   * Stops the scheduler, then the listener, letting requests in flight finish within {@code grace}.
   */
  public void close(Duration grace) {
    try {
      scheduler.close();
    } finally {
      try {
        Listeners.stop(http, grace);
      } catch (Exception e) {
        throw new IllegalStateException("the Spaaza listener did not stop cleanly", e);
      }
    }
  }
}
