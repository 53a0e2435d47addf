package dev.standin.server.apify;

import dev.standin.apify.errors.ApifyError;
import dev.standin.apify.model.Actor;
import dev.standin.apify.model.ActorPermissionLevel;
import dev.standin.apify.model.ActorShort;
import dev.standin.apify.model.ActorStats;
import dev.standin.apify.model.Build;
import dev.standin.apify.model.BuildTag;
import dev.standin.apify.model.CreateActorRequest;
import dev.standin.apify.model.DefaultRunOptions;
import dev.standin.apify.model.ListOfActors;
import dev.standin.apify.model.TaggedBuildInfo;
import dev.standin.apify.model.UpdateActorRequest;
import dev.standin.server.apify.errors.ApifyException;
import dev.standin.server.apify.store.ApifyStore;
import dev.standin.server.apify.store.Collection;
import dev.standin.server.apify.store.Document;
import dev.standin.server.apify.store.Page;
import dev.standin.server.apify.store.User;
import dev.standin.server.kernel.Ids;
import dev.standin.server.kernel.Timestamps;
import dev.standin.server.kernel.json.DocumentJson;
import dev.standin.server.kernel.merge.MergeTable;
import dev.standin.server.kernel.store.NameTakenException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.openapitools.jackson.nullable.JsonNullable;

/** Actors: create, read, list, delete, and the update with its merge rules. */
public class ActorService {

  /** An update request whose build tags have been resolved to the builds they name. */
  record ActorUpdate(UpdateActorRequest request, Map<String, TaggedBuildInfo> tags) {}

  /**
   * PUT /v2/actors/{id}: present properties replace the stored ones whole, {@code taggedBuilds} is
   * patched tag by tag. Checked as a whole afterwards by {@link #check}.
   */
  static final MergeTable<ActorUpdate, Actor> ACTOR_UPDATE =
      MergeTable.<ActorUpdate, Actor>create()
          .replace("name", sent(u -> MergeTable.presentUnlessNull(u.getName())), Actor::setName)
          .replace(
              "description",
              sent(UpdateActorRequest::getDescription_JsonNullable),
              Actor::setDescription)
          .replace(
              "isPublic",
              sent(u -> MergeTable.presentUnlessNull(u.getIsPublic())),
              Actor::setIsPublic)
          .replace(
              "actorPermissionLevel",
              sent(u -> MergeTable.presentUnlessNull(u.getActorPermissionLevel())),
              Actor::setActorPermissionLevel)
          .replace(
              "seoTitle", sent(UpdateActorRequest::getSeoTitle_JsonNullable), Actor::setSeoTitle)
          .replace(
              "seoDescription",
              sent(UpdateActorRequest::getSeoDescription_JsonNullable),
              Actor::setSeoDescription)
          .replace("title", sent(UpdateActorRequest::getTitle_JsonNullable), Actor::setTitle)
          .replace(
              "versions",
              sent(u -> MergeTable.presentUnlessNull(u.getVersions())),
              (actor, versions) ->
                  actor.setVersions(ActorVersions.keepStoredSecrets(versions, actor.getVersions())))
          .replace(
              "pricingInfos",
              sent(u -> MergeTable.presentUnlessNull(u.getPricingInfos())),
              Actor::setPricingInfos)
          .replace(
              "categories",
              sent(UpdateActorRequest::getCategories_JsonNullable),
              Actor::setCategories)
          .replace(
              "defaultRunOptions",
              sent(UpdateActorRequest::getDefaultRunOptions_JsonNullable),
              (actor, options) ->
                  actor.setDefaultRunOptions(options == null ? defaultRunOptions() : options))
          .patch("taggedBuilds", ActorUpdate::tags, Actor::getTaggedBuilds, Actor::setTaggedBuilds)
          .replace(
              "actorStandby",
              sent(UpdateActorRequest::getActorStandby_JsonNullable),
              Actor::setActorStandby)
          .replace(
              "exampleRunInput",
              sent(UpdateActorRequest::getExampleRunInput_JsonNullable),
              Actor::setExampleRunInput)
          .replace(
              "isDeprecated",
              sent(UpdateActorRequest::getIsDeprecated_JsonNullable),
              Actor::setIsDeprecated)
          .readOnly("id", "userId", "username", "createdAt", "modifiedAt", "stats");

  private static <V> Function<ActorUpdate, JsonNullable<V>> sent(
      Function<UpdateActorRequest, JsonNullable<V>> property) {
    return update -> property.apply(update.request());
  }

  private final ApifyStore store;
  private final ResourceLocator locator;
  private final DocumentJson json;
  private final Timestamps timestamps;

  public ActorService(
      ApifyStore store, ResourceLocator locator, DocumentJson json, Timestamps timestamps) {
    this.store = store;
    this.locator = locator;
    this.json = json;
    this.timestamps = timestamps;
  }

  static DefaultRunOptions defaultRunOptions() {
    return new DefaultRunOptions().build("latest").timeoutSecs(3600L).memoryMbytes(4096);
  }

