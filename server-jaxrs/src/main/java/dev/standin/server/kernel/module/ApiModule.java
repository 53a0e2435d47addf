package dev.standin.server.kernel.module;

/**
 * One vendor's API: a self-contained package (resources, services, auth, errors, its own store over
 * the shared database) that the server starts on a port of its own. Adding a vendor means adding
 * one package with one of these; the kernel knows no vendor.
 *
 * @param <R> what the running API offers its starter (its address, credentials it created, ...)
 */
public interface ApiModule<R extends RunningApi> {

  /**
   * Starts the API: opens its store over {@link ModuleContext#database()}, prepares its
   * credentials, and listens. When it throws, nothing of it is left running.
   */
  R start(ModuleContext context);
}
