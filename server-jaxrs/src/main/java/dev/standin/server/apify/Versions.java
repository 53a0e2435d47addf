package dev.standin.server.apify;

import dev.standin.apify.errors.ApifyError;
import dev.standin.server.apify.errors.ApifyException;
import dev.standin.server.apify.store.Document;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Entity tags of stored resources and the {@code If-Match} check (ADR 0016). The tag is a digest of
 * the stored document, so it changes with every accepted update (each moves {@code modifiedAt}) and
 * is the same on every server instance sharing a database.
 */
public final class Versions {

  private Versions() {}

  /** The strong entity tag of a stored document, quoted as HTTP wants it. */
  public static String etagOf(Document document) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(document.json().getBytes(StandardCharsets.UTF_8));
      return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  /**
   * Rejects the update when {@code ifMatch} is given and names neither {@code *} nor the current
   * tag. Called inside the store's atomic update, so check and write see the same version.
   *
   * @param ifMatch the header's value, or {@code null} when absent (then any version goes)
   */
  public static void checkIfMatch(String ifMatch, Document current, String what) {
    if (ifMatch == null) {
      return;
    }
    String etag = etagOf(current);
    boolean matches =
        Arrays.stream(ifMatch.split(","))
            .map(String::trim)
            .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    if (!matches) {
      throw new ApifyException(
          ApifyError.PRECONDITION_FAILED,
          "The "
              + what
              + " has changed since it was read (If-Match does not match its ETag "
              + etag
              + ").");
    }
  }
}
