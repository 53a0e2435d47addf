package dev.standin.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * House rules for our OpenAPI documents, beyond what swagger-parser validates. Each problem names
 * the document, the place and the rule, so a reviewer can fix it without reading this class.
 */
public final class SpecLint {

  private static final Set<String> SCHEMA_TYPES =
      Set.of("string", "number", "integer", "boolean", "array", "object");
  private static final Pattern RENAMED = Pattern.compile("(.+)_\\d+");
  private static final Pattern REF = Pattern.compile("\\$ref:\\s*['\"]?([^'\"#\\s]+)");

  private SpecLint() {}

  public static List<String> check(Path root, OpenAPI openApi) {
    List<String> problems = new ArrayList<>();
    checkOperations(root, openApi, problems);
    checkUniqueOperationIds(root, openApi, problems);
    checkSchemaTypes(root, openApi, problems);
    checkUniqueSchemaNames(root, openApi, problems);
    checkEveryComponentIsUsed(root, openApi, problems);
    checkEveryFileIsUsed(root, problems);
    return problems;
  }

  private static void checkOperations(Path root, OpenAPI openApi, List<String> problems) {
    if (openApi.getPaths() == null || openApi.getPaths().isEmpty()) {
      problems.add(root + ": [paths] the document defines no paths");
      return;
    }
    openApi
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, op) -> checkOperation(root, path, method, op, openApi, problems)));
  }

  /**
   * Code generators camel-case operationIds ({@code actor_build_get} and {@code actorBuild_get}
   * both become {@code actorBuildGet}) and number the clashes ({@code actorBuildGet_1}), so two IDs
   * that differ only in separators or case would give a method whose name says nothing.
   */
  private static void checkUniqueOperationIds(Path root, OpenAPI openApi, List<String> problems) {
    if (openApi.getPaths() == null) {
      return;
    }
    Map<String, List<String>> byMethodName = new TreeMap<>();
    openApi
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, op) -> {
                          if (!isBlank(op.getOperationId())) {
                            byMethodName
                                .computeIfAbsent(
                                    methodName(op.getOperationId()), k -> new ArrayList<>())
                                .add(op.getOperationId() + " (" + method + " " + path + ")");
                          }
                        }));
    byMethodName.forEach(
        (name, ids) -> {
          if (ids.size() > 1) {
            problems.add(
                root
                    + ": [unique-operation-id] these operationIds give one generated method name ("
                    + name
                    + "): "
                    + String.join(", ", ids));
          }
        });
  }

  /** The generated method's name, ignoring case: separators dropped. */
  static String methodName(String operationId) {
    return operationId.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
  }

  private static void checkOperation(
      Path root,
      String path,
      PathItem.HttpMethod method,
      Operation op,
      OpenAPI openApi,
      List<String> problems) {
    String where = root + ": " + method + " " + path + ": ";
    if (isBlank(op.getOperationId())) {
      problems.add(where + "[operation-id] every operation needs an operationId");
    }
    if (op.getTags() == null || op.getTags().size() != 1) {
      problems.add(where + "[one-tag] every operation needs exactly one tag");
    }
    if (isBlank(op.getSummary())) {
      problems.add(where + "[summary] every operation needs a summary");
    }
    if (isBlank(op.getDescription())) {
      problems.add(where + "[description] every operation needs a description");
    }
    Map<String, ApiResponse> responses = op.getResponses() == null ? Map.of() : op.getResponses();
    if (responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
      problems.add(where + "[success-response] no 2xx response declared");
    }
    boolean secured =
        op.getSecurity() != null ? !op.getSecurity().isEmpty() : hasGlobalSecurity(openApi);
    if (secured && !responses.containsKey("401")) {
      problems.add(where + "[auth-errors] a secured operation must declare 401");
    }
    if (!responses.containsKey("405")) {
      problems.add(where + "[method-errors] every operation must declare 405");
    }
    responses.forEach(
        (code, declared) -> {
          if (!(code.startsWith("4") || code.startsWith("5"))) {
            return;
          }
          ApiResponse response = dereference(openApi, declared);
          MediaType json =
              response.getContent() == null ? null : response.getContent().get("application/json");
          if (json == null || json.getSchema() == null) {
            problems.add(where + code + ": [error-body] error responses need a JSON schema");
          } else if (json.getExample() == null
              && (json.getExamples() == null || json.getExamples().isEmpty())) {
            problems.add(where + code + ": [error-example] error responses need an example");
          }
        });
  }

  private static ApiResponse dereference(OpenAPI openApi, ApiResponse response) {
    String ref = response.get$ref();
    if (ref == null || openApi.getComponents() == null) {
      return response;
    }
    String name = ref.substring(ref.lastIndexOf('/') + 1);
    ApiResponse target = openApi.getComponents().getResponses().get(name);
    return target == null ? response : target;
  }

  private static boolean hasGlobalSecurity(OpenAPI openApi) {
    return openApi.getSecurity() != null && !openApi.getSecurity().isEmpty();
  }

  private static void checkSchemaTypes(Path root, OpenAPI openApi, List<String> problems) {
    Set<Schema<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
      openApi
          .getComponents()
          .getSchemas()
          .forEach((name, schema) -> walk(root, name, schema, seen, problems));
    }
  }

  @SuppressWarnings("rawtypes")
  private static void walk(
      Path root, String where, Schema<?> schema, Set<Schema<?>> seen, List<String> problems) {
    if (schema == null || !seen.add(schema)) {
      return;
    }
    if (schema.getType() != null && !SCHEMA_TYPES.contains(schema.getType())) {
      problems.add(
          root + ": schema " + where + ": [schema-type] unknown type '" + schema.getType() + "'");
    }
    if (schema.getProperties() != null) {
      for (Map.Entry<String, Schema> e : schema.getProperties().entrySet()) {
        walk(root, where + "." + e.getKey(), e.getValue(), seen, problems);
      }
    }
    walk(root, where + "[]", schema.getItems(), seen, problems);
    if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
      walk(root, where + "{}", additional, seen, problems);
    }
    for (List<Schema> composed :
        Stream.of(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())
            .filter(l -> l != null)
            .toList()) {
      for (Schema part : composed) {
        walk(root, where, part, seen, problems);
      }
    }
  }

  /**
   * A component's name comes from its file name ({@code schemas/Task.yaml} becomes {@code Task}).
   * Two files of one name in different folders make the parser rename one ({@code Task_1}), and
   * names that differ only in case collide as generated classes on case-insensitive file systems.
   */
  @SuppressWarnings("rawtypes")
  private static void checkUniqueSchemaNames(Path root, OpenAPI openApi, List<String> problems) {
    Path dir = root.getParent();
    Map<String, List<Path>> byName = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      files
          .filter(p -> p.toString().endsWith(".yaml") && !p.equals(root))
          .map(dir::relativize)
          .filter(p -> p.getNameCount() > 1)
          .forEach(
              p -> {
                String name = p.getFileName().toString().replaceFirst("\\.yaml$", "");
                String key = p.getName(0) + "/" + name.toLowerCase(Locale.ROOT);
                byName.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byName.values().stream()
        .filter(paths -> paths.size() > 1)
        .forEach(
            paths ->
                problems.add(
                    root
                        + ": [unique-schema-name] these files would become components of the same"
                        + " name: "
                        + paths));

    Map<String, Schema> schemas =
        openApi.getComponents() == null || openApi.getComponents().getSchemas() == null
            ? Map.of()
            : openApi.getComponents().getSchemas();
    Map<String, String> lowerCase = new HashMap<>();
    for (String name : schemas.keySet()) {
      String clash = lowerCase.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
      if (clash != null) {
        problems.add(
            root
                + ": schema "
                + name
                + ": [unique-schema-name] differs only in case from schema "
                + clash);
      }
      Matcher renamed = RENAMED.matcher(name);
      if (renamed.matches() && schemas.containsKey(renamed.group(1))) {
        problems.add(
            root
                + ": schema "
                + name
                + ": [unique-schema-name] two different schemas are named "
                + renamed.group(1)
                + "; the parser renamed one");
      }
    }
  }

  /**
   * A component written in the root document that nothing refers to is dead text a reader would
   * wrongly take for part of the contract. (Components the parser brought in from files and then
   * inlined are dropped from the bundle by {@link ComponentUsage#prune}; unused files are caught by
   * the unused-file rule.)
   */
  private static void checkEveryComponentIsUsed(Path root, OpenAPI openApi, List<String> problems) {
    JsonNode authored;
    try {
      authored = Yaml.mapper().readTree(root.toFile()).path("components");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String unused : ComponentUsage.unused(openApi)) {
      if (!authored.at("/" + unused).isMissingNode()) {
        problems.add(
            root
                + ": components/"
                + unused
                + ": [unused-component] nothing refers to this component");
      }
    }
  }

  /** A file in the document's folder that nothing references is dead weight or a forgotten $ref. */
  private static void checkEveryFileIsUsed(Path root, List<String> problems) {
    Path dir = root.getParent();
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> yamlFiles =
          files.filter(p -> p.toString().endsWith(".yaml")).map(Path::normalize).toList();
      Set<Path> referenced = new HashSet<>();
      for (Path file : yamlFiles) {
        Matcher m = REF.matcher(Files.readString(file));
        while (m.find()) {
          referenced.add(file.getParent().resolve(m.group(1)).normalize());
        }
      }
      for (Path file : yamlFiles) {
        if (!file.equals(root.normalize()) && !referenced.contains(file)) {
          problems.add(dir.relativize(file) + ": [unused-file] nothing references this file");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
