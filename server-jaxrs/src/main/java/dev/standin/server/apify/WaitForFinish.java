package dev.standin.server.apify;

import dev.standin.apify.errors.ApifyError;
import dev.standin.server.apify.errors.ApifyException;

/**
 * The {@code waitForFinish} parameter of the build routes (ADR 0024): seconds from 0, more than 60
 * served as 60. Builds here are finished when created, so a valid value never delays the answer.
 */
final class WaitForFinish {

  static final double MAX_SECONDS = 60;

  private WaitForFinish() {}

  /** 400 {@code invalid-parameter} for a negative or non-finite number; null is "not sent". */
  static void check(Double seconds) {
    if (seconds != null && (seconds.isNaN() || seconds.isInfinite() || seconds < 0)) {
      throw new ApifyException(
          ApifyError.INVALID_PARAMETER,
          "Parameter \"waitForFinish\" must be a number of seconds from 0 (at most "
              + (int) MAX_SECONDS
              + " are waited).");
    }
  }
}
