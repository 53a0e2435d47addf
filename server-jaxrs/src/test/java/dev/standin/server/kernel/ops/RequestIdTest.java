package dev.standin.server.kernel.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Request IDs the server makes up are random UUIDs, as logging tools expect them. */
class RequestIdTest {

  @Test
  void freshIdsAreDistinctVersionFourUuids() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = RequestObserver.freshId();
      UUID parsed = UUID.fromString(id);
      assertThat(parsed.version()).isEqualTo(4);
      assertThat(parsed.variant()).isEqualTo(2);
      assertThat(parsed.toString()).isEqualTo(id);
      assertThat(seen.add(id)).as("unique").isTrue();
    }
  }
}
