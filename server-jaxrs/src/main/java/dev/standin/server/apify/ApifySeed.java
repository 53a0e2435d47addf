package dev.standin.server.apify;

import static dev.standin.server.kernel.state.SectionArrays.documents;
import static dev.standin.server.kernel.state.SectionArrays.texts;
import static dev.standin.server.kernel.store.Database.all;
import static dev.standin.server.kernel.store.Database.execute;
import static dev.standin.server.kernel.store.Database.first;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.standin.apify.model.Actor;
import dev.standin.apify.model.ActorJobStatus;
import dev.standin.apify.model.ActorPermissionLevel;
import dev.standin.apify.model.ActorStats;
import dev.standin.apify.model.Build;
import dev.standin.apify.model.BuildsMeta;
import dev.standin.apify.model.TaggedBuildInfo;
import dev.standin.apify.model.Task;
import dev.standin.apify.model.TaskStats;
import dev.standin.server.apify.auth.UserService;
import dev.standin.server.apify.errors.ApifyException;
import dev.standin.server.kernel.Ids;
import dev.standin.server.kernel.Timestamps;
import dev.standin.server.kernel.json.DocumentJson;
import dev.standin.server.kernel.state.SeedException;
import dev.standin.server.kernel.state.SeedNode;
import dev.standin.server.kernel.state.Seedable;
import dev.standin.server.kernel.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The {@code apify} section of a seed: users with their API tokens (in clear, so tests know them,
 * or as the SHA-256 hashes the store keeps), and each user's Actors (with versions, builds and
 * tags) and tasks (with input). What a seed leaves out gets the defaults the API gives on create;
 * IDs left out are derived from the names, so a seeded resource keeps its ID across resets.
 */
final class ApifySeed implements Seedable {

  private static final Pattern TOKEN_HASH = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern BUILD_NUMBER = Pattern.compile("(\\d{1,2}\\.\\d{1,2})\\.(\\d{1,9})");
  private static final Set<String> USER_FIELDS =
      Set.of("id", "username", "createdAt", "tokens", "tokenHashes", "actors", "tasks");

  private final DocumentJson json;
  private final Timestamps timestamps;
  private final Set<String> actorFields;
  private final Set<String> buildFields;
  private final Set<String> taskFields;

  ApifySeed(DocumentJson json, Timestamps timestamps) {
    this.json = json;
    this.timestamps = timestamps;
    this.actorFields = with(propertiesOf(json.mapper(), Actor.class), "builds");
    this.buildFields = propertiesOf(json.mapper(), Build.class);
    this.taskFields = with(propertiesOf(json.mapper(), Task.class), "actor");
  }

  private static Set<String> propertiesOf(ObjectMapper mapper, Class<?> type) {
    JavaType javaType = mapper.constructType(type);
    Set<String> names = new HashSet<>();
    mapper
        .getDeserializationConfig()
        .introspect(javaType)
        .findProperties()
        .forEach(p -> names.add(p.getName()));
    return names;
  }

  private static Set<String> with(Set<String> names, String extra) {
    Set<String> all = new HashSet<>(names);
    all.add(extra);
    return all;
  }

  @Override
  public String section() {
    return "apify";
  }

  @Override
  public List<String> tables() {
    return List.of("builds", "actor_tasks", "actors", "api_tokens", "users");
  }

  @Override
  public void checkScope(String scope) {
    if (scope.isBlank()) {
      throw new IllegalArgumentException("the scope of apify is a username");
    }
  }

  // --- prepare --------------------------------------------------------------------------------

  private record SeedUser(
      String id,
      String username,
      Instant createdAt,
      Set<String> tokenHashes,
      List<SeedDocument> actors,
      List<SeedTask> tasks) {}

  /** A document ready to store, and its builds (Actors only). */
  private record SeedDocument(
      String id, String name, Instant createdAt, String json, List<SeedDocument> builds) {}

  /** A task, and the name of the owner's Actor it runs when it named one instead of an ID. */
  private record SeedTask(SeedDocument document, String actorName, String path) {}

