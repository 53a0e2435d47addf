package dev.standin.server.spaaza;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.standin.server.kernel.http.ClientAddress;
import dev.standin.server.kernel.json.DocumentJson;
import dev.standin.server.kernel.module.ApiApplication;
import dev.standin.server.kernel.module.ApiModule;
import dev.standin.server.kernel.module.BoundPort;
import dev.standin.server.kernel.module.ModuleContext;
import dev.standin.server.kernel.module.RunningApi;
import dev.standin.server.kernel.state.Seedable;
import dev.standin.server.spaaza.auth.PresetAdmin;
import dev.standin.server.spaaza.auth.SpaazaAuthFilter;
import dev.standin.server.spaaza.auth.SpaazaCaller;
import dev.standin.server.spaaza.auth.SpaazaCredentials;
import dev.standin.server.spaaza.auth.SpaazaCredentials.CreatedChain;
import dev.standin.server.spaaza.errors.SpaazaErrors;
import dev.standin.server.spaaza.export.ExportFiles;
import dev.standin.server.spaaza.export.ExportSource;
import dev.standin.server.spaaza.export.FixtureExportSource;
import dev.standin.server.spaaza.store.JdbcSpaazaStore;
import dev.standin.server.spaaza.store.SpaazaStore;
import dev.standin.server.spaaza.tasks.DownloadLinks;
import dev.standin.server.spaaza.tasks.SpaazaSeed;
import dev.standin.server.spaaza.tasks.SpaazaTaskService;
import dev.standin.server.spaaza.tasks.TaskDocuments;
import dev.standin.server.spaaza.tasks.TaskRunner;
import dev.standin.server.spaaza.tasks.TaskScheduler;
import dev.standin.spaaza.json.SpaazaJson;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The Spaaza Services API: chain credentials, scheduled tasks and their exports, with the task
 * scheduler, on its own port.
 *
 * @param config preset credentials, scheduler and download-link settings
 * @param source the data exports read (the bundled fixtures unless a test supplies its own)
 */
public record SpaazaModule(SpaazaConfig config, ExportSource source)
    implements ApiModule<SpaazaModule.Running> {

  /** The module over the bundled fixture data. */
  public SpaazaModule(SpaazaConfig config) {
    this(config, new FixtureExportSource(SpaazaJson.newMapper()));
  }

  /**
   * The started API. Stopping it stops the scheduler (a running task finishes) and the listener.
   */
  public static final class Running implements RunningApi {
    private final ApiApplication.Listening listening;
    private final TaskScheduler scheduler;
    private final Optional<CreatedChain> createdChain;

    private Running(
        ApiApplication.Listening listening,
        TaskScheduler scheduler,
        Optional<CreatedChain> createdChain) {
      this.listening = listening;
      this.scheduler = scheduler;
      this.createdChain = createdChain;
    }

    @Override
    public URI baseUri() {
      return listening.baseUri();
    }

    /** The chain and token this start created because the store had no chains. */
    public Optional<CreatedChain> createdChain() {
      return createdChain;
    }

    /**
     * Waits (at most {@code timeout}) until the scheduler's poll right after start has ended: the
     * tasks that fell due while the server was down have run. False when the time ran out.
     */
    public boolean awaitStartupPoll(Duration timeout) throws InterruptedException {
      return scheduler.awaitStartupPoll(timeout);
    }

    /** Runs the tasks due now, as the scheduler's next poll would; returns how many ran. */
    public int runDueTasksNow() {
      return scheduler.runDueTasksNow();
    }

    @Override
    public void stop(Duration grace) {
      try {
        scheduler.close();
      } finally {
        listening.stop(grace);
      }
    }
  }

  @Override
  public Optional<Seedable> seedable(ModuleContext context) {
    return Optional.of(
        new SpaazaSeed(
            context.database(),
            new DocumentJson(SpaazaJson.newMapper()),
            context.clock(),
            config.secretHasher()));
  }

  /**
   * The chains of {@code --spaaza-token} with their tokens, and the admins of {@code
   * --spaaza-admin} with their session keys and access levels (and the chains these name).
   */
  @Override
  public Optional<ObjectNode> presets() {
    if (config.tokens().isEmpty() && config.admins().isEmpty()) {
      return Optional.empty();
    }
    ObjectNode section = JsonNodeFactory.instance.objectNode();
    ArrayNode chains = section.putArray("chains");
    Map<Long, ArrayNode> tokensByChain = new LinkedHashMap<>();
    Function<Long, ArrayNode> chain =
        id ->
            tokensByChain.computeIfAbsent(
                id, c -> chains.addObject().put("id", c).putArray("tokens"));
    config
        .tokens()
        .forEach(
            t ->
                chain
                    .apply(t.chainId())
                    .addObject()
                    .put("tokenId", t.tokenId())
                    .put("secret", t.secret()));
    ArrayNode admins = section.putArray("admins");
    Map<Long, ObjectNode> adminsById = new LinkedHashMap<>();
    for (PresetAdmin admin : config.admins()) {
      chain.apply(admin.chainId());
      ObjectNode entry =
          adminsById.computeIfAbsent(admin.userId(), id -> admins.addObject().put("userId", id));
      entry.withArray("sessionKeys").add(admin.sessionKey());
      entry.with("access").put(Long.toString(admin.chainId()), admin.accessLevel());
    }
    return Optional.of(section);
  }

  @Override
  public Running start(ModuleContext context, BoundPort port) {
    SpaazaStore store = context.timed(SpaazaStore.class, new JdbcSpaazaStore(context.database()));
    ObjectMapper mapper = SpaazaJson.newMapper();
    SpaazaCredentials credentials =
        new SpaazaCredentials(store, context.clock(), config.secretHasher());
    credentials.applyPresets(config.tokens(), config.admins());
    Optional<CreatedChain> created = credentials.createFirstChainIfNone();

    TaskDocuments tasks = new TaskDocuments(store, new DocumentJson(mapper), context.clock());
    // Result files and the link key live in the database, which every instance shares; what an
    // earlier version kept in the data directory moves there.
    ExportFiles files = new ExportFiles(store, mapper);
    files.importFolder(context.dataDir().resolve("spaaza-results"));
    DownloadLinks links =
        new DownloadLinks(
            store,
            context.dataDir().resolve("spaaza-download.key"),
            context.clock(),
            config.downloadLinkTtl());
    TaskRunner runner = new TaskRunner(tasks, source, files);
    SpaazaTaskService service = new SpaazaTaskService(store, tasks, runner, files, links);

    SpaazaErrors errors = new SpaazaErrors(mapper);
    ApiApplication.Parts parts =
        new ApiApplication.Parts(
            mapper,
            new SpaazaAuthFilter(credentials),
            errors,
            // per chain; per task through its ID, the route's path parameter
            request -> SpaazaCaller.find(request).map(c -> "chain:" + c.chainId()));
    ResourceConfig app =
        ApiApplication.create(parts, context)
            .register(new ClientAddress()) // for the budget of wrong token secrets
            .register(new ApiVersionFilter())
            .register(DownloadHeaders.class)
            .register(WireEnumParams.class)
            .register(new TasksResource(service))
            .register(new DownloadsResource(links, tasks, files));

    ApiApplication.Listening listening = ApiApplication.listen(port, app, errors);
    TaskScheduler scheduler = new TaskScheduler(store, tasks, runner);
    scheduler.start(config.pollInterval());
    return new Running(listening, scheduler, created);
  }
}
