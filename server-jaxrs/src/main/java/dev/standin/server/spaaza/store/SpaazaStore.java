package dev.standin.server.spaaza.store;

import dev.standin.server.kernel.store.Database;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What the Spaaza Services API persists: chains, their API tokens, admin sessions and access
 * levels, and scheduled tasks. Writes are durable when a method returns.
 */
public interface SpaazaStore {

  // --- chains and credentials -------------------------------------------------------------

  long countChains();

  /** Creates a chain with a store-assigned ID and returns that ID. */
  long createChain(String name, Instant createdAt);

  /** Makes sure a chain with this ID exists (creating it with {@code name} when it does not). */
  void ensureChain(long chainId, String name, Instant createdAt);

  Optional<SpaazaToken> findToken(String tokenId);

  /** Stores a token, replacing the chain and secret hash of a token with the same ID. */
  void putToken(SpaazaToken token);

  /** Stores an admin session; the key is given as its hash. */
  void putSession(long userId, String keyHash);

  /** The user of a session, by the hash of its key. */
  Optional<Long> findSessionUser(String keyHash);

  /** Sets (or replaces) an admin user's access level on a chain. */
  void putChainAccess(long userId, long chainId, String accessLevel);

  Optional<String> findChainAccess(long userId, long chainId);

  // --- tasks ------------------------------------------------------------------------------

  /** Inserts a task (its {@code id} is ignored) and returns the ID the store assigned. */
  long insertTask(SpaazaTaskRecord task);

  Optional<SpaazaTaskRecord> findTask(long id);

  /**
   * Atomically replaces a task with what {@code change} makes of it, under the one update contract
   * of {@link Database#update} ({@code change} may run more than once; returning its argument
   * writes nothing). The task's ID and chain never change.
   *
   * @return the stored version after the change, or empty when there is no task with that ID
   */
  Optional<SpaazaTaskRecord> updateTask(long id, UnaryOperator<SpaazaTaskRecord> change);

  boolean deleteTask(long id);

  List<SpaazaTaskRecord> listTasks(SpaazaTaskQuery query);

  /** IDs of tasks in {@code state} whose due time is not after {@code now}, earliest first. */
  List<Long> findDueTasks(String state, Instant now, int max);

  // --- result files and secrets -------------------------------------------------------------
  // In the database, so every instance on a shared one serves what any of them exported.

  /**
   * Stores a task's result file under {@code name}, replacing a file of that name; fails when the
   * task no longer exists (a result goes with its task, and is deleted with it).
   */
  void putResult(String name, long taskId, byte[] content);

  /** The content of the result file {@code name}, if there is one. */
  Optional<byte[]> findResult(String name);

  /** Whether a result file named {@code name} is stored. */
  boolean hasResult(String name);

  void deleteResult(String name);

  /**
   * The secret stored under {@code name}; when there is none yet, stores {@code candidate} and
   * returns it. Of instances that start together, the first to store wins and all get its value.
   */
  String secret(String name, String candidate);
}
