package dev.standin.server.kernel.state;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.standin.server.kernel.store.Database;
import dev.standin.server.kernel.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's state as one seed document over every API's {@link Seedable} section: load a seed,
 * reset (everything, or one scope of one section) to empty or to the seed the server started with,
 * export a snapshot, say what exists. Every change is one write transaction over all sections, with
 * the sections' tables locked against writers on PostgreSQL, so it is atomic on every database: a
 * reader sees the state before or after, never between, and a bad seed changes nothing.
 */
public final class ServerState {

  /** Where the seed format's JSON Schema is, as a seed's {@code $schema} names it. */
  public static final String SCHEMA = "https://standin.dev/schemas/seed.schema.json";

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private final Database database;
  private final Map<String, Seedable> sections = new LinkedHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private volatile Map<String, Seedable.Prepared> seed = Map.of();

  /** Per section, what the start flags preset, and its prepared form once first needed. */
  private final Map<String, ObjectNode> presets = new LinkedHashMap<>();

  private final Map<String, Seedable.Prepared> preparedPresets = new ConcurrentHashMap<>();

  public ServerState(Database database) {
    this.database = database;
  }

  /**
   * Adds an API's section (the order of registration is the order of the exported sections) with
   * what its start flags preset ({@code ApiModule.presets}): loaded, leaving what exists alone,
   * after every reset and every replacing load, so that preset credentials always work.
   *
   * <p>The presets are prepared when first needed: a server that is never reset pays nothing for
   * hashing their secrets once more.
   */
  public synchronized void register(Seedable seedable, Optional<ObjectNode> presetSection) {
    if (sections.putIfAbsent(seedable.section(), seedable) != null) {
      throw new IllegalStateException("two sections named " + seedable.section());
    }
    presetSection.ifPresent(section -> presets.put(seedable.section(), section));
  }

  /**
   * Moves on with every change of state made here: caches of what the store holds (remembered
   * tokens, say) compare it to drop what a reset may have removed.
   */
  public long generation() {
    return generation.get();
  }

  /** The JSON mapper of seed documents (indented output). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  // --- seeds ----------------------------------------------------------------------------------

  /**
   * Checks a seed document and prepares every section of it.
   *
   * @throws SeedException naming the first problem
   */
  public Map<String, Seedable.Prepared> prepare(byte[] json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new SeedException(
          "$",
          "not valid JSON: "
              + e.getOriginalMessage()
              + (e.getLocation() == null
                  ? ""
                  : " (line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr()
                      + ")"));
    } catch (java.io.IOException e) {
      throw new SeedException("$", "cannot be read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new SeedException("$", "must be a JSON object");
    }
    SeedNode document = new SeedNode(root, "$");
    Set<String> allowed = new LinkedHashSet<>(sections.keySet());
    allowed.add("$schema");
    document.onlyFields(allowed);
    document.optionalText("$schema");
    Map<String, Seedable.Prepared> prepared = new LinkedHashMap<>();
    for (Seedable section : sections.values()) {
      SeedNode part =
          document
              .field(section.section())
              .orElseGet(() -> new SeedNode(MAPPER.createObjectNode(), "$." + section.section()));
      prepared.put(section.section(), section.prepare(part.requireObject()));
    }
    return prepared;
  }

  /** Makes {@code json} the seed that a reset returns to (checked; not loaded). */
  public void setSeed(byte[] json) {
    seed = prepare(json);
  }

  /** Loads a seed document in one transaction; a bad seed changes nothing. */
  public void load(byte[] json, SeedMode mode) {
    Map<String, Seedable.Prepared> prepared = prepare(json);
    change(
        c -> {
          for (Seedable section : sections.values()) {
            if (mode == SeedMode.REPLACE) {
              section.clear(c, null);
            }
            prepared.get(section.section()).load(c, mode, null);
            if (mode == SeedMode.REPLACE) {
              loadPresets(c, section, null);
            }
          }
        });
  }

