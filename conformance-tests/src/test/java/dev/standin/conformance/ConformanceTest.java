package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.apify.client.ApifyApiException;
import dev.standin.apify.client.ApifyClient;
import dev.standin.apify.model.Actor;
import dev.standin.apify.model.CreateActorRequest;
import dev.standin.apify.model.CreateTaskRequest;
import dev.standin.apify.model.Task;
import dev.standin.apify.model.Version;
import dev.standin.apify.model.VersionSourceType;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

/**
 * Base of the Apify conformance tests ({@link BackendSuite}: once per backend, responses checked
 * against {@code openapi/apify.yaml}): one server per class and backend, clients for alice and bob.
 */
abstract class ConformanceTest extends BackendSuite {

  private static final SpecValidator VALIDATOR = new SpecValidator("/openapi/apify.yaml");
  private static final AtomicInteger NAMES = new AtomicInteger();

  static ServerHarness server;
  static ApifyClient alice;
  static ApifyClient bob;

  @BeforeParameterizedClassInvocation
  static void startServer(Backend current) throws IOException {
    server = new ServerHarness(current, newStoreDir(), VALIDATOR);
    alice = server.client(ServerHarness.ALICE_TOKEN);
    bob = server.client(ServerHarness.BOB_TOKEN);
  }

  @AfterParameterizedClassInvocation
  static void stopServer() {
    server.close();
  }

  @Override
  SpecValidator validator() {
    return VALIDATOR;
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
    return failure(ApifyApiException.class, call);
  }

  static void assertError(ApifyApiException e, int status, String type) {
    assertThat(e.status()).as("status of " + e).isEqualTo(status);
    assertThat(e.type()).as("type of " + e).isEqualTo(type);
    assertThat(e.getMessage()).isNotBlank();
  }
}
