package dev.standin.server.kernel.store;

/** A user, Actor or task name clashed with an existing one of the same owner. */
public class NameTakenException extends RuntimeException {
  public NameTakenException(String message, Throwable cause) {
    super(message, cause);
  }
}
