package dev.standin.server.apify;

import dev.standin.apify.errors.ApifyError;
import dev.standin.apify.model.Actor;
import dev.standin.apify.model.ActorDefinition;
import dev.standin.apify.model.ActorJobStatus;
import dev.standin.apify.model.Build;
import dev.standin.apify.model.BuildActVersion;
import dev.standin.apify.model.BuildOptions;
import dev.standin.apify.model.BuildShort;
import dev.standin.apify.model.BuildStats;
import dev.standin.apify.model.BuildUsage;
import dev.standin.apify.model.BuildsMeta;
import dev.standin.apify.model.ListOfBuilds;
import dev.standin.apify.model.TaggedBuildInfo;
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
import dev.standin.server.kernel.store.NameTakenException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openapitools.jackson.nullable.JsonNullable;

/**
 * Builds of Actor versions. Nothing is compiled: a build is finished ({@code SUCCEEDED}) when it is
 * created, so that build numbers and tags behave as on the vendor's platform.
 */
public class BuildService {

  private final ApifyStore store;
  private final ActorService actors;
  private final DocumentJson json;
  private final Timestamps timestamps;

  public BuildService(
      ApifyStore store, ActorService actors, DocumentJson json, Timestamps timestamps) {
    this.store = store;
    this.actors = actors;
    this.json = json;
    this.timestamps = timestamps;
  }

  /** The memory and disk a vendor build gets, recorded in each build's {@code options}. */
  static final int BUILD_MEMORY_MBYTES = 4096;

  static final int BUILD_DISK_MBYTES = 8192;

  /**
   * Builds {@code versionNumber} of the caller's Actor, numbered {@code MAJOR.MINOR.N} with N one
   * more than the version's last build, and points {@code tag} (or else the version's build tag) at
   * it. {@code useCache} and {@code betaPackages} are recorded in the build's {@code options}.
   */
  public Build create(
      User caller,
      String actorId,
      String versionNumber,
      String tag,
      BuildOptions requested,
      Double waitForFinish) {
    WaitForFinish.check(waitForFinish);
    if (versionNumber == null || versionNumber.isBlank()) {
      throw new ApifyException(ApifyError.INVALID_PARAMETER, "Parameter \"version\" is required.");
    }
    Actor actor = actors.toActor(actors.locateOwned(caller, actorId));
    Version version =
        actor.getVersions().stream()
            .filter(v -> v.getVersionNumber().equals(versionNumber))
            .findFirst()
            .orElseThrow(
                () ->
                    new ApifyException(
                        ApifyError.INVALID_PARAMETER,
                        "Parameter \"version\": the Actor has no version \""
                            + versionNumber
                            + "\"."));
    OffsetDateTime now = timestamps.now();
    Optional<ActorDefinition> definition =
        ActorDefinitions.read(version.getSourceFiles(), json.mapper());
    Build build =
        new Build()
            .id(Ids.newId())
            .actId(actor.getId())
            .userId(caller.id())
            .startedAt(now)
            .finishedAt(now)
            .status(ActorJobStatus.SUCCEEDED)
            .meta(new BuildsMeta().origin(BuildsMeta.OriginEnum.API))
            .usageTotalUsd(0.0)
            .stats(
                new BuildStats()
                    .durationMillis(0L)
                    .runTimeSecs(0.0)
                    .computeUnits(0.0)
                    .imageSizeBytes(null))
            .options(requested.memoryMbytes(BUILD_MEMORY_MBYTES).diskMbytes(BUILD_DISK_MBYTES))
            .usage(new BuildUsage().ACTOR_COMPUTE_UNITS(0.0))
            .usageUsd(new BuildUsage().ACTOR_COMPUTE_UNITS(0.0))
            .actVersion(
                new BuildActVersion()
                    .versionNumber(version.getVersionNumber())
                    .sourceType(version.getSourceType())
                    .buildTag(version.getBuildTag())
                    .gitRepoUrl(version.getGitRepoUrl())
                    .sourceFiles(version.getSourceFiles()))
            .actorDefinition(definition.orElse(null))
            .inputSchema(
                definition
                    .flatMap(d -> ActorDefinitions.inputSchemaText(d, json.mapper()))
                    .orElse(null))
            .readme(definition.map(ActorDefinition::getReadme).orElse(null));
    insertWithNextNumber(build, versionNumber);
    actors.recordBuild(actor.getId(), build, tag != null ? tag : version.getBuildTag());
    return build;
  }

