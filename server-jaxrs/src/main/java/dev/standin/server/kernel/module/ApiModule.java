package dev.standin.server.kernel.module;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.standin.server.kernel.state.Seedable;
import java.util.Optional;

/**
 * One vendor's API: a self-contained package (resources, services, auth, errors, its own store over
 * the shared database) that the server starts on a port of its own. Adding a vendor means adding
 * one package with one of these; the kernel knows no vendor.
 *
 * @param <R> what the running API offers its starter (its address, credentials it created, ...)
 */
public interface ApiModule<R extends RunningApi> {

  /**
   * Starts the API on {@code port}: opens its store over {@link ModuleContext#database()}, prepares
   * its credentials, and listens. The starter binds the ports of all APIs before it starts any, so
   * a port that is taken stops the start before anything is written. When this throws, nothing of
   * the API is left running; a port it did not take over stays the starter's to close.
   */
  R start(ModuleContext context, BoundPort port);

  /**
   * The API's section of the server's state, asked for before {@link #start}: the server loads a
   * seed into every section before the APIs start (so an API that creates a first account on an
   * empty store sees the seeded ones), and resets, loads and exports them through the admin API.
   */
  default Optional<Seedable> seedable(ModuleContext context) {
    return Optional.empty();
  }

  /**
   * What the API's start flags preset (accounts and the credentials a test suite was given), as a
   * section of a seed document in {@link #seedable}'s format. The server loads it, leaving what
   * exists alone, after every reset and every replacing load, so credentials given on the command
   * line keep working whatever the admin API did (ADR 0033). None by default.
   */
  default Optional<ObjectNode> presets() {
    return Optional.empty();
  }
}
