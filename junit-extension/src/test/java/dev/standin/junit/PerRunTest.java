package dev.standin.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.apify.client.ApifyClient;
import dev.standin.apify.model.CreateActorRequest;
import dev.standin.apify.model.Version;
import dev.standin.apify.model.VersionSourceType;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One server for the whole run ({@code PER_RUN}) without resets: classes asking for the same seed
 * share it, so the class that runs second gets the same server and sees what the first wrote.
 */
class PerRunTest {

  private static Standin seen;

  /** The second class to run checks the first's server and write; the first records them. */
  static void shareOrCheck(Standin standin, ApifyClient alice) {
    synchronized (PerRunTest.class) {
      if (seen == null) {
        seen = standin;
        alice
            .actors()
            .create(
                new CreateActorRequest()
                    .name("shared-across-classes")
                    .versions(
                        List.of(
                            new Version()
                                .versionNumber("0.0")
                                .sourceType(VersionSourceType.GIT_REPO)
                                .gitRepoUrl("https://example.com/shared.git"))));
      } else {
        assertThat(standin).isSameAs(seen);
        assertThat(alice.actor("~shared-across-classes").get()).isPresent();
      }
    }
    assertThat(alice.actor("~web-scraper").get()).isPresent();
  }

  @StandinTest(
      seed = "standin-seed.json",
      lifecycle = StandinTest.Lifecycle.PER_RUN,
      resetBeforeEach = false)
  @Nested
  class First {
    @Test
    void sharesTheServer(Standin standin, ApifyClient alice) {
      shareOrCheck(standin, alice);
    }
  }

  @StandinTest(
      seed = "standin-seed.json",
      lifecycle = StandinTest.Lifecycle.PER_RUN,
      resetBeforeEach = false)
  @Nested
  class Second {
    @Test
    void sharesTheServer(Standin standin, ApifyClient alice) {
      shareOrCheck(standin, alice);
    }
  }
}