  /**
   * A build by its ID alone: of an Actor the caller owns, or of a public one (anyone may read
   * those, also without a token; then the cost is left out).
   */
  public Build get(User caller, String buildId, Double waitForFinish) {
    WaitForFinish.check(waitForFinish);
    Document document = find(caller, buildId);
    actors.locateReadable(caller, document.ownerId());
    return forCaller(toBuild(document), caller);
  }

  /** A build of the Actor {@code actorId}: a build of another Actor is not found. */
  public Build getOfActor(User caller, String actorId, String buildId, Double waitForFinish) {
    WaitForFinish.check(waitForFinish);
    Document actor = actors.locateReadable(caller, actorId);
    Document document =
        store
            .find(Collection.BUILDS, buildId)
            .filter(build -> build.ownerId().equals(actor.id()))
            .orElseThrow(() -> ApifyException.notFound("Actor build was not found"));
    return forCaller(toBuild(document), caller);
  }

  /** The Actor's default build (ADR 0024): the build its {@code defaultRunOptions.build} names. */
  public Build getDefault(User caller, String actorId, Double waitForFinish) {
    WaitForFinish.check(waitForFinish);
    Actor actor = actors.toActor(actors.locateReadable(caller, actorId));
    return defaultBuildId(actor)
        .flatMap(id -> store.find(Collection.BUILDS, id))
        .or(
            () ->
                Optional.ofNullable(defaultBuildName(actor))
                    .flatMap(number -> store.findByName(Collection.BUILDS, actor.getId(), number)))
        .filter(document -> document.ownerId().equals(actor.getId()))
        .map(document -> forCaller(toBuild(document), caller))
        .orElseThrow(() -> ApifyException.notFound("The Actor has no default build"));
  }

  /**
   * Deletes a build of one of the caller's Actors and the tags that point at it; the Actor's
   * default build cannot be deleted (400 {@code deleting-default-build}).
   */
  public void delete(User caller, String buildId) {
    Document document = find(caller, buildId);
    actors.locateOwned(caller, document.ownerId());
    Build build = toBuild(document);
    actors.forgetBuild(document.ownerId(), build, BuildService::isDefault);
    store.delete(Collection.BUILDS, build.getId());
  }

  /** Whether {@code build} is the default build of {@code actor} (ADR 0024). */
  static boolean isDefault(Actor actor, Build build) {
    return defaultBuildId(actor)
        .map(id -> id.equals(build.getId()))
        .orElseGet(() -> build.getBuildNumber().equals(defaultBuildName(actor)));
  }

  /** The build the default names as a tag, when it names a tag of the Actor. */
  private static Optional<String> defaultBuildId(Actor actor) {
    String name = defaultBuildName(actor);
    Map<String, TaggedBuildInfo> tags = actor.getTaggedBuilds();
    return Optional.ofNullable(name)
        .map(tag -> tags == null ? null : tags.get(tag))
        .map(TaggedBuildInfo::getBuildId);
  }

  private static String defaultBuildName(Actor actor) {
    return actor.getDefaultRunOptions() == null ? null : actor.getDefaultRunOptions().getBuild();
  }

  public ListOfBuilds list(User caller, String actorId, long offset, int limit, boolean desc) {
    Paging paging = Paging.of(offset, limit);
    Document actor = actors.locateOwned(caller, actorId);
    return listOf(
        store.list(Collection.BUILDS, actor.id(), paging.offset(), paging.limit(), desc),
        paging,
        desc);
  }

