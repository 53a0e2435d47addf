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

/**
 * Users and their API tokens. Tokens are random and long, so a SHA-256 digest is enough to keep
 * them out of the store in clear while still finding a user by token in one lookup.
 */
public class UserService {

  private static final String TOKEN_PREFIX = "apify_api_";

  private final ApifyStore store;
  private final Clock clock;
  private final Cache<String, User> knownTokens = Caffeine.newBuilder().maximumSize(10_000).build();

  public UserService(ApifyStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * The owner of a token. Every API request asks this, so known tokens are remembered: tokens are
   * never revoked and users never renamed here, so a remembered answer cannot go stale (even with
   * several instances). Unknown tokens are not remembered, so a token added elsewhere works at
   * once.
   */
  public Optional<User> findByToken(String token) {
    String tokenHash = hash(token);
    User known = knownTokens.getIfPresent(tokenHash);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<User> found = store.findUserByTokenHash(tokenHash);
    found.ifPresent(user -> knownTokens.put(tokenHash, user));
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
    User user = new User(Ids.newId(), username, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
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

  static String hash(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
