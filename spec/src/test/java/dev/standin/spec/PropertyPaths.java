package dev.standin.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The request and response property paths of an OpenAPI document (3.0 or 3.1), read from its raw
 * tree so that both our bundled document and the vendor's excerpt are read the same way. Only local
 * {@code #/...} references are followed: both documents are single files.
 *
 * <p>Rules (also written in the header of every fact file this produces):
 *
 * <ul>
 *   <li>One entry per property: {@code METHOD /path}, {@code request} or {@code response(status)},
 *       the dotted path from the body's root, and a type descriptor.
 *   <li>Only the JSON ({@code application/json}) request body and the 2xx JSON responses count.
 *       Error bodies are the same {@code {error: {type, message}}} everywhere.
 *   <li>{@code /v2/acts/...} is the same operation as {@code /v2/actors/...}.
 *   <li>Array items add {@code []} to the path ({@code versions[].envVars[].name}); the values of
 *       an {@code additionalProperties} map add {@code {}} ({@code taggedBuilds{}.buildId}).
 *   <li>{@code allOf}, {@code oneOf} and {@code anyOf}: the union of the properties of every branch
 *       (a property any branch defines is a property a client may meet); a {@code null} branch only
 *       makes the property nullable.
 *   <li>A schema met again inside itself is not walked again (no endless recursion).
 * </ul>
 */
final class PropertyPaths {

  /** One property of one body of one operation. */
  record Entry(String operation, String body, String path, String type) {

    /** The operation, body and path: what must be present. */
    String key() {
      return operation + "  " + body + "  " + path;
    }

    String line() {
      return key() + "  " + type;
    }

    static Entry parse(String line) {
      String[] parts = line.split(" {2}", 4);
      if (parts.length != 4) {
        throw new IllegalArgumentException("not a property path line: " + line);
      }
      return new Entry(parts[0], parts[1], parts[2], parts[3]);
    }
  }

  /** The body column of the one line per operation that says the operation exists. */
  static final String OPERATION = "operation";

  private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");

  private final JsonNode document;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  private PropertyPaths(JsonNode document) {
    this.document = document;
  }

  static List<Entry> of(Path file) {
    try {
      return of(Yaml.mapper().readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Entry> of(JsonNode document) {
    PropertyPaths paths = new PropertyPaths(document);
    paths.walkPaths();
    return List.copyOf(paths.entries.values());
  }

  /** {@code /v2/acts/...} → {@code /v2/actors/...}; every other path as it is. */
  static String sameOperation(String path) {
    if (path.equals("/v2/acts")) {
      return "/v2/actors";
    }
    return path.startsWith("/v2/acts/")
        ? "/v2/actors/" + path.substring("/v2/acts/".length())
        : path;
  }

  private void walkPaths() {
    Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      JsonNode item = resolve(path.getValue());
      for (String method : METHODS) {
        JsonNode op = item.get(method);
        if (op == null) {
          continue;
        }
        String operation =
            method.toUpperCase(java.util.Locale.ROOT) + " " + sameOperation(path.getKey());
        Entry declared = new Entry(operation, OPERATION, "-", "-");
        entries.putIfAbsent(declared.key(), declared);
        JsonNode body = resolve(op.path("requestBody"));
        JsonNode requestSchema = body.path("content").path("application/json").path("schema");
        if (!requestSchema.isMissingNode()) {
          walk(operation, "request", requestSchema, "", new ArrayDeque<>());
        }
        Iterator<Map.Entry<String, JsonNode>> responses = op.path("responses").fields();
        while (responses.hasNext()) {
          Map.Entry<String, JsonNode> response = responses.next();
          if (!response.getKey().startsWith("2")) {
            continue;
          }
          JsonNode schema =
              resolve(response.getValue()).path("content").path("application/json").path("schema");
          if (!schema.isMissingNode()) {
            walk(operation, "response(" + response.getKey() + ")", schema, "", new ArrayDeque<>());
          }
        }
      }
    }
  }

  private void walk(
      String operation, String body, JsonNode schema, String prefix, Deque<String> stack) {
    String ref = schema.path("$ref").asText(null);
    if (ref != null) {
      if (stack.contains(ref)) {
        return;
      }
      stack.push(ref);
      walk(operation, body, resolve(schema), prefix, stack);
      stack.pop();
      return;
    }
    for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
      for (JsonNode branch : schema.path(combinator)) {
        walk(operation, body, branch, prefix, stack);
      }
    }
    Set<String> required = required(schema);
    Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
    while (properties.hasNext()) {
      Map.Entry<String, JsonNode> property = properties.next();
      String path = prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey();
      Entry entry =
          new Entry(
              operation,
              body,
              path,
              describe(property.getValue())
                  + (required.contains(property.getKey()) ? " required" : ""));
      entries.merge(entry.key(), entry, PropertyPaths::union);
      walk(operation, body, property.getValue(), path, stack);
    }
    JsonNode items = schema.get("items");
    if (items != null && items.isObject()) {
      walk(operation, body, items, prefix + "[]", stack);
    }
    JsonNode values = schema.get("additionalProperties");
    if (values != null && values.isObject()) {
      walk(operation, body, values, prefix + "{}", stack);
    }
  }

  /**
   * One path defined by two branches of a {@code oneOf} or {@code anyOf}: its types and values are
   * the union of both; it is required when either branch requires it.
   */
  static Entry union(Entry a, Entry b) {
    if (a.type().equals(b.type())) {
      return a;
    }
    Set<String> types = new TreeSet<>();
    Set<String> values = new LinkedHashSet<>();
    boolean required = false;
    for (String descriptor : List.of(a.type(), b.type())) {
      String rest = descriptor;
      if (rest.endsWith(" required")) {
        required = true;
        rest = rest.substring(0, rest.length() - " required".length());
      }
      int enumAt = rest.indexOf(" enum(");
      if (enumAt >= 0) {
        values.addAll(List.of(rest.substring(enumAt + 6, rest.length() - 1).split(",")));
        rest = rest.substring(0, enumAt);
      }
      types.addAll(List.of(rest.split("\\|")));
    }
    String type = String.join("|", types);
    type = values.isEmpty() ? type : type + " enum(" + String.join(",", values) + ")";
    return new Entry(a.operation(), a.body(), a.path(), required ? type + " required" : type);
  }

  /** The names a schema lists as required (each {@code allOf} part is walked with its own). */
  private Set<String> required(JsonNode schema) {
    Set<String> names = new LinkedHashSet<>();
    schema.path("required").forEach(n -> names.add(n.asText()));
    return names;
  }

  /**
   * A short, comparable description of a property's schema: its JSON types joined with {@code |}
   * ({@code null} when it may be null), then {@code enum(A,B)} when its values are listed.
   */
  String describe(JsonNode schema) {
    Set<String> types = new TreeSet<>();
    Set<String> values = new LinkedHashSet<>();
    collect(schema, types, values, new ArrayDeque<>());
    String type = types.isEmpty() ? "any" : String.join("|", types);
    return values.isEmpty() ? type : type + " enum(" + String.join(",", values) + ")";
  }

  private void collect(
      JsonNode schema, Set<String> types, Set<String> values, Deque<String> stack) {
    String ref = schema.path("$ref").asText(null);
    if (ref != null) {
      if (!stack.contains(ref)) {
        stack.push(ref);
        collect(resolve(schema), types, values, stack);
        stack.pop();
      }
      return;
    }
    JsonNode type = schema.get("type");
    if (type != null && type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    } else if (type != null) {
      types.add(type.asText());
    } else if (schema.has("properties") || schema.has("additionalProperties")) {
      types.add("object");
    } else if (schema.has("items")) {
      types.add("array");
    }
    if (schema.path("nullable").asBoolean(false)) {
      types.add("null");
    }
    schema
        .path("enum")
        .forEach(
            v -> {
              if (!v.isNull()) {
                values.add(v.asText());
              }
            });
    if (schema.has("const")) {
      values.add(schema.get("const").asText());
    }
    for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
      for (JsonNode branch : schema.path(combinator)) {
        collect(branch, types, values, stack);
      }
    }
  }

  /** Follows a local {@code $ref} (repeatedly); anything else is returned as it is. */
  private JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; hops < 20; hops++) {
      String ref = current.path("$ref").asText(null);
      if (ref == null) {
        return current;
      }
      if (!ref.startsWith("#/")) {
        throw new IllegalArgumentException("only local $refs can be followed: " + ref);
      }
      current = document.at(ref.substring(1));
      if (current.isMissingNode()) {
        throw new IllegalArgumentException("dangling $ref: " + ref);
      }
    }
    throw new IllegalArgumentException("$ref chain too long at " + node);
  }

  /** The operations an entry list covers, each once, in order. */
  static List<String> operations(List<Entry> entries) {
    List<String> ops = new ArrayList<>();
    entries.stream().filter(e -> e.body().equals(OPERATION)).forEach(e -> ops.add(e.operation()));
    return ops;
  }
}