  public Actor create(User caller, CreateActorRequest request) {
    if (request == null || request.getName() == null) {
      throw ApifyException.invalidValue("Field \"name\" is required.");
    }
    OffsetDateTime now = timestamps.now();
    Actor actor =
        new Actor()
            .id(Ids.newId())
            .userId(caller.id())
            .name(request.getName())
            .description(request.getDescription())
            .title(request.getTitle())
            .isPublic(Boolean.TRUE.equals(request.getIsPublic()))
            .actorPermissionLevel(
                Optional.ofNullable(request.getActorPermissionLevel())
                    .orElse(ActorPermissionLevel.LIMITED_PERMISSIONS))
            .seoTitle(request.getSeoTitle())
            .seoDescription(request.getSeoDescription())
            .categories(request.getCategories() == null ? List.of() : request.getCategories())
            .isDeprecated(Boolean.TRUE.equals(request.getIsDeprecated()))
            .createdAt(now)
            .modifiedAt(now)
            .stats(new ActorStats().totalBuilds(0L).totalRuns(0L).totalUsers(1L))
            .versions(request.getVersions() == null ? List.of() : request.getVersions())
            .pricingInfos(request.getPricingInfos() == null ? List.of() : request.getPricingInfos())
            .defaultRunOptions(
                request.getDefaultRunOptions() == null
                    ? defaultRunOptions()
                    : request.getDefaultRunOptions())
            .taggedBuilds(new LinkedHashMap<>());
    if (request.getExampleRunInput_JsonNullable().isPresent()) {
      actor.setExampleRunInput(request.getExampleRunInput());
    }
    if (request.getActorStandby_JsonNullable().isPresent()) {
      actor.setActorStandby(request.getActorStandby());
    }
    check(actor, now);
    try {
      store.insert(
          Collection.ACTORS,
          new Document(
              actor.getId(), caller.id(), actor.getName(), now.toInstant(), json.write(actor)));
    } catch (NameTakenException e) {
      throw nameTaken();
    }
    return forCaller(actor, caller);
  }

  /** An Actor the caller owns, or a public one. */
  public Versioned<Actor> get(User caller, String actorId) {
    Document document = locateReadable(caller, actorId);
    return new Versioned<>(forCaller(toActor(document), caller), Versions.etagOf(document));
  }

  public Versioned<Actor> update(User caller, String actorId, UpdateActorRequest request) {
    if (request == null) {
      throw new ApifyException(ApifyError.INVALID_INPUT, "The request body must be a JSON object.");
    }
    Document located = locateOwned(caller, actorId);
    ActorUpdate update = new ActorUpdate(request, resolveTags(located.id(), request));
    Document updated =
        updateDocument(
            located.id(),
            actor -> {
              ACTOR_UPDATE.apply(update, actor);
              OffsetDateTime now = timestamps.after(actor.getModifiedAt());
              check(actor, now);
              actor.setModifiedAt(now);
            });
    return new Versioned<>(forCaller(toActor(updated), caller), Versions.etagOf(updated));
  }

  public void delete(User caller, String actorId) {
    Document located = locateOwned(caller, actorId);
    store.delete(Collection.ACTORS, located.id());
  }

  public ListOfActors list(User caller, long offset, int limit, boolean desc) {
    Paging paging = Paging.of(offset, limit);
    Page page = store.list(Collection.ACTORS, caller.id(), paging.offset(), paging.limit(), desc);
    List<ActorShort> items =
        page.items().stream()
            .map(this::toActor)
            .map(
                actor ->
                    new ActorShort()
                        .id(actor.getId())
                        .createdAt(actor.getCreatedAt())
                        .modifiedAt(actor.getModifiedAt())
                        .name(actor.getName())
                        .username(caller.username())
                        .title(actor.getTitle())
                        .stats(actor.getStats()))
            .toList();
    return paging.answer(new ListOfActors(), page.total(), desc, items);
  }

  /**
   * After a build finished: counts it, and points {@code tag} (when not null) at it. One atomic
   * update, so it cannot undo a concurrent update of the Actor.
   */
  void recordBuild(String actorId, Build build, String tag) {
    updateDocument(
        actorId,
        actor -> {
          ActorStats stats = Optional.ofNullable(actor.getStats()).orElseGet(ActorStats::new);
          stats.setTotalBuilds(Optional.ofNullable(stats.getTotalBuilds()).orElse(0L) + 1);
          actor.setStats(stats);
          if (tag != null) {
            Map<String, TaggedBuildInfo> tags = new LinkedHashMap<>(tagsOf(actor));
            tags.put(tag, tagInfo(build));
            actor.setTaggedBuilds(tags);
          }
        });
  }

  /** The stored Actor document, when the caller may use it (own or public). */
  public Document locateReadable(User caller, String actorId) {
    return locator.locate(
        Collection.ACTORS, actorId, caller, "Actor", document -> toActor(document).getIsPublic());
  }

  /** The stored Actor document, when the caller owns it. */
  public Document locateOwned(User caller, String actorId) {
    return locator.locateOwned(Collection.ACTORS, actorId, caller, "Actor");
  }

