package dev.standin.server.apify;

import dev.standin.apify.errors.ApifyError;
import dev.standin.apify.model.Actor;
import dev.standin.apify.model.ActorNotice;
import dev.standin.apify.model.ActorPermissionLevel;
import dev.standin.apify.model.ActorShort;
import dev.standin.apify.model.ActorStandby;
import dev.standin.apify.model.ActorStats;
import dev.standin.apify.model.Build;
import dev.standin.apify.model.BuildTag;
import dev.standin.apify.model.CreateActorRequest;
import dev.standin.apify.model.DefaultRunOptions;
import dev.standin.apify.model.ListOfActors;
import dev.standin.apify.model.PublicActorRunStats;
import dev.standin.apify.model.TaggedBuildInfo;
import dev.standin.apify.model.UpdateActorRequest;
import dev.standin.apify.model.UpdateVersionRequest;
import dev.standin.apify.model.Version;
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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import org.openapitools.jackson.nullable.JsonNullable;

/** Actors: create, read, list, delete, and the update with its merge rules. */
public class ActorService {

  /**
   * An update request whose build tags have been resolved to the builds they name, and whose {@code
   * versions} entries have been read as version changes (null when not sent).
   */
  record ActorUpdate(
      UpdateActorRequest request,
      Map<String, TaggedBuildInfo> tags,
      List<UpdateVersionRequest> versions) {}

  /**
   * PUT /v2/actors/{id}: present properties replace the stored ones whole, except the settings
   * objects ({@code defaultRunOptions}, {@code actorStandby}), merged one level by their tables in
   * {@link SettingsMerge}, and {@code taggedBuilds}, patched tag by tag. Each {@code versions}
   * entry is built by {@link ActorVersions#VERSION_UPDATE}. The deprecated top-level {@code
   * restartOnError} sets {@code defaultRunOptions.restartOnError} before that object is merged, so
   * the nested one wins when both are sent. Checked as a whole afterwards by {@link #check}.
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
              update -> MergeTable.presentUnlessNull(update.versions()),
              (actor, versions) ->
                  actor.setVersions(ActorVersions.replaceAll(versions, actor.getVersions())))
          .replace(
              "pricingInfos",
              sent(u -> MergeTable.presentUnlessNull(u.getPricingInfos())),
              Actor::setPricingInfos)
          .replace(
              "categories",
              sent(UpdateActorRequest::getCategories_JsonNullable),
              Actor::setCategories)
          .replace(
              "restartOnError",
              sent(u -> MergeTable.presentUnlessNull(u.getRestartOnError())),
              (actor, restart) -> actor.getDefaultRunOptions().setRestartOnError(restart))
          .merge(
              "defaultRunOptions",
              sent(UpdateActorRequest::getDefaultRunOptions_JsonNullable),
              Actor::getDefaultRunOptions,
              Actor::setDefaultRunOptions,
              SettingsMerge::defaultRunOptions,
              SettingsMerge::defaultRunOptions,
              SettingsMerge.DEFAULT_RUN_OPTIONS)
          .patch("taggedBuilds", ActorUpdate::tags, Actor::getTaggedBuilds, Actor::setTaggedBuilds)
          .merge(
              "actorStandby",
              sent(UpdateActorRequest::getActorStandby_JsonNullable),
              Actor::getActorStandby,
              Actor::setActorStandby,
              ActorStandby::new,
              () -> null,
              SettingsMerge.ACTOR_STANDBY)
          .replace(
              "exampleRunInput",
              sent(UpdateActorRequest::getExampleRunInput_JsonNullable),
              Actor::setExampleRunInput)
          .replace(
              "isDeprecated",
              sent(UpdateActorRequest::getIsDeprecated_JsonNullable),
              Actor::setIsDeprecated)
          .readOnly(
              "id",
              "userId",
              "username",
              "createdAt",
              "modifiedAt",
              "stats",
              "deploymentKey",
              "readmeSummary",
              "pictureUrl",
              "standbyUrl",
              "notice",
              "isCritical",
              "isGeneric",
              "isSourceCodeHidden",
              "hasNoDataset");

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

  public Actor create(User caller, CreateActorRequest request) {
    if (request == null || request.getName() == null) {
      throw ApifyException.invalidValue("Field \"name\" is required.");
    }
    ActorVersions.checkCount(request.getVersions());
    DefaultRunOptions runOptions = SettingsMerge.defaultRunOptions();
    if (request.getRestartOnError() != null) {
      runOptions.setRestartOnError(request.getRestartOnError());
    }
    if (request.getDefaultRunOptions() != null) {
      SettingsMerge.DEFAULT_RUN_OPTIONS.apply(request.getDefaultRunOptions(), runOptions);
    }
    OffsetDateTime now = timestamps.now();
    String id = Ids.newId();
    Actor actor =
        new Actor()
            .id(id)
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
            .stats(new ActorStats().totalBuilds(0L))
            .versions(ActorVersions.replaceAll(versionChanges(request.getVersions()), List.of()))
            .pricingInfos(request.getPricingInfos() == null ? List.of() : request.getPricingInfos())
            .defaultRunOptions(runOptions)
            .taggedBuilds(new LinkedHashMap<>())
            .deploymentKey(deploymentKeyOf(id));
    if (request.getExampleRunInput_JsonNullable().isPresent()) {
      actor.setExampleRunInput(request.getExampleRunInput());
    }
    if (request.getActorStandby() != null) {
      actor.setActorStandby(
          SettingsMerge.ACTOR_STANDBY.apply(request.getActorStandby(), new ActorStandby()));
    } else if (request.getActorStandby_JsonNullable().isPresent()) {
      actor.setActorStandby(null);
    }
    complete(actor);
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

  /** An Actor the caller owns, or a public one (also without a token: {@code caller} null). */
  public Versioned<Actor> get(User caller, String actorId) {
    Document document = locateReadable(caller, actorId);
    return new Versioned<>(forCaller(toActor(document), caller), Versions.etagOf(document));
  }

