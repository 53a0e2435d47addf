package dev.standin.server.kernel.module;

import java.net.URI;
import java.time.Duration;

/** A started {@link ApiModule}. */
public interface RunningApi {

  /** Where the API listens, ending in a slash, e.g. {@code http://127.0.0.1:8080/}. */
  URI baseUri();

  /**
   * Stops accepting connections and lets requests in flight finish within {@code grace}; the
   * database belongs to the server and stays open.
   */
  void stop(Duration grace);
}
