package dev.standin.server.apify.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.standin.server.apify.store.ApifyStore;
import dev.standin.server.apify.store.User;
import dev.standin.server.kernel.Ids;
import dev.standin.server.kernel.store.NameTakenException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Users and their API tokens. Tokens are random and long, so a SHA-256 digest is enough to keep
 * them out of the store in clear while still finding a user by token in one lookup.
 */
public class UserService {

  private static final String TOKEN_PREFIX = "apify_api_";

  private final ApifyStore store;
  private final Clock clock;
  private final LongSupplier generation;
  private final Cache<String, Known> knownTokens =
      Caffeine.newBuilder().maximumSize(10_000).build();

  /** A token's owner as found while the state had {@code generation}. */
  private record Known(User user, long generation) {}

  public UserService(ApifyStore store, Clock clock) {
    this(store, clock, () -> 0);
  }

  /**
   * @param generation the server state's generation, which a reset or seed load moves on: an answer
   *     remembered before it is looked up again
   */
  public UserService(ApifyStore store, Clock clock, LongSupplier generation) {
    this.store = store;
    this.clock = clock;
    this.generation = generation;
  }

  /**
   * The owner of a token. Every API request asks this, so known tokens are remembered: through the
   * API tokens are never revoked and users never renamed, so a remembered answer goes stale only
   * when the state is reset or seeded, which moves the generation on. Unknown tokens are not
   * remembered, so a token added elsewhere works at once.
   */
  public Optional<User> findByToken(String token) {
    String tokenHash = hash(token);
    long current = generation.getAsLong();
    Known known = knownTokens.getIfPresent(tokenHash);
    if (known != null && known.generation() == current) {
      return Optional.of(known.user());
    }
    Optional<User> found = store.findUserByTokenHash(tokenHash);
    found.ifPresent(user -> knownTokens.put(tokenHash, new Known(user, current)));
    return found;
  }

  public Optional<User> findById(String id) {
    return store.findUserById(id);
  }

  public Optional<User> findByUsername(String username) {
    return store.findUserByUsername(username);
  }

  public boolean hasUsers() {
    return store.countUsers() > 0;
  }

  /** Makes sure a user of that name exists and accepts {@code token}; returns the user. */
  public User ensureUserWithToken(String username, String token) {
    User user = store.findUserByUsername(username).orElseGet(() -> createUser(username));
    store.addToken(user.id(), hash(token));
    return user;
  }

  private User createUser(String username) {
    // The ID a seed gives a user of that name: a preset user re-created by a reset keeps its ID.
    User user =
        new User(
            Ids.derived("apify-user", username),
            username,
            Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
    try {
      store.createUser(user);
      return user;
    } catch (NameTakenException raced) {
      return store.findUserByUsername(username).orElseThrow(() -> raced);
    }
  }

  /** A fresh token in the vendor's format. */
  public static String newToken() {
    return TOKEN_PREFIX + Ids.random(36);
  }

  /** The SHA-256 hash under which the store keeps {@code token}. */
  public static String hashOf(String token) {
    return hash(token);
  }

  static String hash(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
