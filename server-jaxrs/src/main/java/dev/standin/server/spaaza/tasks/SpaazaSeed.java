package dev.standin.server.spaaza.tasks;

import static dev.standin.server.kernel.state.SectionArrays.numbers;
import static dev.standin.server.kernel.store.Database.all;
import static dev.standin.server.kernel.store.Database.execute;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.standin.server.kernel.Ids;
import dev.standin.server.kernel.json.DocumentJson;
import dev.standin.server.kernel.state.SeedException;
import dev.standin.server.kernel.state.SeedNode;
import dev.standin.server.kernel.state.Seedable;
import dev.standin.server.kernel.store.Database;
import dev.standin.server.spaaza.auth.AccessLevel;
import dev.standin.server.spaaza.auth.SecretHasher;
import dev.standin.server.spaaza.errors.SpaazaException;
import dev.standin.spaaza.model.Task;
import dev.standin.spaaza.model.TaskState;
import dev.standin.spaaza.model.TaskStateCode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.openapitools.jackson.nullable.JsonNullable;

/**
 * The {@code spaaza} section of a seed: chains with their privileged tokens (secrets in clear, so
 * tests know them, or as the PBKDF2 hashes the store keeps) and tasks, and admin users with their
 * session keys (in clear or as SHA-256 hashes) and access levels per chain. Task IDs are given, so
 * tests know them; what a task leaves out gets the defaults of {@code POST /tasks}.
 */
public final class SpaazaSeed implements Seedable {

  private static final Pattern KEY_HASH = Pattern.compile("[0-9a-f]{64}");
  private static final Set<String> CHAIN_FIELDS =
      Set.of("id", "name", "createdAt", "tokens", "tasks");
  private static final Set<String> TOKEN_FIELDS = Set.of("tokenId", "secret", "secretHash");
  private static final Set<String> ADMIN_FIELDS =
      Set.of("userId", "sessionKeys", "sessionKeyHashes", "access");

  private final Database database;
  private final DocumentJson json;
  private final Clock clock;
  private final Set<String> taskFields;

  /** PBKDF2 is slow on purpose: a secret seeded again (every reset) reuses its first hash. */
  private final Map<String, String> hashedSecrets = new ConcurrentHashMap<>();

  private final SecretHasher hasher;

  public SpaazaSeed(Database database, DocumentJson json, Clock clock, SecretHasher hasher) {
    this.database = database;
    this.json = json;
    this.clock = clock;
    this.hasher = hasher;
    ObjectMapper mapper = json.mapper();
    JavaType type = mapper.constructType(Task.class);
    Set<String> names = new HashSet<>();
    mapper
        .getDeserializationConfig()
        .introspect(type)
        .findProperties()
        .forEach(p -> names.add(p.getName()));
    this.taskFields = names;
  }

  @Override
  public String section() {
    return "spaaza";
  }

  @Override
  public List<String> tables() {
    return List.of(
        "spaaza_results",
        "spaaza_tasks",
        "spaaza_tokens",
        "spaaza_chain_access",
        "spaaza_sessions",
        "spaaza_chains");
  }

  @Override
  public void checkScope(String scope) {
    chainScope(scope);
  }

