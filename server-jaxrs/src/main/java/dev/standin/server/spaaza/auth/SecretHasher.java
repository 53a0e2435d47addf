package dev.standin.server.spaaza.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Slow, salted hashes of token secrets (PBKDF2-HMAC-SHA256 from the JDK), stored as {@code
 * pbkdf2-sha256$<iterations>$<salt>$<hash>} so the work factor can change without breaking stored
 * hashes: a hash is checked with the iterations written in it.
 */
public final class SecretHasher {

  /** The work factor of new hashes unless configured otherwise. */
  public static final int DEFAULT_ITERATIONS = 120_000;

  /** Hashes new secrets with the default work factor. */
  public static final SecretHasher DEFAULT = new SecretHasher(DEFAULT_ITERATIONS);

  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private static final String PREFIX = "pbkdf2-sha256";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final int iterations;

  /**
   * @param iterations PBKDF2 iterations of new hashes; below {@link #DEFAULT_ITERATIONS} only for
   *     test suites that start many servers (docs/adr/0038-secret-hash-work-factor.md)
   */
  public SecretHasher(int iterations) {
    this.iterations = requireValidIterations(iterations);
  }

  /** {@code iterations}, when PBKDF2 can use it as a work factor (at least 1). */
  public static int requireValidIterations(int iterations) {
    if (iterations < 1) {
      throw new IllegalArgumentException("the secret hash iterations must be at least 1");
    }
    return iterations;
  }

  /** A new salted hash of {@code secret}, with this hasher's work factor. */
  public String hash(String secret) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return String.join(
        "$",
        PREFIX,
        Integer.toString(iterations),
        b64.encodeToString(salt),
        b64.encodeToString(pbkdf2(secret, salt, iterations)));
  }

  /** Whether {@code secret} is the one {@code stored} was made from, whatever its work factor. */
  public static boolean matches(String secret, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals(PREFIX)) {
      return false;
    }
    Base64.Decoder b64 = Base64.getDecoder();
    byte[] expected = b64.decode(parts[3]);
    byte[] actual = pbkdf2(secret, b64.decode(parts[2]), Integer.parseInt(parts[1]));
    return MessageDigest.isEqual(expected, actual);
  }

  /** A fast digest, for random high-entropy values such as session keys. */
  public static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  private static byte[] pbkdf2(String secret, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, HASH_BITS);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JVM", e);
    }
  }
}
