package dev.standin.server.kernel.module;

import dev.standin.server.kernel.docs.OtherApi;
import dev.standin.server.kernel.ops.Metrics;
import dev.standin.server.kernel.ops.TimedStore;
import dev.standin.server.kernel.state.ServerState;
import dev.standin.server.kernel.store.Database;
import dev.standin.server.kernel.wire.RateLimits;
import dev.standin.server.kernel.wire.SharedRateLimiter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * What the server hands every {@link ApiModule} it starts: the settings all APIs share and the
 * shared database and meters.
 *
 * @param host interface to listen on
 * @param dataDir the server's data directory (for files an API keeps beside the database)
 * @param clock time source
 * @param rateLimits requests allowed per resource and per caller
 * @param sharedRateLimiter where the limits are counted across instances (a shared database), or
 *     {@code null} when each instance counts in its own memory
 * @param database the database every API's store works on
 * @param metrics where requests and store calls are counted
 * @param servesOperations whether this API's port also answers {@code /health}, {@code /ready} and
 *     {@code /metrics} (the server's first API does)
 * @param otherApis the server's other APIs, which this API's docs page links to
 * @param state the server's state as seed sections (reset, load, export), which the API's {@link
 *     ApiModule#seedable} section is part of
 * @param adminToken the admin API's token on the operations port, or {@code null} when the admin
 *     API is off
 */
public record ModuleContext(
    String host,
    Path dataDir,
    Clock clock,
    RateLimits rateLimits,
    SharedRateLimiter sharedRateLimiter,
    Database database,
    Metrics metrics,
    boolean servesOperations,
    List<OtherApi> otherApis,
    ServerState state,
    String adminToken) {

  public ModuleContext {
    otherApis = List.copyOf(otherApis);
  }

  /** An API's store, with every call timed in {@link #metrics()}. */
  public <S> S timed(Class<S> storeInterface, S store) {
    return TimedStore.wrap(storeInterface, store, metrics);
  }
}
