package dev.standin.conformance;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One hostile request against one write endpoint and the answer it must get.
 *
 * @param name what the case tries, for the test report
 * @param path the request path (already percent-encoded), or null for the endpoint's own
 * @param headers extra request headers (Content-Type is set here too)
 * @param body the raw body bytes
 * @param status the 4xx status expected
 * @param errorType the error type expected in the API's error body
 * @param fieldPath when not null, the answer's message must name this field path
 */
record HostileCase(
    String name,
    String path,
    Map<String, String> headers,
    byte[] body,
    int status,
    String errorType,
    String fieldPath) {

  static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  static HostileCase json(String name, String body, int status, String type) {
    return new HostileCase(
        name, null, JSON, body.getBytes(StandardCharsets.UTF_8), status, type, null);
  }

  HostileCase naming(String path) {
    return new HostileCase(name, this.path, headers, body, status, errorType, path);
  }

  HostileCase at(String newPath) {
    return new HostileCase(name, newPath, headers, body, status, errorType, fieldPath);
  }
}
