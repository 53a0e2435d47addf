package dev.standin.server.apify.store;

import dev.standin.server.kernel.store.Database;
import dev.standin.server.kernel.store.NameTakenException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What the Apify API persists: users with their API tokens, and documents (Actors, tasks, builds).
 * Writes are durable when a method returns; names are unique per owner and collection (a clash is
 * {@link NameTakenException} and stores nothing).
 */
public interface ApifyStore {

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

  // --- documents: Actors, tasks, builds ---------------------------------------------------

  Optional<Document> find(Collection collection, String id);

  Optional<Document> findByName(Collection collection, String ownerId, String name);

  /** Inserts a new document; {@link NameTakenException} when its name is taken. */
  void insert(Collection collection, Document document);

  /**
   * Atomically replaces a document with what {@code change} makes of it, under the one update
   * contract of {@link Database#update} ({@code change} may run more than once; returning its
   * argument writes nothing).
   *
   * @return the stored new version, or empty when there is no document with that ID
   */
  Optional<Document> update(Collection collection, String id, UnaryOperator<Document> change);

  /**
   * @return whether a document was deleted
   */
  boolean delete(Collection collection, String id);

  /** One page of an owner's documents, ordered by creation (oldest first unless {@code desc}). */
  Page list(Collection collection, String ownerId, long offset, int limit, boolean desc);

  /**
   * One page of the documents whose owner is a {@code parents} document owned by {@code userId} (a
   * user's builds across all their Actors), in creation order (oldest first unless {@code desc}).
   */
  Page listThroughParents(
      Collection collection,
      Collection parents,
      String userId,
      long offset,
      int limit,
      boolean desc);

  // --- build numbers ----------------------------------------------------------------------

  /**
   * Hands out the next build number of an Actor version: one more than the last one handed out, and
   * at least {@code atLeast}. A number is never handed out twice, even after its build was deleted;
   * the counter goes with the Actor.
   */
  long nextBuildNumber(String actorId, String versionNumber, long atLeast);
}
