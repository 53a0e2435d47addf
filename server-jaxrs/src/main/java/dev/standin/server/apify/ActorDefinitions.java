package dev.standin.server.apify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.standin.apify.model.ActorDefinition;
import dev.standin.apify.model.SourceCodeEntry;
import dev.standin.apify.model.SourceCodeFileFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a build reads of its version's source (ADR 0024): the Actor's definition, the object in
 * {@code .actor/actor.json}. Its {@code input} and {@code readme} may name a file of the source
 * instead (relative to {@code .actor/}); the file's content is then given in their place, as the
 * vendor's builds do. Source that is not a readable definition gives none: a build never fails.
 */
final class ActorDefinitions {

  static final String DEFINITION_FILE = ".actor/actor.json";

  private static final Pattern VERSION = Pattern.compile("^[0-9]+(\\.[0-9]+)+$");

  private ActorDefinitions() {}

  /** The definition in {@code sourceFiles}, or empty when there is none or it is not readable. */
  static Optional<ActorDefinition> read(List<SourceCodeEntry> sourceFiles, ObjectMapper mapper) {
    if (sourceFiles == null) {
      return Optional.empty();
    }
    return content(sourceFiles, DEFINITION_FILE)
        .flatMap(text -> parse(text, mapper))
        .filter(JsonNode::isObject)
        .map(node -> (ObjectNode) node)
        .flatMap(
            definition -> {
              inlineFile(definition, "readme", sourceFiles, false, mapper);
              inlineFile(definition, "input", sourceFiles, true, mapper);
              try {
                return Optional.of(mapper.treeToValue(definition, ActorDefinition.class))
                    .filter(ActorDefinitions::keepsTheRules);
              } catch (Exception e) {
                return Optional.empty(); // a property of the wrong type: no definition
              }
            });
  }

  /** The limits the spec sets on a definition's properties; outside them there is none. */
  private static boolean keepsTheRules(ActorDefinition definition) {
    Integer specification = definition.getActorSpecification();
    return (specification == null || specification == 1)
        && (definition.getVersion() == null || VERSION.matcher(definition.getVersion()).matches())
        && atLeast(definition.getMinMemoryMbytes(), 128)
        && atLeast(definition.getMaxMemoryMbytes(), 128);
  }

  private static boolean atLeast(Integer value, int minimum) {
    return value == null || value >= minimum;
  }

  /** The input schema as JSON text, as the deprecated {@code inputSchema} carries it. */
  static Optional<String> inputSchemaText(ActorDefinition definition, ObjectMapper mapper) {
    if (definition.getInput() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(mapper.writeValueAsString(definition.getInput()));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /**
   * Replaces a property that names a source file (a string) by that file's content: parsed JSON for
   * {@code asJson}, text otherwise. A name that matches no file is left as it is.
   */
  private static void inlineFile(
      ObjectNode definition,
      String property,
      List<SourceCodeEntry> sourceFiles,
      boolean asJson,
      ObjectMapper mapper) {
    JsonNode value = definition.get(property);
    if (value == null || !value.isTextual()) {
      return;
    }
    String name = Path.of(".actor").resolve(value.asText()).normalize().toString();
    Optional<String> text = content(sourceFiles, name);
    if (text.isEmpty()) {
      return;
    }
    if (!asJson) {
      definition.put(property, text.get());
      return;
    }
    parse(text.get(), mapper).ifPresent(json -> definition.set(property, json));
  }

  /** The text of the file {@code name} (BASE64 files decoded), when the source has it. */
  private static Optional<String> content(List<SourceCodeEntry> sourceFiles, String name) {
    return sourceFiles.stream()
        .filter(f -> f != null && name.equals(f.getName()) && !Boolean.TRUE.equals(f.getFolder()))
        .filter(f -> f.getContent() != null)
        .findFirst()
        .flatMap(
            f -> {
              if (f.getFormat() != SourceCodeFileFormat.BASE64) {
                return Optional.of(f.getContent());
              }
              try {
                return Optional.of(
                    new String(Base64.getDecoder().decode(f.getContent()), StandardCharsets.UTF_8));
              } catch (IllegalArgumentException e) {
                return Optional.empty();
              }
            });
  }

  private static Optional<JsonNode> parse(String text, ObjectMapper mapper) {
    try {
      return Optional.ofNullable(mapper.readTree(text));
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
