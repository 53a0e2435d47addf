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

  public static String random(int length) {
    StringBuilder id = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return id.toString();
  }
}