  private static long chainScope(String scope) {
    try {
      long id = Long.parseLong(scope);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException("the scope of spaaza is a chain ID, got '" + scope + "'");
  }

  // --- prepare --------------------------------------------------------------------------------

  private record SeedChain(
      long id, String name, Instant createdAt, Map<String, String> tokens, List<SeedTask> tasks) {}

  private record SeedTask(
      long id, String state, Instant dueAt, String action, Long campaignId, String json) {}

  private record SeedAdmin(long userId, Set<String> keyHashes, Map<Long, String> access) {}

  private record Section(List<SeedChain> chains, List<SeedAdmin> admins) {}

  @Override
  public Prepared prepare(SeedNode section) {
    section.onlyFields(Set.of("chains", "admins"));
    List<SeedChain> chains = new ArrayList<>();
    Set<Long> chainIds = new HashSet<>();
    Set<Long> taskIds = new HashSet<>();
    Set<String> tokenIds = new HashSet<>();
    for (SeedNode chain : section.array("chains")) {
      chain.requireObject().onlyFields(CHAIN_FIELDS);
      long id = chain.required("id").longValue();
      if (!chainIds.add(id)) {
        throw new SeedException(chain.path() + ".id", "a second chain with ID " + id);
      }
      String name = chain.optionalText("name").orElse("Chain " + id);
      Instant createdAt = chain.optionalInstant("createdAt").orElseGet(clock::instant);
      Map<String, String> tokens = new TreeMap<>();
      for (SeedNode token : chain.array("tokens")) {
        token.requireObject().onlyFields(TOKEN_FIELDS);
        String tokenId = token.requiredText("tokenId");
        if (!tokenIds.add(tokenId)) {
          throw new SeedException(token.path() + ".tokenId", "a second token with that ID");
        }
        tokens.put(tokenId, secretHash(token));
      }
      List<SeedTask> tasks = new ArrayList<>();
      for (SeedNode task : chain.array("tasks")) {
        SeedTask prepared = prepareTask(task, id);
        if (!taskIds.add(prepared.id())) {
          throw new SeedException(task.path() + ".id", "a second task with ID " + prepared.id());
        }
        tasks.add(prepared);
      }
      chains.add(new SeedChain(id, name, createdAt, tokens, tasks));
    }
    List<SeedAdmin> admins = new ArrayList<>();
    Set<Long> adminIds = new HashSet<>();
    for (SeedNode admin : section.array("admins")) {
      admin.requireObject().onlyFields(ADMIN_FIELDS);
      long userId = admin.required("userId").longValue();
      if (!adminIds.add(userId)) {
        throw new SeedException(admin.path() + ".userId", "a second admin with that user ID");
      }
      Set<String> hashes = new TreeSet<>();
      for (SeedNode key : admin.array("sessionKeys")) {
        if (key.text().isBlank()) {
          throw key.problem("must not be blank");
        }
        hashes.add(SecretHasher.sha256(key.text()));
      }
      for (SeedNode hash : admin.array("sessionKeyHashes")) {
        if (!KEY_HASH.matcher(hash.text()).matches()) {
          throw hash.problem("must be a SHA-256 hash: 64 lowercase hex digits");
        }
        hashes.add(hash.text());
      }
      Map<Long, String> access = new TreeMap<>();
      admin
          .field("access")
          .ifPresent(
              levels -> {
                levels.requireObject();
                Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> fields =
                    levels.node().fields();
                while (fields.hasNext()) {
                  var entry = fields.next();
                  SeedNode level =
                      new SeedNode(entry.getValue(), levels.path() + "." + entry.getKey());
                  long chainId;
                  try {
                    chainId = chainScope(entry.getKey());
                  } catch (IllegalArgumentException e) {
                    throw level.problem("keys are chain IDs");
                  }
                  if (!chainIds.contains(chainId)) {
                    throw level.problem("names no chain of the seed");
                  }
                  String text = level.text();
                  AccessLevel parsed =
                      AccessLevel.fromStored(text)
                          .orElseThrow(() -> level.problem("must be read or write"));
                  access.put(chainId, parsed.stored());
                }
              });
      admins.add(new SeedAdmin(userId, hashes, access));
    }
    Section prepared = new Section(chains, admins);
    return (c, mode, scope) -> load(c, prepared, scope == null ? null : chainScope(scope));
  }

  private String secretHash(SeedNode token) {
    var secret = token.optionalText("secret");
    var hash = token.optionalText("secretHash");
    if (secret.isPresent() == hash.isPresent()) {
      throw token.problem("needs exactly one of secret and secretHash");
    }
    if (hash.isPresent()) {
      if (!hash.get().startsWith("pbkdf2-sha256$") || hash.get().split("\\$").length != 4) {
        throw new SeedException(
            token.path() + ".secretHash", "must be pbkdf2-sha256$<iterations>$<salt>$<hash>");
      }
      return hash.get();
    }
    if (secret.get().isBlank()) {
      throw new SeedException(token.path() + ".secret", "must not be blank");
    }
    return hashedSecrets.computeIfAbsent(secret.get(), hasher::hash);
  }

  private SeedTask prepareTask(SeedNode node, long chainId) {
    node.requireObject().onlyFields(taskFields);
    long id = node.required("id").longValue();
    Task task;
    try {
      task = json.mapper().treeToValue(node.node(), Task.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      String message =
          e instanceof com.fasterxml.jackson.core.JsonProcessingException p
              ? p.getOriginalMessage()
              : e.getMessage();
      int newline = message == null ? -1 : message.indexOf('\n');
      throw node.problem(
          "not a valid task: " + (newline < 0 ? message : message.substring(0, newline)));
    }
    if (task.getChain() != null && task.getChain() != chainId) {
      throw new SeedException(node.path() + ".chain", "must be the chain's ID, " + chainId);
    }
    if (task.getDesc() == null) {
      throw new SeedException(node.path() + ".desc", "is required");
    }
    try {
      SpaazaTaskService.checkTarget(JsonNullable.of(task.getTarget()));
      SpaazaTaskService.checkTrigger(JsonNullable.of(task.getTrigger()));
    } catch (SpaazaException e) {
      throw node.problem(e.getMessage());
    }
    OffsetDateTime now =
        OffsetDateTime.now(clock).withNano(0).withOffsetSameInstant(java.time.ZoneOffset.UTC);
    task.id(id).chain(chainId).trigger(SpaazaTaskService.utc(task.getTrigger()));
    if (task.getState() == null) {
      task.setState(new TaskState());
    }
    TaskState state = task.getState();
    if (state.getCode() == null) {
      state.setCode(TaskStateCode.READY);
    }
    if (state.getLastRunDate() == null) {
      state.setLastRunDate(TaskDocuments.NEVER);
    }
    if (state.getCreatedDate() == null) {
      state.setCreatedDate(now);
    }
    if (state.getLastModified() == null) {
      state.setLastModified(state.getCreatedDate());
    }
    if (task.getDebug() == null) {
      task.setDebug("");
    }
    if (task.getVersion() == null) {
      task.setVersion(1L);
    }
    if (task.getResult() == null) {
      task.setResult("");
    }
    return new SeedTask(
        id,
        state.getCode().getValue(),
        task.getTrigger().getOnce().toInstant(),
        task.getTarget().getAction().getValue(),
        task.getTarget().getCampaignId(),
        json.write(task));
  }

  // --- load -----------------------------------------------------------------------------------

  private void load(Connection c, Section section, Long scope) throws SQLException {
    for (SeedChain chain : section.chains()) {
      if (scope != null && scope != chain.id()) {
        continue;
      }
      boolean inserted =
          execute(
                  c,
                  "INSERT INTO spaaza_chains (id, name, created_at) VALUES (?, ?, ?)"
                      + " ON CONFLICT DO NOTHING",
                  chain.id(),
                  chain.name(),
                  chain.createdAt().toString())
              == 1;
      for (Map.Entry<String, String> token : chain.tokens().entrySet()) {
        execute(
            c,
            "INSERT INTO spaaza_tokens (token_id, chain_id, secret_hash) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING",
            token.getKey(),
            chain.id(),
            token.getValue());
      }
      if (inserted) {
        for (SeedTask task : chain.tasks()) {
          execute(
              c,
              "INSERT INTO spaaza_tasks"
                  + " (id, chain_id, state, due_at, action, campaign_id, body, version)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
              task.id(),
              chain.id(),
              task.state(),
              task.dueAt().toEpochMilli(),
              task.action(),
              task.campaignId(),
              task.json(),
              Ids.freshVersion());
        }
      }
    }
    for (SeedAdmin admin : section.admins()) {
      for (String hash : admin.keyHashes()) {
        execute(
            c,
            "INSERT INTO spaaza_sessions (key_hash, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            hash,
            admin.userId());
      }
      for (Map.Entry<Long, String> access : admin.access().entrySet()) {
        if (scope != null && !scope.equals(access.getKey())) {
          continue;
        }
        execute(
            c,
            "INSERT INTO spaaza_chain_access (user_id, chain_id, access_level) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING",
            admin.userId(),
            access.getKey(),
            access.getValue());
      }
    }
    // Explicit IDs: keep the generators of chains and tasks created through the API past them.
    database.afterExplicitId(c, "spaaza_chains");
    database.afterExplicitId(c, "spaaza_tasks");
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
    long chain = chainScope(scope);
    execute(c, "DELETE FROM spaaza_tasks WHERE chain_id = ?", chain);
    execute(c, "DELETE FROM spaaza_tokens WHERE chain_id = ?", chain);
    execute(c, "DELETE FROM spaaza_chain_access WHERE chain_id = ?", chain);
    execute(c, "DELETE FROM spaaza_chains WHERE id = ?", chain);
  }

  private record ChainRow(long id, String name, String createdAt) {}

  private static List<ChainRow> chainRows(Connection c) throws SQLException {
    return all(
        c,
        "SELECT id, name, created_at FROM spaaza_chains ORDER BY id",
        rs -> new ChainRow(rs.getLong(1), rs.getString(2), rs.getString(3)));
  }

  @Override
  public ObjectNode export(Connection c) throws SQLException {
    ObjectNode section = json.mapper().createObjectNode();
    ArrayNode chains = section.putArray("chains");
    for (ChainRow chain : chainRows(c)) {
      ObjectNode out = chains.addObject();
      out.put("id", chain.id());
      out.put("name", chain.name());
      out.put("createdAt", chain.createdAt());
      ArrayNode tokens = out.putArray("tokens");
      for (String[] token :
          all(
              c,
              "SELECT token_id, secret_hash FROM spaaza_tokens WHERE chain_id = ? ORDER BY token_id",
              rs -> new String[] {rs.getString(1), rs.getString(2)},
              chain.id())) {
        tokens.addObject().put("tokenId", token[0]).put("secretHash", token[1]);
      }
      ArrayNode tasks = out.putArray("tasks");
      for (Object[] task :
          all(
              c,
              "SELECT id, body FROM spaaza_tasks WHERE chain_id = ? ORDER BY id",
              rs -> new Object[] {rs.getLong(1), rs.getString(2)},
              chain.id())) {
        Task model = json.read((String) task[1], Task.class).id((Long) task[0]).chain(chain.id());
        tasks.add(json.readTree(json.write(model)));
      }
    }
    Map<Long, ObjectNode> admins = new TreeMap<>();
    for (Object[] session :
        all(
            c,
            "SELECT user_id, key_hash FROM spaaza_sessions ORDER BY user_id, key_hash",
            rs -> new Object[] {rs.getLong(1), rs.getString(2)})) {
      adminNode(admins, (Long) session[0]).withArray("sessionKeyHashes").add((String) session[1]);
    }
    for (Object[] access :
        all(
            c,
            "SELECT user_id, chain_id, access_level FROM spaaza_chain_access"
                + " ORDER BY user_id, chain_id",
            rs -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)})) {
      adminNode(admins, (Long) access[0])
          .with("access")
          .put(Long.toString((Long) access[1]), (String) access[2]);
    }
    section.putArray("admins").addAll(admins.values());
    return section;
  }

  private ObjectNode adminNode(Map<Long, ObjectNode> admins, long userId) {
    return admins.computeIfAbsent(
        userId,
        id -> {
          ObjectNode node = json.mapper().createObjectNode();
          node.put("userId", id);
          node.putArray("sessionKeyHashes");
          node.putObject("access");
          return node;
        });
  }

  @Override
  public ObjectNode summary(Connection c) throws SQLException {
    ObjectNode section = json.mapper().createObjectNode();
    ArrayNode chains = section.putArray("chains");
    for (ChainRow chain : chainRows(c)) {
      ObjectNode out = chains.addObject();
      out.put("id", chain.id());
      out.put("name", chain.name());
      out.put(
          "tokens",
          Database.count(c, "SELECT COUNT(*) FROM spaaza_tokens WHERE chain_id = ?", chain.id()));
      numbers(
          out,
          "tasks",
          c,
          "SELECT id FROM spaaza_tasks WHERE chain_id = ? ORDER BY id",
          chain.id());
    }
    section.put("admins", Database.count(c, "SELECT COUNT(DISTINCT user_id) FROM spaaza_sessions"));
    return section;
  }
}
