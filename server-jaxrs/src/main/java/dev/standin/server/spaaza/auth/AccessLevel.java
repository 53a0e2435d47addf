package dev.standin.server.spaaza.auth;

import java.util.Locale;
import java.util.Optional;

/** An admin user's access level on one chain. */
public enum AccessLevel {
  /** The GET routes. */
  READ,
  /** Every route. */
  WRITE;

  public String stored() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<AccessLevel> fromStored(String text) {
    for (AccessLevel level : values()) {
      if (level.stored().equals(text)) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }

  public boolean allows(String httpMethod) {
    return this == WRITE || "GET".equals(httpMethod) || "HEAD".equals(httpMethod);
  }
}