  public Versioned<Actor> update(User caller, String actorId, UpdateActorRequest request) {
    if (request == null) {
      throw new ApifyException(ApifyError.INVALID_INPUT, "The request body must be a JSON object.");
    }
    if (request.getVersions() != null) {
      ActorVersions.checkCount(request.getVersions());
    }
    Document located = locateOwned(caller, actorId);
    ActorUpdate update =
        new ActorUpdate(
            request, resolveTags(located.id(), request), versionChanges(request.getVersions()));
    return change(caller, located, actor -> ACTOR_UPDATE.apply(update, actor));
  }

  /**
   * One accepted change of the caller's Actor: {@code change} runs inside the store's atomic update
   * on the stored Actor; then every Actor rule is checked and {@code modifiedAt} moves. A broken
   * rule stores nothing.
   */
  Versioned<Actor> change(User caller, Document located, Consumer<Actor> change) {
    Document updated =
        updateDocument(
            located.id(),
            actor -> {
              change.accept(actor);
              complete(actor);
              OffsetDateTime now = timestamps.after(actor.getModifiedAt());
              check(actor, now);
              actor.setModifiedAt(now);
            });
    return new Versioned<>(forCaller(toActor(updated), caller), Versions.etagOf(updated));
  }

  /** The {@code versions} of a request read as version changes; null when none were sent. */
  private List<UpdateVersionRequest> versionChanges(List<Version> versions) {
    if (versions == null) {
      return null;
    }
    List<UpdateVersionRequest> changes = new ArrayList<>();
    for (Version version : versions) {
      changes.add(
          version == null ? null : json.mapper().convertValue(version, UpdateVersionRequest.class));
    }
    return changes;
  }

  public void delete(User caller, String actorId) {
    Document located = locateOwned(caller, actorId);
    store.delete(Collection.ACTORS, located.id());
  }

  /** The sort keys of the Actor list ({@code sortBy}). */
  static final String SORT_BY_CREATED_AT = "createdAt";

  static final String SORT_BY_LAST_RUN = "stats.lastRunStartedAt";

