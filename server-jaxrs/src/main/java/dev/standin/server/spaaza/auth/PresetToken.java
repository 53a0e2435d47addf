package dev.standin.server.spaaza.auth;

/** A privileged token of a chain. */
public record PresetToken(long chainId, String tokenId, String secret) {

  /** Parses {@code CHAIN_ID:TOKEN_ID:TOKEN_SECRET}. */
  public static PresetToken parse(String spec) {
    String[] parts = spec.trim().split(":", 3);
    if (parts.length != 3 || parts[1].isBlank() || parts[2].isBlank()) {
      throw new IllegalArgumentException(
          "expected CHAIN_ID:TOKEN_ID:TOKEN_SECRET, got '" + parts[0] + ":…'");
    }
    return new PresetToken(parseId(parts[0], "CHAIN_ID"), parts[1], parts[2]);
  }

  /** A positive integer ID, or a message naming {@code what}. */
  static long parseId(String text, String what) {
    try {
      long id = Long.parseLong(text.trim());
      if (id < 1) {
        throw new NumberFormatException();
      }
      return id;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " must be a positive integer, got '" + text + "'");
    }
  }
}
