package dev.standin.server.apify.errors;

import dev.standin.apify.errors.ApifyError;
import dev.standin.server.kernel.errors.VendorException;

/** A request the Apify API refuses: carries the catalogue entry and the message for the caller. */
public class ApifyException extends VendorException {

  private final ApifyError error;

  public ApifyException(ApifyError error) {
    this(error, error.defaultMessage());
  }

  public ApifyException(ApifyError error, String message) {
    super(message);
    this.error = error;
  }

  @Override
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
