package dev.standin.conformance;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

  SpecValidator(String bundledSpecResource) {
    try (InputStream in = SpecValidator.class.getResourceAsStream(bundledSpecResource)) {
      if (in == null) {
        throw new IllegalStateException(bundledSpecResource + " is not on the classpath");
      }
      String spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec).build();
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
    if (report.hasErrors()) {
      String where = request.method() + " " + request.uri().getRawPath() + " → " + response.statusCode();
      synchronized (violations) {
        report.getMessages().stream()
            .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
            .forEach(m -> violations.add(where + ": " + m.getMessage()));
      }
    }
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
