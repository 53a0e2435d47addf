package dev.standin.server.spaaza;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.server.ServerConfig;
import dev.standin.server.kernel.json.DocumentJson;
import dev.standin.server.kernel.ops.ApiApplication;
import dev.standin.server.kernel.ops.Listeners;
import dev.standin.server.kernel.ops.Metrics;
import dev.standin.server.kernel.store.Store;
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
import dev.standin.spaaza.json.SpaazaJson;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jetty.server.Server;
import org.glassfish.jersey.server.ResourceConfig;

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
    ApiApplication.Parts parts =
        new ApiApplication.Parts(
            Metrics.SPAAZA,
            mapper,
            new SpaazaAuthFilter(credentials),
            errors,
            config.rateLimits(),
            // per chain; per task through its ID, the route's path parameter
            request -> SpaazaCaller.find(request).map(c -> "chain:" + c.chainId()));
    ResourceConfig app =
        ApiApplication.create(parts, metrics)
            .register(DownloadHeaders.class)
            .register(WireEnumParams.class)
            .register(SpaazaExceptionMapper.class)
            .register(SpaazaJsonExceptionMapper.class)
            .register(SpaazaJaxRsExceptionMapper.class)
            .register(SpaazaUnexpectedExceptionMapper.class)
            .register(new TasksResource(service))
            .register(new DownloadsResource(links, tasks, files));

    ApiApplication.Listening listening =
        ApiApplication.listen(config.host(), spaaza.port(), app, errors);
    TaskScheduler scheduler = new TaskScheduler(store, tasks, runner);
    scheduler.start(spaaza.pollInterval());
    return new SpaazaApp(listening.http(), scheduler, listening.baseUri(), created);
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
