package dev.standin.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which components of a document are used: reachable by {@code $ref} from outside {@code
 * components} (directly or through other components), or, for security schemes, named in a security
 * requirement.
 */
final class ComponentUsage {

  private ComponentUsage() {}

  /** The unused components, each as {@code kind/name}, e.g. {@code schemas/Task}. */
  static Set<String> unused(OpenAPI openApi) {
    JsonNode document = Json.mapper().valueToTree(openApi);
    JsonNode components = document.path("components");
    Set<String> unused = new TreeSet<>();
    if (components.isMissingNode()) {
      return unused;
    }
    Set<String> used = new HashSet<>();
    Set<String> securityNames = new HashSet<>();
    Deque<JsonNode> toScan = new ArrayDeque<>();
    document.path("security").forEach(req -> req.fieldNames().forEachRemaining(securityNames::add));
    document
        .fields()
        .forEachRemaining(
            field -> {
              if (!field.getKey().equals("components")) {
                toScan.add(field.getValue());
              }
            });
    while (!toScan.isEmpty()) {
      JsonNode node = toScan.pop();
      for (JsonNode requirements : node.findValues("security")) {
        requirements.forEach(req -> req.fieldNames().forEachRemaining(securityNames::add));
      }
      for (JsonNode ref : node.findValues("$ref")) {
        String pointer = ref.asText();
        if (pointer.startsWith("#/components/") && used.add(pointer)) {
          JsonNode target = document.at(pointer.substring(1));
          if (!target.isMissingNode()) {
            toScan.add(target);
          }
        }
      }
    }
    components
        .fields()
        .forEachRemaining(
            kind ->
                kind.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        name -> {
                          boolean isUsed =
                              kind.getKey().equals("securitySchemes")
                                  ? securityNames.contains(name)
                                  : used.contains("#/components/" + kind.getKey() + "/" + name);
                          if (!isUsed) {
                            unused.add(kind.getKey() + "/" + name);
                          }
                        }));
    return unused;
  }

  /**
   * Removes the unused components, so the bundle holds only what its paths use. swagger-parser
   * inlines path-level parameters into each operation but still copies them into {@code
   * components}; this drops such leftovers.
   */
  static void prune(OpenAPI openApi) {
    Components components = openApi.getComponents();
    for (String unused : unused(openApi)) {
      String kind = unused.substring(0, unused.indexOf('/'));
      String name = unused.substring(unused.indexOf('/') + 1);
      Map<String, ?> ofKind =
          switch (kind) {
            case "schemas" -> components.getSchemas();
            case "responses" -> components.getResponses();
            case "parameters" -> components.getParameters();
            case "examples" -> components.getExamples();
            case "requestBodies" -> components.getRequestBodies();
            case "headers" -> components.getHeaders();
            case "securitySchemes" -> components.getSecuritySchemes();
            case "links" -> components.getLinks();
            case "callbacks" -> components.getCallbacks();
            default -> null;
          };
      if (ofKind != null) {
        ofKind.remove(name);
      }
    }
  }
}
