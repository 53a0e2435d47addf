package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.server.kernel.wire.RateLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The skeleton every vendor's hostile suite shares: hundreds of generated hostile requests ({@link
 * HostileCases}) against each of the API's write endpoints; each must get its 4xx in the API's
 * error shape (never a 5xx), leave what the endpoint could change exactly as it was, and match the
 * API's spec. A vendor's suite says which endpoints, which answers it expects ({@link
 * HostileCases.Expectations}) and how a raw request reaches its server.
 */
abstract class HostileSuite {

  /** Limits out of the way: these suites are about bodies, not about rate. */
  static final RateLimits GENEROUS =
      new RateLimits(
          new RateLimits.Limit(1_000_000, Duration.ofSeconds(1)),
          new RateLimits.Limit(1_000_000, Duration.ofSeconds(1)));

  /** A raw answer: status and body. */
  record Answer(int status, String body) {}

  abstract SpecValidator validator();

  abstract HostileCases.Expectations expectations();

  abstract List<WriteEndpoint> endpoints();

  /** Fewer generated cases than this means a generator lost its way. */
  abstract int minimumCases();

  /**
   * Checks what the API's error envelope has beyond the error type the cases expect (Spaaza: the
   * {@code result} member); nothing by default.
   */
  void assertEnvelope(String body) throws Exception {}

  /** Cases of the API's own beyond the generated ones (wrong JSON types of its fields, say). */
  List<HostileCase> ownCases(WriteEndpoint endpoint) {
    return List.of();
  }

  /** Sends one raw request with the suite's credentials. */
  abstract Answer send(String method, String path, Map<String, String> headers, byte[] body);

  @AfterEach
  void everyResponseMatchedTheSpec() {
    assertThat(validator().drainViolations()).as("responses that do not match the spec").isEmpty();
  }

  @TestFactory
  Stream<DynamicTest> hostileRequestsAreRefusedAndChangeNothing() {
    List<DynamicTest> tests = new ArrayList<>();
    for (WriteEndpoint endpoint : endpoints()) {
      List<HostileCase> cases = new ArrayList<>(HostileCases.casesFor(endpoint, expectations()));
      cases.addAll(ownCases(endpoint));
      for (HostileCase c : cases) {
        tests.add(DynamicTest.dynamicTest(endpoint + ": " + c.name(), () -> attack(endpoint, c)));
      }
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(minimumCases());
    return tests.stream();
  }

  /** Sends one hostile case and checks it was refused as expected and changed nothing. */
  final void attack(WriteEndpoint endpoint, HostileCase c) throws Exception {
    String before = endpoint.snapshot().get();
    String path = c.path() != null ? c.path() : endpoint.path();
    Answer answer = send(endpoint.method(), path, c.headers(), c.body());
    HostileCases.assertRefused(endpoint, expectations(), c, answer.status(), answer.body(), before);
    assertEnvelope(answer.body());
  }
}