  public Optional<Actor> findById(String actorId) {
    return store.find(Collection.ACTORS, actorId).map(this::toActor);
  }

  /** The stored Actor, with the lists that Actors stored before they existed filled in. */
  public Actor toActor(Document document) {
    Actor actor = json.read(document.json(), Actor.class);
    actor.setVersions(actor.getVersions() == null ? new ArrayList<>() : actor.getVersions());
    actor.setPricingInfos(
        actor.getPricingInfos() == null ? new ArrayList<>() : actor.getPricingInfos());
    actor.setTaggedBuilds(new LinkedHashMap<>(tagsOf(actor)));
    return actor;
  }

  static TaggedBuildInfo tagInfo(Build build) {
    return new TaggedBuildInfo()
        .buildId(build.getId())
        .buildNumber(build.getBuildNumber())
        .buildNumberInt(build.getBuildNumberInt())
        .finishedAt(build.getFinishedAt());
  }

  // --- helpers ------------------------------------------------------------------------------

  /**
   * The tag patch with each named build looked up: {@code null} (remove) stays {@code null}; a
   * build that does not exist or is another Actor's is a 403 {@code build-not-found}. Builds never
   * change once made, so looking them up before the atomic update is safe.
   */
  private Map<String, TaggedBuildInfo> resolveTags(String actorId, UpdateActorRequest request) {
    Map<String, BuildTag> sent = request.getTaggedBuilds();
    if (sent == null) {
      return null;
    }
    Map<String, TaggedBuildInfo> resolved = new LinkedHashMap<>();
    sent.forEach(
        (tag, target) -> {
          if (tag.isBlank()) {
            throw ApifyException.invalidValue("Field \"taggedBuilds\" has an empty tag name.");
          }
          if (target == null) {
            resolved.put(tag, null);
            return;
          }
          String buildId = target.getBuildId();
          Build build =
              Optional.ofNullable(buildId)
                  .flatMap(id -> store.find(Collection.BUILDS, id))
                  .filter(document -> document.ownerId().equals(actorId))
                  .map(document -> json.read(document.json(), Build.class))
                  .orElseThrow(
                      () ->
                          new ApifyException(
                              ApifyError.BUILD_NOT_FOUND,
                              "Build \""
                                  + buildId
                                  + "\" of tag \""
                                  + tag
                                  + "\" is not a build of this Actor."));
          resolved.put(tag, tagInfo(build));
        });
    return resolved;
  }

  /** Every rule an Actor must keep, checked on the whole Actor after a create or a merge. */
  static void check(Actor actor, OffsetDateTime now) {
    Rules.checkName("name", actor.getName());
    ActorVersions.check(actor.getVersions());
    PricingInfos.checkAndComplete(actor.getPricingInfos(), now);
    DefaultRunOptions options = actor.getDefaultRunOptions();
    Rules.checkMemoryMbytes("defaultRunOptions.memoryMbytes", options.getMemoryMbytes());
    Rules.checkNotNegative("defaultRunOptions.timeoutSecs", options.getTimeoutSecs());
    Rules.checkNotNegative("defaultRunOptions.maxItems", options.getMaxItems());
    checkPublishable(actor);
  }

  /** A public Actor must be findable in the store: it needs a title and a category. */
  private static void checkPublishable(Actor actor) {
    boolean hasTitle = actor.getTitle() != null && !actor.getTitle().isBlank();
    boolean hasCategory = actor.getCategories() != null && !actor.getCategories().isEmpty();
    if (Boolean.TRUE.equals(actor.getIsPublic()) && !(hasTitle && hasCategory)) {
      throw new ApifyException(ApifyError.CANNOT_PUBLISH_ACTOR);
    }
  }

  /** One atomic read-modify-write of a stored Actor; a name clash is a 409 and stores nothing. */
  private Document updateDocument(String id, Consumer<Actor> change) {
    try {
      return store
          .update(
              Collection.ACTORS,
              id,
              current -> {
                Actor actor = toActor(current);
                change.accept(actor);
                return current.withName(actor.getName()).withJson(json.write(actor));
              })
          .orElseThrow(() -> ApifyException.notFound("Actor was not found"));
    } catch (NameTakenException e) {
      throw nameTaken();
    }
  }

  private static Map<String, TaggedBuildInfo> tagsOf(Actor actor) {
    return actor.getTaggedBuilds() == null ? Map.of() : actor.getTaggedBuilds();
  }

  /** The Actor as its caller sees it: with the owner's username, without secret values. */
  private Actor forCaller(Actor actor, User caller) {
    ActorVersions.hideSecrets(actor.getVersions());
    if (actor.getUserId().equals(caller.id())) {
      return actor.username(caller.username());
    }
    return actor.username(store.findUserById(actor.getUserId()).map(User::username).orElse(null));
  }

  private static ApifyException nameTaken() {
    return new ApifyException(ApifyError.ACTOR_NAME_NOT_UNIQUE);
  }
}
