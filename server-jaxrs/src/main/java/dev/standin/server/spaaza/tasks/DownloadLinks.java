package dev.standin.server.spaaza.tasks;

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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring download links: {@code /downloads/{id}/{file}?expires=…&signature=…}, the
 * signature an HMAC-SHA256 of task, file and expiry under a server secret kept in the data
 * directory (created on first use), so links stay valid across restarts.
 */
public final class DownloadLinks {

  /** The outcome of checking a link. */
  public enum Check {
    VALID,
    INVALID,
    EXPIRED
  }

  public record Link(URI url, Instant expiresAt) {}

  private final byte[] secret;
  private final Clock clock;
  private final Duration ttl;

  public DownloadLinks(Path secretFile, Clock clock, Duration ttl) {
    this.secret = loadOrCreate(secretFile);
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

  private static byte[] loadOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        Files.createDirectories(file.getParent());
        Path partial = Files.createTempFile(file.getParent(), "download-key", ".partial");
        Files.writeString(partial, Base64.getEncoder().encodeToString(fresh));
        try {
          Files.move(partial, file); // fails if another start won the race: then read theirs
        } catch (IOException raced) {
          Files.deleteIfExists(partial);
        }
      }
      return Base64.getDecoder().decode(Files.readString(file).trim());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the download key " + file, e);
    }
  }
}
