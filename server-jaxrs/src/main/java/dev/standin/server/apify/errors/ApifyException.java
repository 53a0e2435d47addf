package dev.standin.server.apify.errors;

import dev.standin.apify.errors.ApifyError;

/** A request the Apify API refuses: carries the catalogue entry and the message for the caller. */
public class ApifyException extends RuntimeException {

  private final ApifyError error;

  public ApifyException(ApifyError error) {
    this(error, error.defaultMessage());
  }

  public ApifyException(ApifyError error, String message) {
    super(message, null, false, false); // a client error, not a bug: no stack trace needed
    this.error = error;
  }

  public ApifyError error() {
    return error;
  }

  public static ApifyException invalidValue(String message) {
    return new ApifyException(ApifyError.INVALID_VALUE, message);
  }

  public static ApifyException notFound(String message) {
    return new ApifyException(ApifyError.RECORD_NOT_FOUND, message);
  }
}
