package dev.standin.server.spaaza.errors;

import dev.standin.spaaza.errors.SpaazaError;

/** A request the Spaaza API refuses: the catalogue entry and the description for the caller. */
public class SpaazaException extends RuntimeException {

  private final SpaazaError error;

  public SpaazaException(SpaazaError error) {
    this(error, error.defaultDescription());
  }

  public SpaazaException(SpaazaError error, String description) {
    super(description, null, false, false); // a client error, not a bug: no stack trace needed
    this.error = error;
  }

  public SpaazaError error() {
    return error;
  }

  public static SpaazaException taskNotFound(long id) {
    return new SpaazaException(SpaazaError.TASK_NOT_FOUND, "Task " + id + " was not found.");
  }
}
