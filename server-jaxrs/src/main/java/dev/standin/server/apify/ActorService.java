package dev.standin.server.apify;

import dev.standin.apify.errors.ApifyError;
import dev.standin.apify.model.Actor;
import dev.standin.apify.model.ActorStats;
import dev.standin.apify.model.CreateActorRequest;
import dev.standin.apify.model.DefaultRunOptions;
import dev.standin.server.errors.ApifyException;
import dev.standin.server.store.Collection;
import dev.standin.server.store.Document;
import dev.standin.server.store.NameTakenException;
import dev.standin.server.store.Store;
import dev.standin.server.store.User;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Actors: as much as tasks need (create, read). The full update comes with its own issue. */
public class ActorService {

  private final Store store;
  private final ResourceLocator locator;
  private final DocumentJson json;
  private final Timestamps timestamps;

  public ActorService(
      Store store, ResourceLocator locator, DocumentJson json, Timestamps timestamps) {
    this.store = store;
    this.locator = locator;
    this.json = json;
    this.timestamps = timestamps;
  }

  public Actor create(User caller, CreateActorRequest request) {
    if (request == null || request.getName() == null) {
      throw ApifyException.invalidValue("Field \"name\" is required.");
    }
    Rules.checkName("name", request.getName());
    DefaultRunOptions runOptions =
        request.getDefaultRunOptions() == null
            ? new DefaultRunOptions().build("latest").timeoutSecs(3600L).memoryMbytes(4096)
            : request.getDefaultRunOptions();
    Rules.checkMemoryMbytes("defaultRunOptions.memoryMbytes", runOptions.getMemoryMbytes());
    Rules.checkNotNegative("defaultRunOptions.timeoutSecs", runOptions.getTimeoutSecs());

    OffsetDateTime now = timestamps.now();
    Actor actor =
        new Actor()
            .id(Ids.newId())
            .userId(caller.id())
            .name(request.getName())
            .description(request.getDescription())
            .title(request.getTitle())
            .isPublic(Boolean.TRUE.equals(request.getIsPublic()))
            .seoTitle(request.getSeoTitle())
            .seoDescription(request.getSeoDescription())
            .categories(request.getCategories() == null ? List.of() : request.getCategories())
            .isDeprecated(Boolean.TRUE.equals(request.getIsDeprecated()))
            .createdAt(now)
            .modifiedAt(now)
            .stats(new ActorStats().totalBuilds(0L).totalRuns(0L).totalUsers(1L))
            .defaultRunOptions(runOptions);
    checkPublishable(actor);
    try {
      store.insert(
          Collection.ACTORS,
          new Document(
              actor.getId(), caller.id(), actor.getName(), now.toInstant(), json.write(actor)));
    } catch (NameTakenException e) {
      throw new ApifyException(ApifyError.ACTOR_NAME_NOT_UNIQUE);
    }
    return withOwner(actor, caller);
  }

  /** An Actor the caller owns, or a public one. */
  public Versioned<Actor> get(User caller, String actorId) {
    Document document = locateReadable(caller, actorId);
    return new Versioned<>(withOwner(toActor(document), caller), Versions.etagOf(document));
  }

  /** The stored Actor document, when the caller may use it (own or public). */
  public Document locateReadable(User caller, String actorId) {
    return locator.locate(
        Collection.ACTORS, actorId, caller, "Actor", document -> toActor(document).getIsPublic());
  }

  public Optional<Actor> findById(String actorId) {
    return store.find(Collection.ACTORS, actorId).map(this::toActor);
  }

  public Actor toActor(Document document) {
    return json.read(document.json(), Actor.class);
  }

  /** A public Actor must be findable in the store: it needs a title and a category. */
  private static void checkPublishable(Actor actor) {
    boolean hasTitle = actor.getTitle() != null && !actor.getTitle().isBlank();
    boolean hasCategory = actor.getCategories() != null && !actor.getCategories().isEmpty();
    if (Boolean.TRUE.equals(actor.getIsPublic()) && !(hasTitle && hasCategory)) {
      throw new ApifyException(ApifyError.CANNOT_PUBLISH_ACTOR);
    }
  }

  private Actor withOwner(Actor actor, User caller) {
    if (actor.getUserId().equals(caller.id())) {
      return actor.username(caller.username());
    }
    return actor.username(storeUsername(actor.getUserId()));
  }

  private String storeUsername(String userId) {
    return store.findUserById(userId).map(User::username).orElse(null);
  }
}
