package dev.standin.server.kernel.wire;

import java.util.Map;

/** A request refused on the wire; answered through the API's {@link ErrorResponder}. */
public class WireException extends RuntimeException {

  private final WireError error;
  private final Map<String, String> headers;

  public WireException(WireError error, String message) {
    this(error, message, Map.of());
  }

  public WireException(WireError error, String message, Map<String, String> headers) {
    super(message, null, false, false); // the client's mistake: no stack trace
    this.error = error;
    this.headers = Map.copyOf(headers);
  }

  public WireError error() {
    return error;
  }

  /** Extra response headers, e.g. {@code Retry-After}. */
  public Map<String, String> headers() {
    return headers;
  }
}