  /** The builds of all the caller's Actors. */
  public ListOfBuilds listOfCaller(User caller, long offset, int limit, boolean desc) {
    Paging paging = Paging.of(offset, limit);
    return listOf(
        store.listThroughParents(
            Collection.BUILDS,
            Collection.ACTORS,
            caller.id(),
            paging.offset(),
            paging.limit(),
            desc),
        paging,
        desc);
  }

  private ListOfBuilds listOf(Page page, Paging paging, boolean desc) {
    List<BuildShort> items =
        page.items().stream()
            .map(this::toBuild)
            .map(
                build ->
                    new BuildShort()
                        .id(build.getId())
                        .actId(build.getActId())
                        .userId(build.getUserId())
                        .status(build.getStatus())
                        .startedAt(build.getStartedAt())
                        .finishedAt(build.getFinishedAt())
                        .usageTotalUsd(build.getUsageTotalUsd())
                        .buildNumber(build.getBuildNumber())
                        .buildNumberInt(build.getBuildNumberInt())
                        .meta(build.getMeta()))
            .toList();
    return paging.answer(new ListOfBuilds(), page.total(), desc, items);
  }

  /**
   * The stored build; a missing one is 404, or 401 to a request without a token, which learns
   * nothing of the builds that exist (only public Actors' builds can be read without one).
   */
  private Document find(User caller, String buildId) {
    return store
        .find(Collection.BUILDS, buildId)
        .orElseThrow(
            () ->
                caller == null
                    ? new ApifyException(ApifyError.TOKEN_NOT_PROVIDED)
                    : ApifyException.notFound("Actor build was not found"));
  }

  /** Without a token, the build's cost is left out (ADR 0008 addendum). */
  private static Build forCaller(Build build, User caller) {
    if (caller == null) {
      build.setUsageUsd_JsonNullable(JsonNullable.undefined());
      build.setUsageTotalUsd_JsonNullable(JsonNullable.undefined());
    }
    return build;
  }

  /** {@code major·10⁷ + minor·10⁵ + n}: build numbers that sort as integers. */
  static long buildNumberInt(String buildNumber) {
    String[] parts = buildNumber.split("\\.");
    return Long.parseLong(parts[0]) * 10_000_000L
        + Long.parseLong(parts[1]) * 100_000L
        + Long.parseLong(parts[2]);
  }

  /**
   * Stores the build under the next number of its version. Numbers come from the version's counter
   * ({@link ApifyStore#nextBuildNumber}), so a deleted build's number is not handed out again; the
   * counter starts past the builds stored before it existed. The store also keeps build numbers
   * unique per Actor: should a number be taken all the same, the next one is tried.
   */
  private void insertWithNextNumber(Build build, String versionNumber) {
    long existing = lastBuildOf(build.getActId(), versionNumber);
    for (long n = store.nextBuildNumber(build.getActId(), versionNumber, existing + 1);
        ;
        n = store.nextBuildNumber(build.getActId(), versionNumber, n + 1)) {
      String number = versionNumber + "." + n;
      build.buildNumber(number).buildNumberInt(buildNumberInt(number));
      try {
        store.insert(
            Collection.BUILDS,
            new Document(
                build.getId(),
                build.getActId(),
                number,
                build.getStartedAt().toInstant(),
                json.write(build)));
        return;
      } catch (NameTakenException taken) {
        // a concurrent build of the same version took this number
      }
    }
  }

  private long lastBuildOf(String actorId, String versionNumber) {
    long last = 0;
    String prefix = versionNumber + ".";
    int pageSize = Paging.MAX_PAGE_SIZE;
    for (long offset = 0; ; offset += pageSize) {
      Page page = store.list(Collection.BUILDS, actorId, offset, pageSize, false);
      for (Document document : page.items()) {
        if (document.name().startsWith(prefix)) {
          last = Math.max(last, Long.parseLong(document.name().substring(prefix.length())));
        }
      }
      if (offset + pageSize >= page.total()) {
        return last;
      }
    }
  }

  private Build toBuild(Document document) {
    return json.read(document.json(), Build.class);
  }
}
