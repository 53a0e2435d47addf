package dev.standin.server.kernel.store;

import dev.standin.server.apify.store.Collection;
import dev.standin.server.apify.store.Document;
import dev.standin.server.apify.store.Page;
import dev.standin.server.apify.store.User;
import dev.standin.server.spaaza.store.SpaazaTaskQuery;
import dev.standin.server.spaaza.store.SpaazaTaskRecord;
import dev.standin.server.spaaza.store.SpaazaToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Everything the server persists, behind one interface so that the embedded default and a shared
 * database are interchangeable. Implementations guarantee:
 *
 * <ul>
 *   <li>a method that returns has made its change durable (it survives a crash of the process);
 *   <li>{@link #update} is an atomic read-modify-write: concurrent updates of one document are
 *       applied one after the other, each to the result of the previous one, so none is lost;
 *   <li>names are unique per owner and collection; a clash raises {@link NameTakenException} and
 *       stores nothing.
 * </ul>
 */
public interface Store extends AutoCloseable {

  // --- users and their API tokens ---------------------------------------------------------

  Optional<User> findUserById(String id);

  Optional<User> findUserByUsername(String username);

  /** Finds the owner of an API token by the token's hash (tokens are never stored in clear). */
  Optional<User> findUserByTokenHash(String tokenHash);

  /** Creates a user; {@link NameTakenException} when the username is taken. */
  void createUser(User user);

  /** Adds a token to a user; does nothing when the token already belongs to that user. */
  void addToken(String userId, String tokenHash);

  long countUsers();

  // --- documents: Actors, tasks, ... -----------------------------------------------------

  Optional<Document> find(Collection collection, String id);

  Optional<Document> findByName(Collection collection, String ownerId, String name);

  /** Inserts a new document; {@link NameTakenException} when its name is taken. */
  void insert(Collection collection, Document document);

  /**
   * Atomically replaces a document with what {@code change} makes of its current version. An
   * exception thrown by {@code change} aborts the update and stores nothing. A store may run {@code
   * change} more than once (again on a newer version when another writer got there first), so it
   * must compute its result from its argument alone; only the last run's result is stored.
   *
   * @return the stored new version, or empty when there is no document with that ID
   */
  Optional<Document> update(Collection collection, String id, DocumentChange change);

  /**
   * @return whether a document was deleted
   */
  boolean delete(Collection collection, String id);

  /** One page of an owner's documents, ordered by creation (oldest first unless {@code desc}). */
  Page list(Collection collection, String ownerId, long offset, int limit, boolean desc);

  // --- Spaaza: chains, credentials, tasks -----------------------------------------------

  long countSpaazaChains();

  /** Creates a chain with a store-assigned ID and returns that ID. */
  long createSpaazaChain(String name, Instant createdAt);

  /** Makes sure a chain with this ID exists (creating it with {@code name} when it does not). */
  void ensureSpaazaChain(long chainId, String name, Instant createdAt);

  Optional<SpaazaToken> findSpaazaToken(String tokenId);

  /** Stores a token, replacing the chain and secret hash of a token with the same ID. */
  void putSpaazaToken(SpaazaToken token);

  /** Stores an admin session; the key is given as its hash. */
  void putSpaazaSession(long userId, String keyHash);

  /** The user of a session, by the hash of its key. */
  Optional<Long> findSpaazaSessionUser(String keyHash);

  /** Sets (or replaces) an admin user's access level on a chain. */
  void putSpaazaChainAccess(long userId, long chainId, String accessLevel);

  Optional<String> findSpaazaChainAccess(long userId, long chainId);

  /** Inserts a task (its {@code id} is ignored) and returns the ID the store assigned. */
  long insertSpaazaTask(SpaazaTaskRecord task);

  Optional<SpaazaTaskRecord> findSpaazaTask(long id);

  /**
   * Atomically replaces a task with what {@code change} makes of its current version (same
   * guarantees as {@link #update}). When {@code change} returns its argument unchanged (the same
   * instance), nothing is written. An exception thrown by {@code change} stores nothing.
   *
   * @return the stored version after the change, or empty when there is no task with that ID
   */
  Optional<SpaazaTaskRecord> updateSpaazaTask(long id, UnaryOperator<SpaazaTaskRecord> change);

  boolean deleteSpaazaTask(long id);

  List<SpaazaTaskRecord> listSpaazaTasks(SpaazaTaskQuery query);

  /** IDs of tasks in {@code state} whose due time is not after {@code now}, earliest first. */
  List<Long> findDueSpaazaTasks(String state, Instant now, int max);

  /** Asks the store a trivial question; throws {@link StoreException} when it cannot answer. */
  void ping();

  @Override
  void close();

  /** The change of an {@link #update}: receives the current version, returns the new one. */
  @FunctionalInterface
  interface DocumentChange {
    Document apply(Document current);
  }
}