  /**
   * One page of the caller's Actors, by {@code sortBy}: {@code createdAt} (the default) or {@code
   * stats.lastRunStartedAt}, Actors that never ran first (last with {@code desc}), ties by {@code
   * createdAt} (ADR 0024).
   */
  public ListOfActors list(User caller, long offset, int limit, boolean desc, String sortBy) {
    Paging paging = Paging.of(offset, limit);
    Page page;
    if (sortBy == null || sortBy.equals(SORT_BY_CREATED_AT)) {
      page = store.list(Collection.ACTORS, caller.id(), paging.offset(), paging.limit(), desc);
    } else if (sortBy.equals(SORT_BY_LAST_RUN)) {
      page = byLastRun(caller, paging, desc);
    } else {
      throw new ApifyException(
          ApifyError.INVALID_PARAMETER,
          "Parameter \"sortBy\" must be \""
              + SORT_BY_CREATED_AT
              + "\" or \""
              + SORT_BY_LAST_RUN
              + "\".");
    }
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
   * The caller's Actors sorted by the start of their last run. The store keeps no such column, so
   * the list is read whole (in creation order, which breaks ties) and sorted here.
   */
  private Page byLastRun(User caller, Paging paging, boolean desc) {
    List<Document> all = new ArrayList<>();
    long total;
    long offset = 0;
    do {
      Page page = store.list(Collection.ACTORS, caller.id(), offset, Paging.MAX_PAGE_SIZE, false);
      all.addAll(page.items());
      total = page.total();
      offset += Paging.MAX_PAGE_SIZE;
    } while (offset < total && all.size() == offset);
    Comparator<Document> order =
        Comparator.comparing(
            (Document document) -> lastRunStartedAt(toActor(document)),
            Comparator.nullsFirst(Comparator.naturalOrder()));
    List<Document> sorted = new ArrayList<>(all);
    // stable: equal keys keep creation order, reversed with the rest for desc
    sorted.sort(order);
    if (desc) {
      Collections.reverse(sorted);
    }
    int from = (int) Math.min(paging.offset(), sorted.size());
    int to = (int) Math.min((long) from + paging.limit(), sorted.size());
    return new Page(sorted.size(), List.copyOf(sorted.subList(from, to)));
  }

  private static OffsetDateTime lastRunStartedAt(Actor actor) {
    return actor.getStats() == null ? null : actor.getStats().getLastRunStartedAt();
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

  /**
   * After a build was chosen for deletion: refuses it when it is the Actor's default build (400
   * {@code deleting-default-build}, nothing changes), else removes the tags that point at it and
   * counts it out. One atomic update, decided on the Actor as it is then.
   */
  void forgetBuild(String actorId, Build build, BiPredicate<Actor, Build> isDefault) {
    updateDocument(
        actorId,
        actor -> {
          if (isDefault.test(actor, build)) {
            throw new ApifyException(
                ApifyError.DELETING_DEFAULT_BUILD,
                "Build "
                    + build.getBuildNumber()
                    + " is the Actor's default build (defaultRunOptions.build) and cannot be"
                    + " deleted.");
          }
          Map<String, TaggedBuildInfo> tags = new LinkedHashMap<>(tagsOf(actor));
          tags.values().removeIf(info -> info != null && build.getId().equals(info.getBuildId()));
          actor.setTaggedBuilds(tags);
          ActorStats stats = Optional.ofNullable(actor.getStats()).orElseGet(ActorStats::new);
          stats.setTotalBuilds(
              Math.max(0, Optional.ofNullable(stats.getTotalBuilds()).orElse(0L) - 1));
          actor.setStats(stats);
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

  /**
   * The stored Actor, with what Actors stored before a property existed lack filled in, and the
   * properties the platform computes set.
   */
  public Actor toActor(Document document) {
    return complete(json.read(document.json(), Actor.class));
  }

  /**
   * Fills in the properties the platform computes (ADR 0024) and the defaults an Actor must always
   * answer with: run options with every default, the top-level {@code restartOnError} equal to the
   * nested one, full {@code stats}.
   */
  private static Actor complete(Actor actor) {
    actor.setVersions(actor.getVersions() == null ? new ArrayList<>() : actor.getVersions());
    actor.setPricingInfos(
        actor.getPricingInfos() == null ? new ArrayList<>() : actor.getPricingInfos());
    actor.setTaggedBuilds(new LinkedHashMap<>(tagsOf(actor)));
    actor.setDefaultRunOptions(SettingsMerge.complete(actor.getDefaultRunOptions()));
    actor.setRestartOnError(actor.getDefaultRunOptions().getRestartOnError());
    actor.setStats(completeStats(actor.getStats()));
    if (actor.getDeploymentKey() == null) {
      actor.setDeploymentKey(deploymentKeyOf(actor.getId()));
    }
    actor.setReadmeSummary(actor.getDescription() == null ? "" : actor.getDescription());
    actor.setPictureUrl(null);
    actor.setStandbyUrl(null);
    actor.setNotice(ActorNotice.NONE);
    actor.setIsCritical(false);
    actor.setIsGeneric(false);
    actor.setIsSourceCodeHidden(true);
    actor.setHasNoDataset(false);
    return actor;
  }

  /** The counters: builds as counted, everything about runs, users and reviews 0 (nothing runs). */
  private static ActorStats completeStats(ActorStats stored) {
    long builds = stored == null || stored.getTotalBuilds() == null ? 0L : stored.getTotalBuilds();
    ActorStats stats =
        new ActorStats()
            .totalBuilds(builds)
            .totalRuns(0L)
            .totalUsers(0L)
            .totalUsers7Days(0L)
            .totalUsers30Days(0L)
            .totalUsers90Days(0L)
            .totalMetamorphs(0L)
            .actorReviewCount(0L)
            .actorReviewRating(0.0)
            .bookmarkCount(0L)
            .publicActorRunStats30Days(
                new PublicActorRunStats()
                    .ABORTED(0L)
                    .FAILED(0L)
                    .SUCCEEDED(0L)
                    .TIMED_OUT(0L)
                    .TOTAL(0L));
    stats.setLastRunStartedAt(null);
    return stats;
  }

  /**
   * A public key in the OpenSSH format, made up from the Actor's ID: the same for an Actor on every
   * read, different between Actors. Nothing uses it here; clients only display it.
   */
  private static String deploymentKeyOf(String actorId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(actorId.getBytes(StandardCharsets.UTF_8));
      ByteBuffer blob = ByteBuffer.allocate(4 + 11 + 4 + 32);
      blob.putInt(11).put("ssh-ed25519".getBytes(StandardCharsets.US_ASCII));
      blob.putInt(32).put(digest);
      return "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob.array()) + " standin";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
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
    if (caller != null && actor.getUserId().equals(caller.id())) {
      return actor.username(caller.username());
    }
    return actor.username(store.findUserById(actor.getUserId()).map(User::username).orElse(null));
  }

  private static ApifyException nameTaken() {
    return new ApifyException(ApifyError.ACTOR_NAME_NOT_UNIQUE);
  }
}
