package dev.standin.server.kernel.wire;

/**
 * The largest request body accepted, counted after decoding. The vendor's limit is 9 437 184 bytes
 * (9 MiB).
 */
public record BodyLimit(long maxBytes) {

  public static final BodyLimit VENDOR = new BodyLimit(9_437_184);

  public BodyLimit {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("the body limit must be positive, got " + maxBytes);
    }
  }

  WireException exceeded(String method, String actualLength) {
    return new WireException(
        WireError.REQUEST_TOO_LARGE,
        "The "
            + method
            + " payload is too large (limit: "
            + maxBytes
            + " bytes, actual length: "
            + actualLength
            + " bytes).");
  }
}
