package dev.standin.apify.client;

import java.time.Duration;

/** The {@code waitForFinish} query parameter: whole seconds, as the API takes it. */
final class Waits {

  private Waits() {}

  /** {@code wait} in seconds, or null for none. */
  static Double seconds(Duration wait) {
    if (wait == null) {
      return null;
    }
    if (wait.isNegative()) {
      throw new IllegalArgumentException("waitForFinish must not be negative, was " + wait);
    }
    return (double) wait.toSeconds();
  }
}
