package dev.standin.conformance;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A write endpoint the hostile suite attacks: how to call it with a valid body, where a value can
 * be slotted into that body so that it is actually read, and how to snapshot what it could change.
 * Another API's endpoints (Spaaza) are added by describing them the same way.
 *
 * @param label e.g. {@code PUT /v2/actor-tasks/{id}/input}
 * @param method the HTTP method
 * @param path the request path of the target resource
 * @param validBody a body the endpoint accepts (used to wrap encodings and slots)
 * @param withValue the valid body with {@code value} (raw JSON text) in a field the endpoint reads;
 *     paired with the path of that field
 * @param namedBody a valid body whose resource name is {@code name} (raw JSON string), or null when
 *     the endpoint takes no name
 * @param idPath the path with another resource ID in place of the target's, or null when the path
 *     takes no ID
 * @param snapshot the state the endpoint could change, as text: must be equal before and after
 * @param errorField the JSON field holding the error's type in this API's error shape
 * @param emptyBodyError the error type for an empty body (a missing required field, or not an
 *     object)
 */
record WriteEndpoint(
    String label,
    String method,
    String path,
    String validBody,
    Function<String, String> withValue,
    String valueFieldPath,
    Function<String, String> namedBody,
    Function<String, String> idPath,
    Supplier<String> snapshot,
    String errorField,
    String emptyBodyError) {

  @Override
  public String toString() {
    return label;
  }
}
