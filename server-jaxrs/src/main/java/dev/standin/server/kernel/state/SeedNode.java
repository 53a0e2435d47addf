package dev.standin.server.kernel.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A node of a seed document and its JSON path, with typed reads that fail as {@link SeedException}
 * naming that path: what a vendor's {@link Seedable} reads its section with.
 */
public record SeedNode(JsonNode node, String path) {

  /** Refuses properties other than {@code allowed}: a typo should not be silently ignored. */
  public SeedNode onlyFields(Set<String> allowed) {
    requireObject();
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new SeedException(
            path + "." + name, "unknown property (expected one of " + sorted(allowed) + ")");
      }
    }
    return this;
  }

  private static String sorted(Set<String> names) {
    return String.join(", ", new java.util.TreeSet<>(names));
  }

  public SeedNode requireObject() {
    if (!node.isObject()) {
      throw new SeedException(path, "must be an object");
    }
    return this;
  }

  /** The property, when present and not null. */
  public Optional<SeedNode> field(String name) {
    JsonNode child = node.get(name);
    return child == null || child.isNull()
        ? Optional.empty()
        : Optional.of(new SeedNode(child, path + "." + name));
  }

  public SeedNode required(String name) {
    return field(name).orElseThrow(() -> new SeedException(path + "." + name, "is required"));
  }

  /** The elements of an array property; none when it is absent. */
  public List<SeedNode> array(String name) {
    Optional<SeedNode> field = field(name);
    if (field.isEmpty()) {
      return List.of();
    }
    if (!field.get().node().isArray()) {
      throw new SeedException(field.get().path(), "must be an array");
    }
    List<SeedNode> items = new ArrayList<>();
    for (int i = 0; i < field.get().node().size(); i++) {
      items.add(new SeedNode(field.get().node().get(i), field.get().path() + "[" + i + "]"));
    }
    return items;
  }

  public String text() {
    if (!node.isTextual()) {
      throw new SeedException(path, "must be a string");
    }
    return node.textValue();
  }

  public Optional<String> optionalText(String name) {
    return field(name).map(SeedNode::text);
  }

  public String requiredText(String name) {
    String text = required(name).text();
    if (text.isEmpty()) {
      throw new SeedException(path + "." + name, "must not be empty");
    }
    return text;
  }

  public long longValue() {
    if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 1) {
      throw new SeedException(path, "must be a positive integer");
    }
    return node.longValue();
  }

  public Optional<Instant> optionalInstant(String name) {
    return field(name)
        .map(
            field -> {
              try {
                return OffsetDateTime.parse(field.text()).toInstant();
              } catch (DateTimeParseException e) {
                throw new SeedException(
                    field.path(),
                    "must be an RFC 3339 time with offset, e.g. 2026-01-01T00:00:00Z");
              }
            });
  }

  /** Fails at this node's path. */
  public SeedException problem(String message) {
    return new SeedException(path, message);
  }
}
