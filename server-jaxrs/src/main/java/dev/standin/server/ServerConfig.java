package dev.standin.server;

import dev.standin.server.apify.auth.UserToken;
import dev.standin.server.kernel.store.DatabaseConfig;
import dev.standin.server.kernel.wire.RateLimits;
import dev.standin.server.spaaza.SpaazaConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Everything the server needs to start.
 *
 * @param host interface to listen on
 * @param port TCP port; 0 picks a free one
 * @param dataDir where the embedded store keeps its file
 * @param database a shared PostgreSQL database to use instead of the embedded store, or {@code
 *     null} for the embedded store
 * @param users accounts to make sure exist, each with a token that will be accepted
 * @param defaultUsername name of the account created (with a fresh token) when the store has none
 * @param clock time source for timestamps and the Spaaza scheduler
 * @param spaaza how the Spaaza Services API is served
 * @param rateLimits requests allowed per resource and per user
 * @param state a seed to load on start and the admin API
 */
public record ServerConfig(
    String host,
    int port,
    Path dataDir,
    DatabaseConfig database,
    List<UserToken> users,
    String defaultUsername,
    Clock clock,
    SpaazaConfig spaaza,
    RateLimits rateLimits,
    StateConfig state) {

  public static final String DEFAULT_USERNAME = "local-user";

  public ServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDir, "dataDir");
    users = List.copyOf(users);
    Objects.requireNonNull(defaultUsername, "defaultUsername");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(spaaza, "spaaza");
    Objects.requireNonNull(rateLimits, "rateLimits");
    Objects.requireNonNull(state, "state");
  }

  /** The configuration as it was before seeds and the admin API: with {@link StateConfig#NONE}. */
  public ServerConfig(
      String host,
      int port,
      Path dataDir,
      DatabaseConfig database,
      List<UserToken> users,
      String defaultUsername,
      Clock clock,
      SpaazaConfig spaaza,
      RateLimits rateLimits) {
    this(
        host,
        port,
        dataDir,
        database,
        users,
        defaultUsername,
        clock,
        spaaza,
        rateLimits,
        StateConfig.NONE);
  }

  /** Defaults suitable for a test: loopback, a free port, no preset users. */
  public static ServerConfig forDataDir(Path dataDir) {
    return new ServerConfig(
        "127.0.0.1",
        0,
        dataDir,
        null,
        List.of(),
        DEFAULT_USERNAME,
        Clock.systemUTC(),
        SpaazaConfig.defaults(),
        RateLimits.VENDOR);
  }

  public ServerConfig withUsers(List<UserToken> newUsers) {
    return new ServerConfig(
        host, port, dataDir, database, newUsers, defaultUsername, clock, spaaza, rateLimits, state);
  }

  public ServerConfig withPort(int newPort) {
    return new ServerConfig(
        host, newPort, dataDir, database, users, defaultUsername, clock, spaaza, rateLimits, state);
  }

  public ServerConfig withClock(Clock newClock) {
    return new ServerConfig(
        host, port, dataDir, database, users, defaultUsername, newClock, spaaza, rateLimits, state);
  }

  public ServerConfig withSpaaza(SpaazaConfig newSpaaza) {
    return new ServerConfig(
        host, port, dataDir, database, users, defaultUsername, clock, newSpaaza, rateLimits, state);
  }

  public ServerConfig withRateLimits(RateLimits newLimits) {
    return new ServerConfig(
        host, port, dataDir, database, users, defaultUsername, clock, spaaza, newLimits, state);
  }

  /** The same, on a shared database ({@code null}: the embedded store). */
  public ServerConfig withDatabase(DatabaseConfig newDatabase) {
    return new ServerConfig(
        host, port, dataDir, newDatabase, users, defaultUsername, clock, spaaza, rateLimits, state);
  }

  /** The same, with a seed to load on start and the admin API as {@code newState} says. */
  public ServerConfig withState(StateConfig newState) {
    return new ServerConfig(
        host, port, dataDir, database, users, defaultUsername, clock, spaaza, rateLimits, newState);
  }
}
