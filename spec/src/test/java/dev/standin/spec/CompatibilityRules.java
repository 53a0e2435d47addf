package dev.standin.spec;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Breaking changes that openapi-diff does not report, checked between a released document and its
 * successor. Absent and {@code null} differ everywhere in our APIs, so:
 *
 * <ul>
 *   <li>{@code [removed-nullable]} dropping {@code nullable: true} breaks clients that send or
 *       expect {@code null} (in a request it would now be rejected; in a response, typed clients
 *       lose the difference between absent and {@code null});
 *   <li>{@code [removed-response-property]} dropping a response property, optional or not, breaks
 *       every client that reads it.
 * </ul>
 */
final class CompatibilityRules {

  private enum Direction {
    REQUEST,
    RESPONSE
  }

  private final OpenAPI before;
  private final OpenAPI after;
  private final List<String> breaks = new ArrayList<>();
  private final Set<String> comparedRefs = new HashSet<>();

  private CompatibilityRules(OpenAPI before, OpenAPI after) {
    this.before = before;
    this.after = after;
  }

  /** Every break found, each as "METHOD /path place: [rule] what changed". */
  static List<String> check(OpenAPI before, OpenAPI after) {
    CompatibilityRules rules = new CompatibilityRules(before, after);
    rules.compareOperations();
    return rules.breaks;
  }

  private void compareOperations() {
    if (before.getPaths() == null || after.getPaths() == null) {
      return;
    }
    before
        .getPaths()
        .forEach(
            (path, oldItem) -> {
              PathItem newItem = after.getPaths().get(path);
              if (newItem == null) {
                return; // a removed path: openapi-diff reports it
              }
              Map<PathItem.HttpMethod, Operation> newOps = newItem.readOperationsMap();
              oldItem
                  .readOperationsMap()
                  .forEach(
                      (method, oldOp) -> {
                        Operation newOp = newOps.get(method);
                        if (newOp != null) {
                          compareOperation(method + " " + path, oldOp, newOp);
                        }
                      });
            });
  }

  private void compareOperation(String where, Operation oldOp, Operation newOp) {
    RequestBody oldBody = requestBody(before, oldOp.getRequestBody());
    RequestBody newBody = requestBody(after, newOp.getRequestBody());
    if (oldBody != null && newBody != null) {
      compareContent(
          where + " request", oldBody.getContent(), newBody.getContent(), Direction.REQUEST);
    }
    if (oldOp.getResponses() == null || newOp.getResponses() == null) {
      return;
    }
    oldOp
        .getResponses()
        .forEach(
            (status, oldResponse) -> {
              ApiResponse newResponse = newOp.getResponses().get(status);
              if (newResponse != null) {
                compareContent(
                    where + " " + status,
                    response(before, oldResponse).getContent(),
                    response(after, newResponse).getContent(),
                    Direction.RESPONSE);
              }
            });
  }

  private void compareContent(String where, Content oldContent, Content newContent, Direction d) {
    if (oldContent == null || newContent == null) {
      return;
    }
    oldContent.forEach(
        (type, oldMedia) -> {
          MediaType newMedia = newContent.get(type);
          if (newMedia != null) {
            comparedRefs.clear();
            compareSchema(where + " " + type, "", oldMedia.getSchema(), newMedia.getSchema(), d);
          }
        });
  }

  /**
   * Compares one schema of a body; {@code field} is the place inside the body ({@code data.title},
   * {@code items[]}), empty for the body itself.
   */
  @SuppressWarnings("rawtypes")
  private void compareSchema(
      String where, String field, Schema oldRaw, Schema newRaw, Direction d) {
    if (oldRaw == null || newRaw == null) {
      return;
    }
    if (oldRaw.get$ref() != null
        && newRaw.get$ref() != null
        && !comparedRefs.add(oldRaw.get$ref() + "|" + newRaw.get$ref())) {
      return; // already compared in this body (recursive schemas end here)
    }
    Schema oldSchema = schema(before, oldRaw);
    Schema newSchema = schema(after, newRaw);
    String place = where + " " + (field.isEmpty() ? "(body)" : field);
    if (Boolean.TRUE.equals(oldSchema.getNullable())
        && !Boolean.TRUE.equals(newSchema.getNullable())) {
      breaks.add(place + ": [removed-nullable] `nullable: true` was removed");
    }
    String prefix = field.isEmpty() ? "" : field + ".";
    Map<String, Schema> oldProps = properties(before, oldSchema);
    Map<String, Schema> newProps = properties(after, newSchema);
    oldProps.forEach(
        (name, oldProp) -> {
          Schema newProp = newProps.get(name);
          if (newProp != null) {
            compareSchema(where, prefix + name, oldProp, newProp, d);
          } else if (d == Direction.RESPONSE) {
            breaks.add(
                where
                    + " "
                    + prefix
                    + name
                    + ": [removed-response-property] the property was removed");
          }
          // A removed request property is compatible: the server ignores unknown fields.
        });
    compareSchema(where, field + "[]", oldSchema.getItems(), newSchema.getItems(), d);
    if (oldSchema.getAdditionalProperties() instanceof Schema oldValues
        && newSchema.getAdditionalProperties() instanceof Schema newValues) {
      compareSchema(where, field + "{}", oldValues, newValues, d);
    }
  }

  /** The properties of a schema, including those it takes from {@code allOf} parts. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Map<String, Schema> properties(OpenAPI doc, Schema schema) {
    Map<String, Schema> all = new LinkedHashMap<>();
    if (schema.getAllOf() != null) {
      for (Object part : schema.getAllOf()) {
        all.putAll(properties(doc, schema(doc, (Schema) part)));
      }
    }
    if (schema.getProperties() != null) {
      all.putAll(schema.getProperties());
    }
    return all;
  }

  @SuppressWarnings("rawtypes")
  private static Schema schema(OpenAPI doc, Schema schema) {
    Schema current = schema;
    for (int hops = 0; current.get$ref() != null && hops < 20; hops++) {
      Schema target = component(doc, Components::getSchemas, current.get$ref());
      if (target == null) {
        return current;
      }
      current = target;
    }
    return current;
  }

  private static RequestBody requestBody(OpenAPI doc, RequestBody body) {
    if (body == null || body.get$ref() == null) {
      return body;
    }
    RequestBody target = component(doc, Components::getRequestBodies, body.get$ref());
    return target == null ? body : target;
  }

  private static ApiResponse response(OpenAPI doc, ApiResponse response) {
    if (response.get$ref() == null) {
      return response;
    }
    ApiResponse target = component(doc, Components::getResponses, response.get$ref());
    return target == null ? response : target;
  }

  private static <T> T component(
      OpenAPI doc, Function<Components, Map<String, T>> kind, String ref) {
    Map<String, T> components =
        doc.getComponents() == null ? null : kind.apply(doc.getComponents());
    return components == null ? null : components.get(ref.substring(ref.lastIndexOf('/') + 1));
  }
}
