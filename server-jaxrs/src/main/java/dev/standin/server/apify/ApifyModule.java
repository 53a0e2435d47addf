package dev.standin.server.apify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.standin.apify.json.ApifyJson;
import dev.standin.server.apify.auth.AuthFilter;
import dev.standin.server.apify.auth.Caller;
import dev.standin.server.apify.auth.UserService;
import dev.standin.server.apify.auth.UserToken;
import dev.standin.server.apify.errors.ApifyErrors;
import dev.standin.server.apify.http.ETags;
import dev.standin.server.apify.http.LenientBooleanParams;
import dev.standin.server.apify.store.ApifyStore;
import dev.standin.server.apify.store.JdbcApifyStore;
import dev.standin.server.apify.store.User;
import dev.standin.server.apify.taskinput.streaming.TaskInputBodyReader;
import dev.standin.server.kernel.Timestamps;
import dev.standin.server.kernel.json.DocumentJson;
import dev.standin.server.kernel.module.ApiApplication;
import dev.standin.server.kernel.module.ApiModule;
import dev.standin.server.kernel.module.BoundPort;
import dev.standin.server.kernel.module.ModuleContext;
import dev.standin.server.kernel.module.RunningApi;
import dev.standin.server.kernel.state.Seedable;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The Apify API v2: users and tokens, Actors, builds, tasks and task input, on its own port.
 *
 * @param users accounts to make sure exist, each with a token that will be accepted
 * @param defaultUsername name of the account created (with a fresh token) when there is none
 */
public record ApifyModule(List<UserToken> users, String defaultUsername)
    implements ApiModule<ApifyModule.Running> {

  /** The started API, and the token of the default user when this start created that user. */
  public record Running(ApiApplication.Listening listening, Optional<String> createdToken)
      implements RunningApi {
    @Override
    public URI baseUri() {
      return listening.baseUri();
    }

    @Override
    public void stop(Duration grace) {
      listening.stop(grace);
    }
  }

  /**
   * How the Apify API reads and writes JSON: strict types in request bodies (ADR 0023), and run
   * options that remember which of their properties were sent as {@code null}.
   */
  static ObjectMapper mapper() {
    return ApifyJson.newStrictMapper().registerModule(SentRunOptions.module());
  }

  @Override
  public Optional<Seedable> seedable(ModuleContext context) {
    return Optional.of(new ApifySeed(new DocumentJson(mapper()), new Timestamps(context.clock())));
  }

  /** The users of {@code --user}, each with every token given for it. */
  @Override
  public Optional<ObjectNode> presets() {
    if (users.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode section = JsonNodeFactory.instance.objectNode();
    ArrayNode entries = section.putArray("users");
    Map<String, ArrayNode> tokensByUser = new LinkedHashMap<>();
    for (UserToken user : users) {
      tokensByUser
          .computeIfAbsent(
              user.username(), name -> entries.addObject().put("username", name).putArray("tokens"))
          .add(user.token());
    }
    return Optional.of(section);
  }

  @Override
  public Running start(ModuleContext context, BoundPort port) {
    ApifyStore store = context.timed(ApifyStore.class, new JdbcApifyStore(context.database()));
    ObjectMapper mapper = mapper();
    UserService users = new UserService(store, context.clock(), context.state()::generation);
    this.users.forEach(u -> users.ensureUserWithToken(u.username(), u.token()));
    Optional<String> createdToken = Optional.empty();
    if (!users.hasUsers()) {
      String token = UserService.newToken();
      users.ensureUserWithToken(defaultUsername, token);
      createdToken = Optional.of(token);
    }

    Timestamps timestamps = new Timestamps(context.clock());
    DocumentJson json = new DocumentJson(mapper);
    ResourceLocator locator = new ResourceLocator(store, users);
    ActorService actors = new ActorService(store, locator, json, timestamps);
    TaskService tasks = new TaskService(store, locator, actors, json, timestamps);
    BuildService builds = new BuildService(store, actors, json, timestamps);
    VersionService versions = new VersionService(actors, json);

    ApifyErrors errors = new ApifyErrors(mapper);
    ApiApplication.Parts parts =
        new ApiApplication.Parts(
            mapper, new AuthFilter(users), errors, request -> Caller.find(request).map(User::id));
    ResourceConfig app =
        ApiApplication.create(parts, context)
            .register(ETags.class)
            .register(new TaskInputBodyReader(json))
            .register(LenientBooleanParams.class)
            .register(new ActorsResource(actors))
            .register(new ActorBuildsResource(builds))
            .register(new ActorVersionsResource(versions))
            .register(new ActorTasksResource(tasks));

    ApiApplication.Listening listening = ApiApplication.listen(port, app, errors);
    return new Running(listening, createdToken);
  }
}
