package dev.standin.conformance;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks responses against the bundled spec (the same file the spec module validated): the status
 * must be declared for the operation and the body must match its schema. Violations are collected
 * and asserted by the tests, so the server and the spec cannot drift apart unnoticed.
 */
final class SpecValidator {

  private final OpenApiInteractionValidator validator;
  private final List<String> violations = new ArrayList<>();
  private final AtomicInteger checked = new AtomicInteger();
  private final ErrorShape errorShape;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  SpecValidator(String bundledSpecResource) {
    try (InputStream in = SpecValidator.class.getResourceAsStream(bundledSpecResource)) {
      if (in == null) {
        throw new IllegalStateException(bundledSpecResource + " is not on the classpath");
      }
      String spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // Merging allOf parts before validating: otherwise the validator checks each part on its
      // own and reports the other parts' properties as not allowed (the pricing records).
      this.validator =
          OpenApiInteractionValidator.createForInlineApiSpecification(spec)
              .withResolveCombinators(true)
              .build();
      this.errorShape = ErrorShape.of(spec);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void check(HttpRequest request, HttpResponse<byte[]> response) {
    checked.incrementAndGet();
    SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
    response.headers().map().forEach(answer::withHeader);
    if (response.body().length > 0) {
      answer.withBody(new String(response.body(), StandardCharsets.UTF_8));
    }
    Request.Method method = Request.Method.valueOf(request.method().toUpperCase(Locale.ROOT));
    ValidationReport report =
        validator.validateResponse(request.uri().getRawPath(), method, answer.build());
    String where =
        request.method() + " " + request.uri().getRawPath() + " → " + response.statusCode();
    List<String> problems = new ArrayList<>();
    boolean outsideTheSpec = false;
    for (ValidationReport.Message m : report.getMessages()) {
      if (m.getLevel() != ValidationReport.Level.ERROR) {
        continue;
      }
      if (OUTSIDE_THE_SPEC.contains(m.getKey()) && isAllowAnswer(request, response)) {
        continue; // OPTIONS is answered on every route, with the allowed methods
      }
      if (OUTSIDE_THE_SPEC.contains(m.getKey())) {
        // A route or method the spec does not have: the answer must still be a vendor error.
        problems.addAll(errorShapeProblems(response));
        outsideTheSpec = true;
      } else {
        problems.add(withNested(m));
      }
    }
    if (!outsideTheSpec && response.statusCode() >= 400 && response.body().length > 0) {
      // The schema takes any error type (an open set); the server must send only known ones.
      problems.addAll(errorShapeProblems(response));
    }
    synchronized (violations) {
      problems.forEach(p -> violations.add(where + ": " + p));
    }
  }

  /** A message with the reasons nested in it (which branch of a oneOf failed, and why). */
  private static String withNested(ValidationReport.Message message) {
    StringBuilder text = new StringBuilder(message.getMessage());
    for (ValidationReport.Message nested : message.getNestedMessages()) {
      text.append(" [").append(withNested(nested)).append("]");
    }
    return text.toString();
  }

  private static boolean isAllowAnswer(HttpRequest request, HttpResponse<byte[]> response) {
    return request.method().equals("OPTIONS")
        && response.statusCode() == 200
        && response.headers().firstValue("Allow").isPresent();
  }

  /** Report keys meaning "this request is not an operation of the spec". */
  private static final Set<String> OUTSIDE_THE_SPEC =
      Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");

  private List<String> errorShapeProblems(HttpResponse<byte[]> response) {
    if (response.statusCode() < 400) {
      return List.of("a request outside the spec was answered with success");
    }
    try {
      JsonNode error = MAPPER.readTree(response.body()).path("error");
      if (!errorShape.matches(error)) {
        return List.of(
            "not a vendor error body: " + new String(response.body(), StandardCharsets.UTF_8));
      }
      return List.of();
    } catch (IOException e) {
      return List.of("error body is not JSON");
    }
  }

  /**
   * What an error body looks like in this API, read from its spec: Apify's {@code {type, message}}
   * (type one of {@code ErrorType}'s {@code x-known-values}: the schema itself is an open string,
   * ADR 0025) or Spaaza's {@code {code, name, description}} (name from {@code ErrorName}'s enum).
   */
  private record ErrorShape(
      String nameField, Set<String> names, String textField, String codeField) {

    @SuppressWarnings("unchecked")
    static ErrorShape of(String spec) {
      OpenAPI openApi = new OpenAPIV3Parser().readContents(spec).getOpenAPI();
      var schemas = openApi.getComponents().getSchemas();
      if (schemas.containsKey("ErrorName")) {
        Schema<String> names = schemas.get("ErrorName");
        return new ErrorShape("name", Set.copyOf(names.getEnum()), "description", "code");
      }
      return new ErrorShape("type", knownErrorTypes(openApi), "message", null);
    }

    boolean matches(JsonNode error) {
      return names.contains(error.path(nameField).asText(""))
          && error.path(textField).isTextual()
          && (codeField == null || error.path(codeField).isInt());
    }
  }

  /** The Apify error types the spec lists as known ({@code ErrorType.x-known-values}). */
  @SuppressWarnings("unchecked")
  static Set<String> knownErrorTypes(OpenAPI openApi) {
    Schema<?> types = openApi.getComponents().getSchemas().get("ErrorType");
    Object known =
        types.getExtensions() == null ? null : types.getExtensions().get("x-known-values");
    if (!(known instanceof List<?> list) || list.isEmpty()) {
      throw new IllegalStateException("ErrorType has no x-known-values list");
    }
    return Set.copyOf((List<String>) list);
  }

  /** Returns and forgets the violations seen so far. */
  List<String> drainViolations() {
    synchronized (violations) {
      List<String> copy = List.copyOf(violations);
      violations.clear();
      return copy;
    }
  }

  int checkedCount() {
    return checked.get();
  }
}
