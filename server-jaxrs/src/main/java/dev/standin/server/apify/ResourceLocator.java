package dev.standin.server.apify;

import dev.standin.apify.errors.ApifyError;
import dev.standin.server.apify.auth.UserService;
import dev.standin.server.apify.errors.ApifyException;
import dev.standin.server.apify.store.ApifyStore;
import dev.standin.server.apify.store.Collection;
import dev.standin.server.apify.store.Document;
import dev.standin.server.apify.store.User;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Resolves the ID path parameter of a resource in any of its three forms (the 17-character ID,
 * {@code username~name}, {@code ~name} for the caller's own) and checks the caller may use it:
 * missing → 404 {@code record-not-found}, someone else's → 403 {@code insufficient-permissions}.
 */
public final class ResourceLocator {

  private final ApifyStore store;
  private final UserService users;

  public ResourceLocator(ApifyStore store, UserService users) {
    this.store = store;
    this.users = users;
  }

  /** The caller's own resource. */
  public Document locateOwned(Collection collection, String idOrName, User caller, String what) {
    return locate(collection, idOrName, caller, what, document -> false);
  }

  /**
   * A resource the caller owns, or one that {@code sharedWithEveryone} says anybody may use (a
   * public Actor, say). Without a token ({@code caller} null) only the shared ones are found; any
   * other answer is 401 {@code token-not-provided}, whether the resource exists or not.
   */
  public Document locate(
      Collection collection,
      String idOrName,
      User caller,
      String what,
      Predicate<Document> sharedWithEveryone) {
    if (caller == null) {
      return findAnonymously(collection, idOrName, what)
          .filter(sharedWithEveryone)
          .orElseThrow(() -> new ApifyException(ApifyError.TOKEN_NOT_PROVIDED));
    }
    Document document = find(collection, idOrName, caller, what);
    if (!document.ownerId().equals(caller.id()) && !sharedWithEveryone.test(document)) {
      throw new ApifyException(ApifyError.INSUFFICIENT_PERMISSIONS);
    }
    return document;
  }

  /** {@code ~name} names the caller's own resource, so without a caller it names none. */
  private Optional<Document> findAnonymously(Collection collection, String idOrName, String what) {
    if (idOrName.startsWith("~")) {
      return Optional.empty();
    }
    try {
      return Optional.of(find(collection, idOrName, null, what));
    } catch (ApifyException notFound) {
      return Optional.empty();
    }
  }

  /**
   * The ID of the resource that {@code idOrName} names, reading the store only for the name forms.
   * For updates: the caller's ownership is then checked by {@link #checkOwned} on the version the
   * atomic update reads, which saves a read per request.
   */
  public String idOf(Collection collection, String idOrName, User caller, String what) {
    return idOrName.indexOf('~') < 0 ? idOrName : find(collection, idOrName, caller, what).id();
  }

  /** Refuses a resource that someone else owns (403 {@code insufficient-permissions}). */
  public static void checkOwned(Document document, User caller) {
    if (!document.ownerId().equals(caller.id())) {
      throw new ApifyException(ApifyError.INSUFFICIENT_PERMISSIONS);
    }
  }

  private Document find(Collection collection, String idOrName, User caller, String what) {
    ApifyException notFound = ApifyException.notFound(what + " was not found");
    int tilde = idOrName.indexOf('~');
    if (tilde < 0) {
      return store.find(collection, idOrName).orElseThrow(() -> notFound);
    }
    String username = idOrName.substring(0, tilde);
    String name = idOrName.substring(tilde + 1);
    String ownerId =
        username.isEmpty()
            ? caller.id()
            : users.findByUsername(username).orElseThrow(() -> notFound).id();
    return store.findByName(collection, ownerId, name).orElseThrow(() -> notFound);
  }
}
