package dev.standin.server.kernel;

import java.security.SecureRandom;

/** Resource IDs in the vendor's format: 17 characters of {@code [a-zA-Z0-9]}. */
public final class Ids {

  public static final int LENGTH = 17;
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static String newId() {
    return random(LENGTH);
  }

  /**
   * An ID derived from {@code parts} (SHA-256, in the ID alphabet): the same parts always give the
   * same ID, so a seeded resource keeps its ID across resets.
   */
  public static String derived(String... parts) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(String.join("\n", parts).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      StringBuilder id = new StringBuilder(LENGTH);
      for (int i = 0; i < LENGTH; i++) {
        id.append(ALPHABET.charAt((digest[i] & 0xff) % ALPHABET.length()));
      }
      return id.toString();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  /** A fresh row version for a seeded row, so no update that read an older row can match it. */
  public static long freshVersion() {
    return 1 + (RANDOM.nextLong() >>> 12);
  }

  public static String random(int length) {
    StringBuilder id = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return id.toString();
  }
}
