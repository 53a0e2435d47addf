package dev.standin.server;

import dev.standin.server.kernel.state.SeedMode;
import java.util.Objects;

/**
 * Test-dependency settings: a seed to load on start, and the admin API.
 *
 * @param seedName where the seed came from (a file name, a classpath resource), for messages
 * @param seed the seed document (JSON), or {@code null} for none
 * @param seedMode what loading the seed on start does with the state already there
 * @param admin whether the admin API is served (on the Apify API's port)
 * @param adminToken its token; {@code null} with {@code admin}: a fresh one, printed at start
 */
public record StateConfig(
    String seedName, byte[] seed, SeedMode seedMode, boolean admin, String adminToken) {

  /** No seed, no admin API: the server as it always was. */
  public static final StateConfig NONE = new StateConfig(null, null, SeedMode.KEEP, false, null);

  public StateConfig {
    Objects.requireNonNull(seedMode, "seedMode");
    if (adminToken != null && adminToken.isBlank()) {
      throw new IllegalArgumentException("the admin token must not be blank");
    }
  }

  /** The same, loading {@code seed} on start. */
  public StateConfig withSeed(String name, byte[] json, SeedMode mode) {
    return new StateConfig(name, json, mode, admin, adminToken);
  }

  /** The same, with the admin API served under {@code token} (null: a fresh one). */
  public StateConfig withAdmin(String token) {
    return new StateConfig(seedName, seed, seedMode, true, token);
  }
}
