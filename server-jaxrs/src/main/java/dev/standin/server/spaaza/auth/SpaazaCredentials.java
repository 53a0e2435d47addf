package dev.standin.server.spaaza.auth;

import dev.standin.server.kernel.Ids;
import dev.standin.server.kernel.wire.RateLimiter;
import dev.standin.server.kernel.wire.WireError;
import dev.standin.server.kernel.wire.WireException;
import dev.standin.server.spaaza.store.SpaazaStore;
import dev.standin.server.spaaza.store.SpaazaToken;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Chains and the credentials that act on them. Token secrets are stored only as slow PBKDF2 hashes;
 * to keep every request from paying for PBKDF2, a secret that verified once is remembered in memory
 * (as a SHA-256 digest, next to the stored hash it verified against). Wrong secrets are bounded by
 * a {@link SecretCheckBudget} per client address, so that guessing cannot keep the cores busy.
 */
public class SpaazaCredentials {

  /** A freshly created chain and its token, shown once on the console. */
  public record CreatedChain(long chainId, String tokenId, String tokenSecret) {}

  private final SpaazaStore store;
  private final Clock clock;
  private final Map<String, String> verified = new ConcurrentHashMap<>();
  private final SecretCheckBudget budget = new SecretCheckBudget();
  private final SecretHasher hasher;

  /**
   * @param hasher how new token secrets are hashed (stored hashes are checked with their own work
   *     factor)
   */
  public SpaazaCredentials(SpaazaStore store, Clock clock, SecretHasher hasher) {
    this.store = store;
    this.clock = clock;
    this.hasher = Objects.requireNonNull(hasher, "hasher");
  }

  /** Stores the preset credentials, creating their chains when missing. */
  public void applyPresets(Iterable<PresetToken> tokens, Iterable<PresetAdmin> admins) {
    for (PresetToken token : tokens) {
      ensureChain(token.chainId());
      store.putToken(
          new SpaazaToken(token.tokenId(), token.chainId(), hasher.hash(token.secret())));
    }
    for (PresetAdmin admin : admins) {
      AccessLevel level =
          AccessLevel.fromStored(admin.accessLevel())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "access level must be read or write, got '" + admin.accessLevel() + "'"));
      ensureChain(admin.chainId());
      store.putSession(admin.userId(), SecretHasher.sha256(admin.sessionKey()));
      store.putChainAccess(admin.userId(), admin.chainId(), level.stored());
    }
  }

  /** On a store without chains, creates one with a fresh token; empty when chains exist. */
  public Optional<CreatedChain> createFirstChainIfNone() {
    if (store.countChains() > 0) {
      return Optional.empty();
    }
    long chainId = store.createChain("Local chain", clock.instant());
    String tokenId = Ids.random(20);
    String secret = Ids.random(40);
    store.putToken(new SpaazaToken(tokenId, chainId, hasher.hash(secret)));
    return Optional.of(new CreatedChain(chainId, tokenId, secret));
  }

  private void ensureChain(long chainId) {
    store.ensureChain(chainId, "Chain " + chainId, clock.instant());
  }

  /**
   * The chain of a privileged token, when its ID is known and the secret matches.
   *
   * @param address the caller's address (asked for only when needed), whose budget of wrong secrets
   *     a slow check takes from
   * @throws WireException 429 {@code RATE_LIMIT_EXCEEDED} when the secret would need the slow check
   *     and {@code address} has used up its budget (nothing is hashed then)
   */
  public Optional<Long> chainOfToken(String tokenId, String secret, Supplier<String> address) {
    Optional<SpaazaToken> token = store.findToken(tokenId);
    if (token.isEmpty()) {
      return Optional.empty();
    }
    String cacheKey = tokenId + "\n" + token.get().secretHash();
    String digest = SecretHasher.sha256(secret);
    if (digest.equals(verified.get(cacheKey))) {
      return Optional.of(token.get().chainId());
    }
    String attempt = cacheKey + "\n" + digest;
    if (budget.isKnownWrong(attempt)) {
      return Optional.empty();
    }
    String from = address.get();
    long wait = budget.reserve(from);
    if (wait > 0) {
      throw tooManyWrongSecrets(wait);
    }
    if (!SecretHasher.matches(secret, token.get().secretHash())) {
      budget.rememberWrong(attempt);
      return Optional.empty();
    }
    budget.refund(from);
    verified.put(cacheKey, digest);
    return Optional.of(token.get().chainId());
  }

  private WireException tooManyWrongSecrets(long waitNanos) {
    long seconds = new RateLimiter.Decision(false, waitNanos).retryAfterSeconds();
    return new WireException(
        WireError.RATE_LIMIT_EXCEEDED,
        "Too many wrong token secrets from your address (at most "
            + budget.failures()
            + " per minute); retry in "
            + seconds
            + " s.",
        Map.of(
            "X-RateLimit-Limit", Integer.toString(budget.failures()), "Retry-After", "" + seconds));
  }

  /** Whether {@code sessionKey} is a session of {@code userId}. */
  public boolean isSession(long userId, String sessionKey) {
    return store
        .findSessionUser(SecretHasher.sha256(sessionKey))
        .map(user -> user == userId)
        .orElse(false);
  }

  public Optional<AccessLevel> accessOf(long userId, long chainId) {
    return store.findChainAccess(userId, chainId).flatMap(AccessLevel::fromStored);
  }
}
