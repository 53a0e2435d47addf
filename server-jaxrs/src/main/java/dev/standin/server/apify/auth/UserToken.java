package dev.standin.server.apify.auth;

/** A username and one API token of that user. */
public record UserToken(String username, String token) {

  /** Parses {@code username:token}. */
  public static UserToken parse(String spec) {
    int colon = spec.indexOf(':');
    if (colon <= 0 || colon == spec.length() - 1) {
      throw new IllegalArgumentException(
          "expected username:token, got '" + spec.replaceAll(":.*", ":…") + "'");
    }
    return new UserToken(spec.substring(0, colon).trim(), spec.substring(colon + 1).trim());
  }
}