  @Override
  public Prepared prepare(SeedNode section) {
    section.onlyFields(Set.of("users"));
    List<SeedUser> users = new ArrayList<>();
    Set<String> usernames = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (SeedNode user : section.array("users")) {
      SeedUser prepared = prepareUser(user);
      if (!usernames.add(prepared.username())) {
        throw new SeedException(user.path() + ".username", "a second user of that name");
      }
      unique(ids, prepared.id(), user.path() + ".id");
      for (SeedDocument actor : prepared.actors()) {
        unique(ids, actor.id(), user.path() + ".actors: Actor " + actor.name() + " id");
        for (SeedDocument build : actor.builds()) {
          unique(ids, build.id(), user.path() + ".actors: build " + build.name() + " id");
        }
      }
      for (SeedTask task : prepared.tasks()) {
        unique(ids, task.document().id(), task.path() + ".id");
      }
      users.add(prepared);
    }
    return (c, mode, scope) -> load(c, users, scope);
  }

  private static void unique(Set<String> ids, String id, String path) {
    if (!ids.add(id)) {
      throw new SeedException(path, "the ID " + id + " is used twice in the seed");
    }
  }

  private SeedUser prepareUser(SeedNode user) {
    user.requireObject().onlyFields(USER_FIELDS);
    String username = user.requiredText("username");
    String id = user.optionalText("id").orElseGet(() -> Ids.derived("apify-user", username));
    Instant createdAt = user.optionalInstant("createdAt").orElseGet(() -> now().toInstant());
    Set<String> hashes = new TreeSet<>();
    for (SeedNode token : user.array("tokens")) {
      if (token.text().isBlank()) {
        throw token.problem("must not be blank");
      }
      hashes.add(UserService.hashOf(token.text()));
    }
    for (SeedNode hash : user.array("tokenHashes")) {
      if (!TOKEN_HASH.matcher(hash.text()).matches()) {
        throw hash.problem("must be a SHA-256 hash: 64 lowercase hex digits");
      }
      hashes.add(hash.text());
    }
    List<SeedDocument> actors = new ArrayList<>();
    Set<String> actorNames = new HashSet<>();
    for (SeedNode actor : user.array("actors")) {
      SeedDocument prepared = prepareActor(actor, id, username);
      if (!actorNames.add(prepared.name())) {
        throw new SeedException(actor.path() + ".name", "a second Actor of that name");
      }
      actors.add(prepared);
    }
    List<SeedTask> tasks = new ArrayList<>();
    Set<String> taskNames = new HashSet<>();
    for (SeedNode task : user.array("tasks")) {
      SeedTask prepared = prepareTask(task, id, username, actorNames);
      if (!taskNames.add(prepared.document().name())) {
        throw new SeedException(task.path() + ".name", "a second task of that name");
      }
      tasks.add(prepared);
    }
    return new SeedUser(id, username, createdAt, hashes, actors, tasks);
  }

