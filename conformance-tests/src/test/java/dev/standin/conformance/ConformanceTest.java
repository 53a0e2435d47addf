package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.standin.apify.client.ApifyApiException;
import dev.standin.apify.client.ApifyClient;
import dev.standin.apify.model.Actor;
import dev.standin.apify.model.CreateActorRequest;
import dev.standin.apify.model.CreateTaskRequest;
import dev.standin.apify.model.Task;
import dev.standin.apify.model.Version;
import dev.standin.apify.model.VersionSourceType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Base of every conformance test class: one server per class and backend, clients for alice and
 * bob, and a check after each test that every response it received matched the spec.
 *
 * <p>Every subclass runs once per {@link Backend} (a JUnit parameterized class): the suite is
 * written once and proves the same behaviour on the embedded store and on PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
abstract class ConformanceTest {

  private static final SpecValidator VALIDATOR = new SpecValidator("/openapi/apify.yaml");
  private static final AtomicInteger NAMES = new AtomicInteger();

  @TempDir static Path dataDir;

  /** The backend of this run of the class. */
  @Parameter Backend backend;

  static ServerHarness server;
  static ApifyClient alice;
  static ApifyClient bob;

  @BeforeParameterizedClassInvocation
  static void startServer(Backend current) throws IOException {
    server = new ServerHarness(current, Files.createTempDirectory(dataDir, "store-"), VALIDATOR);
    alice = server.client(ServerHarness.ALICE_TOKEN);
    bob = server.client(ServerHarness.BOB_TOKEN);
  }

  @AfterParameterizedClassInvocation
  static void stopServer() {
    server.close();
  }

  @AfterEach
  void everyResponseMatchedTheSpec() {
    assertThat(VALIDATOR.drainViolations()).as("responses that do not match the spec").isEmpty();
  }

  /** A name no other test uses, so tests in one class do not collide. */
  static String uniqueName(String prefix) {
    return prefix + "-" + NAMES.incrementAndGet();
  }

  /** The version every test Actor starts with: an Actor needs one (403 too-few-versions). */
  static Version firstVersion() {
    return new Version()
        .versionNumber("0.0")
        .sourceType(VersionSourceType.GIT_REPO)
        .gitRepoUrl("https://github.com/alice/first-actor");
  }

  /** A create request with {@link #firstVersion}; the test adds the name and the rest. */
  static CreateActorRequest actorRequest() {
    return new CreateActorRequest().versions(List.of(firstVersion()));
  }

  /** The same, as raw JSON members to put after {@code {"name": ...}} in a raw body. */
  static final String FIRST_VERSION_JSON =
      "\"versions\": [{\"versionNumber\": \"0.0\", \"sourceType\": \"GIT_REPO\","
          + " \"gitRepoUrl\": \"https://github.com/alice/first-actor\"}]";

  static Actor newActor(ApifyClient client) {
    return client.actors().create(actorRequest().name(uniqueName("actor")));
  }

  static Task newTask(ApifyClient client) {
    Actor actor = newActor(client);
    return client
        .tasks()
        .create(new CreateTaskRequest().actId(actor.getId()).name(uniqueName("task")));
  }

  /** Runs a client call that must fail, and returns the failure. */
  static ApifyApiException failure(ThrowingCallable call) {
    ApifyApiException e = catchThrowableOfType(ApifyApiException.class, call);
    assertThat(e).as("the call should have failed").isNotNull();
    return e;
  }

  static void assertError(ApifyApiException e, int status, String type) {
    assertThat(e.status()).as("status of " + e).isEqualTo(status);
    assertThat(e.type()).as("type of " + e).isEqualTo(type);
    assertThat(e.getMessage()).isNotBlank();
  }
}
