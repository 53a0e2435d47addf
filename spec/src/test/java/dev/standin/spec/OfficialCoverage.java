package dev.standin.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How much of a vendor's official document our spec covers, measured on request/response property
 * paths ({@link PropertyPaths}). The official paths are a committed fact file of our own making,
 * {@code src/test/resources/official/<api>-property-paths.txt}, derived from the vendor's document
 * by {@link OfficialFactsTest} on demand; the build never reads the vendor's document itself.
 */
final class OfficialCoverage {

  /** Where the fact file of an API lives on the test classpath. */
  static String resource(String api) {
    return "/official/" + api + "-property-paths.txt";
  }

  /** The outcome of one comparison. */
  record Result(
      List<String> officialOperations,
      List<String> missingOperations,
      List<PropertyPaths.Entry> official,
      List<PropertyPaths.Entry> missing,
      List<String> typeDifferences) {

    int covered() {
      return official.size() - missing.size();
    }

    double percent() {
      return official.isEmpty() ? 100 : 100.0 * covered() / official.size();
    }

    /** Empty when everything is covered; otherwise one line per missing operation or path. */
    List<String> problems() {
      List<String> problems = new ArrayList<>();
      missingOperations.forEach(op -> problems.add("[official-operation] missing: " + op));
      missing.forEach(e -> problems.add("[official-property] missing: " + e.key()));
      return problems;
    }

    String markdown(String api) {
      StringBuilder md = new StringBuilder();
      md.append("## Coverage of the vendor's official document\n\n");
      md.append(
          String.format(
              Locale.ROOT,
              "Operations: %d of %d. Request/response property paths: %d of %d (%.1f %%).%n%n",
              officialOperations.size() - missingOperations.size(),
              officialOperations.size(),
              covered(),
              official.size(),
              percent()));
      md.append("| operation | paths covered | of | % |\n|---|---:|---:|---:|\n");
      Map<String, int[]> perOperation = new LinkedHashMap<>();
      officialOperations.forEach(op -> perOperation.put(op, new int[2]));
      official.forEach(e -> perOperation.get(e.operation())[1]++);
      Set<String> missingKeys =
          missing.stream().map(PropertyPaths.Entry::key).collect(Collectors.toSet());
      official.stream()
          .filter(e -> !missingKeys.contains(e.key()))
          .forEach(e -> perOperation.get(e.operation())[0]++);
      perOperation.forEach(
          (op, counts) ->
              md.append(
                  String.format(
                      Locale.ROOT,
                      "| `%s`%s | %d | %d | %.0f |%n",
                      op,
                      missingOperations.contains(op) ? " (missing)" : "",
                      counts[0],
                      counts[1],
                      counts[1] == 0 ? 100.0 : 100.0 * counts[0] / counts[1])));
      if (!missing.isEmpty()) {
        md.append("\nMissing property paths:\n\n");
        missing.forEach(e -> md.append("- `").append(e.key()).append("`\n"));
      }
      if (!typeDifferences.isEmpty()) {
        md.append(
            "\nPaths present whose type, nullability, enum or required-ness differ from the"
                + " official document (for review; not a failure):\n\n");
        typeDifferences.forEach(d -> md.append("- ").append(d).append('\n'));
      }
      return md.toString();
    }
  }

  private OfficialCoverage() {}

  /** The official entries of a fact file (comment and blank lines skipped). */
  static List<PropertyPaths.Entry> readFacts(InputStream in) {
    try {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(PropertyPaths.Entry::parse)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The official entries of an API, or null when the API has no fact file. */
  static List<PropertyPaths.Entry> facts(String api) {
    try (InputStream in = OfficialCoverage.class.getResourceAsStream(resource(api))) {
      return in == null ? null : readFacts(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Result compare(List<PropertyPaths.Entry> official, List<PropertyPaths.Entry> ours) {
    Map<String, PropertyPaths.Entry> byKey = new LinkedHashMap<>();
    ours.forEach(e -> byKey.putIfAbsent(e.key(), e));
    List<String> officialOperations = PropertyPaths.operations(official);
    List<String> ourOperations = PropertyPaths.operations(ours);
    List<String> missingOperations =
        officialOperations.stream().filter(op -> !ourOperations.contains(op)).toList();
    List<PropertyPaths.Entry> properties =
        official.stream().filter(e -> !e.body().equals(PropertyPaths.OPERATION)).toList();
    List<PropertyPaths.Entry> missing = new ArrayList<>();
    List<String> differences = new ArrayList<>();
    for (PropertyPaths.Entry e : properties) {
      PropertyPaths.Entry mine = byKey.get(e.key());
      if (mine == null) {
        missing.add(e);
      } else if (!mine.type().equals(e.type())) {
        differences.add(
            "`" + e.key() + "`: official `" + e.type() + "`, ours `" + mine.type() + "`");
      }
    }
    return new Result(officialOperations, missingOperations, properties, missing, differences);
  }

  /** The header of a fact file derived from the given official document. */
  static String header(String api, Path source, JsonNode document) {
    String version = document.path("info").path("version").asText("?");
    String openapi = document.path("openapi").asText("?");
    return String.join(
            "\n",
            "# Request and response property paths of the vendor's official " + api + " document.",
            "# Derived (a fact file of our own making, not the vendor's text) from "
                + source.getFileName()
                + ", OpenAPI "
                + openapi
                + ", info.version "
                + version
                + ",",
            "# by dev.standin.spec.OfficialFactsTest; regenerate with",
            "#   mvn -B -pl spec test -Dtest=OfficialFactsTest -Dofficial."
                + api
                + ".excerpt=<path of the excerpt>",
            "# Format: METHOD /path  body  dotted.property.path  type   (two spaces between columns)",
            "#   body: `operation` (one line per operation: it exists; path and type are `-`),",
            "#         `request` (the application/json request body) or `response(status)` (2xx JSON",
            "#         answers only; every error body is the same {error: {type, message}}).",
            "#   /v2/acts/... is the same operation as /v2/actors/... and is listed once, as /v2/actors.",
            "#   `[]` follows an array property whose items have properties (versions[].envVars[].name);",
            "#   `{}` follows a map (additionalProperties) whose values have properties",
            "#   (taggedBuilds{}.buildId).",
            "#   allOf/oneOf/anyOf: the union of the properties of every branch; a `null` branch, 3.1's",
            "#   `type: [x, 'null']` and 3.0's `nullable: true` all read as type `x|null`.",
            "#   $refs are resolved; a schema met again inside itself is not walked again.",
            "#   type: JSON types joined by `|`, then `enum(...)` when the values are listed (a 3.1",
            "#   `const` counts as a one-value enum), then ` required` when the parent requires it.",
            "#   Formats, patterns, bounds and descriptions are left out.",
            "")
        + "\n";
  }

  /** Writes the fact file of one API from the vendor's document. */
  static void writeFacts(String api, Path excerpt, Path target) throws IOException {
    JsonNode document = Yaml.mapper().readTree(excerpt.toFile());
    StringBuilder text = new StringBuilder(header(api, excerpt, document));
    PropertyPaths.of(document).forEach(e -> text.append(e.line()).append('\n'));
    Files.createDirectories(target.getParent());
    Files.writeString(target, text.toString());
  }
}
