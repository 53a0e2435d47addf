package dev.standin.server.kernel.store;

/** The store failed for a reason of its own (I/O, database); not the client's fault. */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