  /**
   * Loads the seed the server was given ({@link #setSeed}), leaving what exists alone or replacing
   * it.
   */
  public void loadSeed(SeedMode mode) {
    Map<String, Seedable.Prepared> current = seed;
    change(
        c -> {
          for (Seedable section : sections.values()) {
            if (mode == SeedMode.REPLACE) {
              section.clear(c, null);
            }
            Seedable.Prepared part = current.get(section.section());
            if (part != null) {
              part.load(c, mode, null);
            }
            if (mode == SeedMode.REPLACE) {
              loadPresets(c, section, null);
            }
          }
        });
  }

  /**
   * Resets everything, or one scope of one section, to empty or to the server's seed.
   *
   * @param sectionName null for every section
   * @param scope within {@code sectionName}: a username, a chain ID; null for the whole section
   * @throws IllegalArgumentException for an unknown section or a malformed scope
   */
  public void reset(boolean toSeed, String sectionName, String scope) {
    List<Seedable> targets = new ArrayList<>();
    if (sectionName == null) {
      targets.addAll(sections.values());
    } else {
      Seedable section = sections.get(sectionName);
      if (section == null) {
        throw new IllegalArgumentException(
            "no section '" + sectionName + "'; there are " + String.join(", ", sections.keySet()));
      }
      if (scope != null) {
        section.checkScope(scope);
      }
      targets.add(section);
    }
    Map<String, Seedable.Prepared> current = seed;
    change(
        c -> {
          for (Seedable section : targets) {
            section.clear(c, scope);
            Seedable.Prepared part = current.get(section.section());
            if (toSeed && part != null) {
              part.load(c, SeedMode.REPLACE, scope);
            }
            loadPresets(c, section, scope);
          }
        });
  }

  /** What the start flags preset, back after a reset or a replacing load (what exists stays). */
  private void loadPresets(Connection c, Seedable section, String scope) throws SQLException {
    ObjectNode preset = presets.get(section.section());
    if (preset != null) {
      preparedPresets
          .computeIfAbsent(
              section.section(),
              name -> section.prepare(new SeedNode(preset, "start flags: " + name)))
          .load(c, SeedMode.KEEP, scope);
    }
  }

  /** A snapshot of the whole state as a seed document, read in one consistent view. */
  public ObjectNode export() {
    return readAll(
        c -> {
          ObjectNode document = MAPPER.createObjectNode();
          document.put("$schema", SCHEMA);
          for (Seedable section : sections.values()) {
            document.set(section.section(), section.export(c));
          }
          return document;
        });
  }

  /**
   * The exported snapshot as the bytes the admin API answers (indented JSON, one final newline).
   */
  public byte[] exportBytes() {
    try {
      return (MAPPER.writeValueAsString(export()) + "\n")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the snapshot", e);
    }
  }

  /** What exists, section by section. */
  public ObjectNode summary() {
    return readAll(
        c -> {
          ObjectNode document = MAPPER.createObjectNode();
          for (Seedable section : sections.values()) {
            document.set(section.section(), section.summary(c));
          }
          return document;
        });
  }

  // --- transactions ---------------------------------------------------------------------------

  @FunctionalInterface
  private interface Change {
    void apply(Connection c) throws SQLException;
  }

  @FunctionalInterface
  private interface Read<T> {
    T apply(Connection c) throws SQLException;
  }

  private List<String> allTables() {
    List<String> tables = new ArrayList<>();
    sections.values().forEach(s -> tables.addAll(s.tables()));
    return tables;
  }

  /** Runs a change of state atomically; PostgreSQL may abort it once to break a deadlock. */
  private void change(Change change) {
    List<String> tables = allTables();
    for (int attempt = 1; ; attempt++) {
      try {
        database.write(
            c -> {
              database.lockTables(c, tables, true);
              change.apply(c);
              return null;
            });
        generation.incrementAndGet();
        return;
      } catch (StoreException e) {
        if (attempt >= 3 || !Database.isTransient(e)) {
          throw e;
        }
      }
    }
  }

  private <T> T readAll(Read<T> read) {
    List<String> tables = allTables();
    // A write transaction: on PostgreSQL the tables are locked against writers (reads go on) so
    // every section is read from the same state; on SQLite the one writer already is that.
    return database.write(
        c -> {
          database.lockTables(c, tables, false);
          return read.apply(c);
        });
  }
}
