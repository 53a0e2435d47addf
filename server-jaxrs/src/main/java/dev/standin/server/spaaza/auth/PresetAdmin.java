package dev.standin.server.spaaza.auth;

/** An admin user's session key and access level ({@code read} or {@code write}) on a chain. */
public record PresetAdmin(long userId, String sessionKey, long chainId, String accessLevel) {

  /** Parses {@code USER_ID:SESSION_KEY:CHAIN_ID:LEVEL}. */
  public static PresetAdmin parse(String spec) {
    String[] parts = spec.trim().split(":");
    if (parts.length != 4 || parts[1].isBlank()) {
      throw new IllegalArgumentException(
          "expected USER_ID:SESSION_KEY:CHAIN_ID:LEVEL, got '" + parts[0] + ":…'");
    }
    return new PresetAdmin(
        PresetToken.parseId(parts[0], "USER_ID"),
        parts[1],
        PresetToken.parseId(parts[2], "CHAIN_ID"),
        parts[3]);
  }
}
