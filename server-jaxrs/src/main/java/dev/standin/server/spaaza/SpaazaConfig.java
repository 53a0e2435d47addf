package dev.standin.server.spaaza;

import dev.standin.server.spaaza.auth.PresetAdmin;
import dev.standin.server.spaaza.auth.PresetToken;
import dev.standin.server.spaaza.auth.SecretHasher;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the Spaaza Services API is served (next to the Apify API, in the same process and store).
 *
 * @param port TCP port; 0 picks a free one
 * @param tokens privileged tokens to make sure exist (their chains are created when missing)
 * @param admins admin sessions with an access level on a chain, to make sure exist
 * @param pollInterval how often the scheduler looks for due tasks
 * @param downloadLinkTtl how long a download link stays valid
 * @param secretHashIterations the PBKDF2 work factor of newly stored token secrets: {@link
 *     SecretHasher#DEFAULT_ITERATIONS} unless a test suite that starts many servers lowers it
 *     (docs/adr/0038-secret-hash-work-factor.md)
 */
public record SpaazaConfig(
    int port,
    List<PresetToken> tokens,
    List<PresetAdmin> admins,
    Duration pollInterval,
    Duration downloadLinkTtl,
    int secretHashIterations) {

  public static final int DEFAULT_PORT = 8081;

  public SpaazaConfig {
    tokens = List.copyOf(tokens);
    admins = List.copyOf(admins);
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(downloadLinkTtl, "downloadLinkTtl");
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("the poll interval must be positive");
    }
    SecretHasher.requireValidIterations(secretHashIterations);
  }

  /** With the default work factor for token secrets. */
  public SpaazaConfig(
      int port,
      List<PresetToken> tokens,
      List<PresetAdmin> admins,
      Duration pollInterval,
      Duration downloadLinkTtl) {
    this(port, tokens, admins, pollInterval, downloadLinkTtl, SecretHasher.DEFAULT_ITERATIONS);
  }

  /** How long a download link stays valid unless configured: about an hour, as the vendor's. */
  public static final Duration DEFAULT_DOWNLOAD_LINK_TTL = Duration.ofHours(1);

  /**
   * Defaults: a free port, nothing preset, polling every second, links valid one hour, secrets
   * hashed with the default work factor.
   */
  public static SpaazaConfig defaults() {
    return new SpaazaConfig(
        0, List.of(), List.of(), Duration.ofSeconds(1), DEFAULT_DOWNLOAD_LINK_TTL);
  }

  public SpaazaConfig withPort(int newPort) {
    return new SpaazaConfig(
        newPort, tokens, admins, pollInterval, downloadLinkTtl, secretHashIterations);
  }

  public SpaazaConfig withTokens(List<PresetToken> newTokens) {
    return new SpaazaConfig(
        port, newTokens, admins, pollInterval, downloadLinkTtl, secretHashIterations);
  }

  public SpaazaConfig withAdmins(List<PresetAdmin> newAdmins) {
    return new SpaazaConfig(
        port, tokens, newAdmins, pollInterval, downloadLinkTtl, secretHashIterations);
  }

  public SpaazaConfig withPollInterval(Duration newPollInterval) {
    return new SpaazaConfig(
        port, tokens, admins, newPollInterval, downloadLinkTtl, secretHashIterations);
  }

  public SpaazaConfig withDownloadLinkTtl(Duration newTtl) {
    return new SpaazaConfig(port, tokens, admins, pollInterval, newTtl, secretHashIterations);
  }

  public SpaazaConfig withSecretHashIterations(int iterations) {
    return new SpaazaConfig(port, tokens, admins, pollInterval, downloadLinkTtl, iterations);
  }

  /** Hashes new token secrets with this configuration's work factor. */
  public SecretHasher secretHasher() {
    return new SecretHasher(secretHashIterations);
  }
}
