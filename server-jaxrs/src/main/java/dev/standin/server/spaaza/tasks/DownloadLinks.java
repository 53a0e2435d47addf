package dev.standin.server.spaaza.tasks;

import dev.standin.server.spaaza.store.SpaazaStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring download links: {@code /downloads/{id}/{file}?expires=…&signature=…}, the
 * signature an HMAC-SHA256 of task, file and expiry under a server secret kept in the database
 * (created on first start), so links stay valid across restarts and every instance on a shared
 * database checks the links of every other.
 */
public final class DownloadLinks {

  /** The outcome of checking a link. */
  public enum Check {
    VALID,
    INVALID,
    EXPIRED
  }

  public record Link(URI url, Instant expiresAt) {}

  /** The key's name in the store's secrets. */
  static final String KEY_NAME = "download-link-key";

  private final byte[] secret;
  private final Clock clock;
  private final Duration ttl;

  /**
   * @param legacyKeyFile where earlier versions kept the key in the data directory: when the store
   *     has no key yet, this one (if the file exists) becomes it, so links handed out before the
   *     upgrade stay valid
   */
  public DownloadLinks(SpaazaStore store, Path legacyKeyFile, Clock clock, Duration ttl) {
    String stored =
        store.secret(KEY_NAME, legacyKey(legacyKeyFile).orElseGet(DownloadLinks::fresh));
    this.secret = Base64.getDecoder().decode(stored);
    this.clock = clock;
    this.ttl = ttl;
  }

  public Link create(URI baseUri, long taskId, String fileName) {
    long expires = clock.instant().plus(ttl).getEpochSecond();
    URI url =
        baseUri.resolve(
            "downloads/"
                + taskId
                + "/"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8)
                + "?expires="
                + expires
                + "&signature="
                + sign(taskId, fileName, expires));
    return new Link(url, Instant.ofEpochSecond(expires));
  }

  public Check check(long taskId, String fileName, Long expires, String signature) {
    if (expires == null || signature == null) {
      return Check.INVALID;
    }
    byte[] expected = sign(taskId, fileName, expires).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
      return Check.INVALID;
    }
    return clock.instant().getEpochSecond() > expires ? Check.EXPIRED : Check.VALID;
  }

  private String sign(long taskId, String fileName, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      String message = taskId + "\n" + fileName + "\n" + expires;
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
    }
  }

  private static String fresh() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private static Optional<String> legacyKey(Path file) {
    try {
      return Files.isRegularFile(file)
          ? Optional.of(Files.readString(file).trim())
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the download key " + file, e);
    }
  }
}
