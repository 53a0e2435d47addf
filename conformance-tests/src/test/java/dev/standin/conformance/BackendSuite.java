package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * The skeleton every vendor's conformance suite shares: each test class runs once per {@link
 * Backend} (a JUnit parameterized class), so a suite is written once and proves the same behaviour
 * on the embedded store, on PostgreSQL and (for the classes {@link Backends} names) in memory;
 * after each test, every response the test received must have matched the vendor's spec. A vendor's
 * base class adds its server start, its clients and its error assertions.
 */
@ParameterizedClass(name = "{0}")
@ArgumentsSource(Backends.class)
abstract class BackendSuite {

  @TempDir static Path dataDir;

  /** The backend of this run of the class. */
  @Parameter Backend backend;

  /** The validator of this suite's API, which the suite's clients report every response to. */
  abstract SpecValidator validator();

  @AfterEach
  void everyResponseMatchedTheSpec() {
    assertThat(validator().drainViolations()).as("responses that do not match the spec").isEmpty();
  }

  /** A fresh directory for one server's store. */
  static Path newStoreDir() throws IOException {
    return Files.createTempDirectory(dataDir, "store-");
  }

  /** Runs a client call that must fail with {@code type}, and returns the failure. */
  static <E extends RuntimeException> E failure(Class<E> type, ThrowingCallable call) {
    E e = catchThrowableOfType(type, call);
    assertThat(e).as("the call should have failed").isNotNull();
    return e;
  }
}
