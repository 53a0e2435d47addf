package dev.standin.server.kernel.errors;

/**
 * A request a vendor's API refuses on purpose: each vendor's exception carries an entry of its own
 * error catalogue, which {@link VendorErrors} turns into the status and body the vendor answers.
 */
public abstract class VendorException extends RuntimeException {

  protected VendorException(String message) {
    super(message, null, false, false); // a client error, not a bug: no stack trace needed
  }

  /** The catalogue entry; each vendor narrows the type. */
  public abstract Object error();
}
