package dev.standin.server.spaaza.errors;

import dev.standin.server.kernel.errors.VendorException;
import dev.standin.spaaza.errors.SpaazaError;

/** A request the Spaaza API refuses: the catalogue entry and the description for the caller. */
public class SpaazaException extends VendorException {

  private final SpaazaError error;

  public SpaazaException(SpaazaError error) {
    this(error, error.defaultDescription());
  }

  public SpaazaException(SpaazaError error, String description) {
    super(description);
    this.error = error;
  }

  @Override
  public SpaazaError error() {
    return error;
  }

  public static SpaazaException taskNotFound(long id) {
    return new SpaazaException(SpaazaError.TASK_NOT_FOUND, "Task " + id + " was not found.");
  }
}