  private <T> T bind(SeedNode node, Class<T> type, String... without) {
    ObjectNode copy = ((ObjectNode) node.node()).deepCopy();
    for (String name : without) {
      copy.remove(name);
    }
    try {
      return json.mapper().treeToValue(copy, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      String message =
          e instanceof com.fasterxml.jackson.core.JsonProcessingException p
              ? p.getOriginalMessage()
              : e.getMessage();
      throw node.problem("not a valid " + type.getSimpleName() + ": " + firstLine(message));
    }
  }

  private static String firstLine(String message) {
    int newline = message == null ? -1 : message.indexOf('\n');
    return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
  }

  private SeedDocument prepareActor(SeedNode node, String userId, String username) {
    node.requireObject().onlyFields(actorFields);
    Actor actor = bind(node, Actor.class, "builds", "username");
    if (actor.getName() == null) {
      throw new SeedException(node.path() + ".name", "is required");
    }
    OffsetDateTime now = now();
    actor.setId(
        actor.getId() != null
            ? actor.getId()
            : Ids.derived("apify-actor", username, actor.getName()));
    actor.setUserId(userId);
    actor.setUsername(null);
    if (actor.getCreatedAt() == null) {
      actor.setCreatedAt(now);
    }
    if (actor.getModifiedAt() == null) {
      actor.setModifiedAt(actor.getCreatedAt());
    }
    if (actor.getIsPublic() == null) {
      actor.setIsPublic(false);
    }
    if (actor.getActorPermissionLevel() == null) {
      actor.setActorPermissionLevel(ActorPermissionLevel.LIMITED_PERMISSIONS);
    }
    if (actor.getCategories() == null) {
      actor.setCategories(List.of());
    }
    if (actor.getIsDeprecated() == null) {
      actor.setIsDeprecated(false);
    }
    if (actor.getVersions() == null) {
      actor.setVersions(List.of());
    }
    if (actor.getPricingInfos() == null) {
      actor.setPricingInfos(List.of());
    }
    if (actor.getDefaultRunOptions() == null) {
      actor.setDefaultRunOptions(SettingsMerge.defaultRunOptions());
    }
    try {
      ActorVersions.checkCount(actor.getVersions());
      ActorService.check(actor, actor.getModifiedAt());
    } catch (ApifyException e) {
      throw node.problem(e.getMessage());
    }
    List<Build> builds = new ArrayList<>();
    Map<String, Build> byNumber = new HashMap<>();
    for (SeedNode buildNode : node.array("builds")) {
      Build build = prepareBuild(buildNode, actor, username, now);
      if (byNumber.put(build.getBuildNumber(), build) != null) {
        throw new SeedException(buildNode.path() + ".buildNumber", "a second build of that number");
      }
      builds.add(build);
    }
    Map<String, TaggedBuildInfo> tags = new LinkedHashMap<>();
    if (actor.getTaggedBuilds() != null) {
      for (Map.Entry<String, TaggedBuildInfo> tag : actor.getTaggedBuilds().entrySet()) {
        String path = node.path() + ".taggedBuilds." + tag.getKey();
        TaggedBuildInfo info = tag.getValue();
        if (info == null) {
          throw new SeedException(path, "must name a build: {\"buildNumber\": \"0.1.1\"}");
        }
        Optional<Build> build =
            builds.stream()
                .filter(
                    b ->
                        b.getId().equals(info.getBuildId())
                            || (info.getBuildId() == null
                                && b.getBuildNumber().equals(info.getBuildNumber())))
                .findFirst();
        tags.put(
            tag.getKey(),
            ActorService.tagInfo(
                build.orElseThrow(
                    () -> new SeedException(path, "names no build of this Actor in the seed"))));
      }
    }
    actor.setTaggedBuilds(tags);
    if (actor.getStats() == null) {
      actor.setStats(
          new ActorStats().totalBuilds((long) builds.size()).totalRuns(0L).totalUsers(1L));
    }
    List<SeedDocument> buildDocuments =
        builds.stream()
            .map(
                b ->
                    new SeedDocument(
                        b.getId(),
                        b.getBuildNumber(),
                        b.getStartedAt().toInstant(),
                        json.write(b),
                        List.of()))
            .toList();
    return new SeedDocument(
        actor.getId(),
        actor.getName(),
        actor.getCreatedAt().toInstant(),
        json.write(actor),
        buildDocuments);
  }

  private Build prepareBuild(SeedNode node, Actor actor, String username, OffsetDateTime now) {
    node.requireObject().onlyFields(buildFields);
    Build build = bind(node, Build.class);
    String number = build.getBuildNumber();
    var matcher = number == null ? null : BUILD_NUMBER.matcher(number);
    if (matcher == null || !matcher.matches()) {
      throw new SeedException(
          node.path() + ".buildNumber", "is required: MAJOR.MINOR.N, e.g. 0.1.1");
    }
    String version = matcher.group(1);
    if (actor.getVersions().stream().noneMatch(v -> version.equals(v.getVersionNumber()))) {
      throw new SeedException(node.path() + ".buildNumber", "the Actor has no version " + version);
    }
    build.setId(
        build.getId() != null
            ? build.getId()
            : Ids.derived("apify-build", username, actor.getName(), number));
    build.setActId(actor.getId());
    build.setUserId(actor.getUserId());
    build.setBuildNumberInt(BuildService.buildNumberInt(number));
    if (build.getStatus() == null) {
      build.setStatus(ActorJobStatus.SUCCEEDED);
    }
    if (build.getStartedAt() == null) {
      build.setStartedAt(now);
    }
    if (build.getFinishedAt() == null) {
      build.setFinishedAt(build.getStartedAt());
    }
    if (build.getMeta() == null) {
      build.setMeta(new BuildsMeta().origin(BuildsMeta.OriginEnum.API));
    }
    if (build.getUsageTotalUsd() == null) {
      build.setUsageTotalUsd(0.0);
    }
    return build;
  }

  private SeedTask prepareTask(
      SeedNode node, String userId, String username, Set<String> actorNames) {
    node.requireObject().onlyFields(taskFields);
    Task task = bind(node, Task.class, "actor", "username");
    String actorName = node.optionalText("actor").orElse(null);
    if (actorName == null && task.getActId() == null) {
      throw new SeedException(
          node.path() + ".actor", "is required: the name of one of the user's Actors (or actId)");
    }
    if (task.getName() == null) {
      throw new SeedException(node.path() + ".name", "is required");
    }
    try {
      Rules.checkName("name", task.getName());
      TaskService.checkOptions(task.getOptions());
    } catch (ApifyException e) {
      throw node.problem(e.getMessage());
    }
    OffsetDateTime now = now();
    task.setId(
        task.getId() != null ? task.getId() : Ids.derived("apify-task", username, task.getName()));
    task.setUserId(userId);
    if (task.getCreatedAt() == null) {
      task.setCreatedAt(now);
    }
    if (task.getModifiedAt() == null) {
      task.setModifiedAt(task.getCreatedAt());
    }
    if (task.getStats() == null) {
      task.setStats(new TaskStats().totalRuns(0L));
    }
    String body = json.write(task);
    return new SeedTask(
        new SeedDocument(
            task.getId(), task.getName(), task.getCreatedAt().toInstant(), body, List.of()),
        actorName,
        node.path());
  }

  private OffsetDateTime now() {
    return timestamps.now().withOffsetSameInstant(ZoneOffset.UTC);
  }

  // --- load -----------------------------------------------------------------------------------

  private void load(Connection c, List<SeedUser> users, String scope) throws SQLException {
    for (SeedUser user : users) {
      if (scope != null && !scope.equals(user.username())) {
        continue;
      }
      execute(
          c,
          "INSERT INTO users (id, username, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
          user.id(),
          user.username(),
          user.createdAt().toString());
      String userId =
          first(
                  c,
                  "SELECT id FROM users WHERE username = ?",
                  rs -> rs.getString(1),
                  user.username())
              .orElseThrow();
      for (String hash : user.tokenHashes()) {
        execute(
            c,
            "INSERT INTO api_tokens (token_hash, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            hash,
            userId);
      }
      Map<String, String> actorIds = new HashMap<>();
      for (SeedDocument actor : user.actors()) {
        String body =
            userId.equals(user.id()) ? actor.json() : withField(actor.json(), "userId", userId);
        boolean inserted = insert(c, "actors", actor, userId, body);
        String actorId =
            first(
                    c,
                    "SELECT id FROM actors WHERE owner_id = ? AND name = ?",
                    rs -> rs.getString(1),
                    userId,
                    actor.name())
                .orElseThrow();
        actorIds.put(actor.name(), actorId);
        if (inserted) {
          for (SeedDocument build : actor.builds()) {
            String buildBody =
                userId.equals(user.id()) ? build.json() : withField(build.json(), "userId", userId);
            insert(c, "builds", build, actorId, buildBody);
          }
        }
      }
      for (SeedTask task : user.tasks()) {
        String body = task.document().json();
        if (!userId.equals(user.id())) {
          body = withField(body, "userId", userId);
        }
        if (task.actorName() != null) {
          String actorId = actorIds.get(task.actorName());
          if (actorId == null) {
            actorId =
                first(
                        c,
                        "SELECT id FROM actors WHERE owner_id = ? AND name = ?",
                        rs -> rs.getString(1),
                        userId,
                        task.actorName())
                    .orElseThrow(
                        () ->
                            new SeedException(
                                task.path() + ".actor",
                                "names no Actor of user " + user.username()));
          }
          body = withField(body, "actId", actorId);
        }
        insert(c, "actor_tasks", task.document(), userId, body);
      }
    }
  }

  private boolean insert(
      Connection c, String table, SeedDocument document, String ownerId, String body)
      throws SQLException {
    return execute(
            c,
            "INSERT INTO "
                + table
                + " (id, owner_id, name, created_at, body, version) VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING",
            document.id(),
            ownerId,
            document.name(),
            document.createdAt().toString(),
            body,
            Ids.freshVersion())
        == 1;
  }

  private String withField(String body, String field, String value) {
    ObjectNode tree = json.readTree(body);
    tree.put(field, value);
    return json.write(tree);
  }

  // --- clear, export, summary -----------------------------------------------------------------

  @Override
  public void clear(Connection c, String scope) throws SQLException {
    if (scope == null) {
      for (String table : tables()) {
        execute(c, "DELETE FROM " + table);
      }
      return;
    }
    Optional<String> userId =
        first(c, "SELECT id FROM users WHERE username = ?", rs -> rs.getString(1), scope);
    if (userId.isEmpty()) {
      return;
    }
    String id = userId.get();
    execute(c, "DELETE FROM actor_tasks WHERE owner_id = ?", id);
    execute(
        c, "DELETE FROM builds WHERE owner_id IN (SELECT id FROM actors WHERE owner_id = ?)", id);
    execute(c, "DELETE FROM actors WHERE owner_id = ?", id);
    execute(c, "DELETE FROM api_tokens WHERE user_id = ?", id);
    execute(c, "DELETE FROM users WHERE id = ?", id);
  }

  private record UserRow(String id, String username, String createdAt) {}

  @Override
  public ObjectNode export(Connection c) throws SQLException {
    ObjectMapper mapper = json.mapper();
    ObjectNode section = mapper.createObjectNode();
    ArrayNode users = section.putArray("users");
    for (UserRow user : userRows(c)) {
      ObjectNode out = users.addObject();
      out.put("id", user.id());
      out.put("username", user.username());
      out.put("createdAt", user.createdAt());
      texts(
          out,
          "tokenHashes",
          c,
          "SELECT token_hash FROM api_tokens WHERE user_id = ? ORDER BY token_hash",
          user.id());
      ArrayNode actors = out.putArray("actors");
      for (String[] actor :
          all(
              c,
              "SELECT id, body FROM actors WHERE owner_id = ? ORDER BY seq",
              rs -> new String[] {rs.getString(1), rs.getString(2)},
              user.id())) {
        ObjectNode actorNode = json.readTree(actor[1]);
        documents(
            actorNode,
            "builds",
            json,
            c,
            "SELECT body FROM builds WHERE owner_id = ? ORDER BY seq",
            actor[0]);
        actors.add(actorNode);
      }
      documents(
          out,
          "tasks",
          json,
          c,
          "SELECT body FROM actor_tasks WHERE owner_id = ? ORDER BY seq",
          user.id());
    }
    return section;
  }

  private static List<UserRow> userRows(Connection c) throws SQLException {
    return all(
        c,
        "SELECT id, username, created_at FROM users ORDER BY username",
        rs -> new UserRow(rs.getString(1), rs.getString(2), rs.getString(3)));
  }

  @Override
  public ObjectNode summary(Connection c) throws SQLException {
    ObjectNode section = json.mapper().createObjectNode();
    ArrayNode users = section.putArray("users");
    for (UserRow user : userRows(c)) {
      ObjectNode out = users.addObject();
      out.put("username", user.username());
      out.put("id", user.id());
      out.put(
          "tokens",
          Database.count(c, "SELECT COUNT(*) FROM api_tokens WHERE user_id = ?", user.id()));
      texts(out, "actors", c, "SELECT name FROM actors WHERE owner_id = ? ORDER BY seq", user.id());
      texts(
          out,
          "tasks",
          c,
          "SELECT name FROM actor_tasks WHERE owner_id = ? ORDER BY seq",
          user.id());
      out.put(
          "builds",
          Database.count(
              c,
              "SELECT COUNT(*) FROM builds WHERE owner_id IN"
                  + " (SELECT id FROM actors WHERE owner_id = ?)",
              user.id()));
    }
    return section;
  }
}
