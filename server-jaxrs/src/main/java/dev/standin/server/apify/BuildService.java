package dev.standin.server.apify;

import dev.standin.apify.errors.ApifyError;
import dev.standin.apify.model.Actor;
import dev.standin.apify.model.ActorJobStatus;
import dev.standin.apify.model.Build;
import dev.standin.apify.model.BuildShort;
import dev.standin.apify.model.BuildsMeta;
import dev.standin.apify.model.ListOfBuilds;
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

  /**
   * Builds {@code versionNumber} of the caller's Actor, numbered {@code MAJOR.MINOR.N} with N one
   * more than the version's last build, and points {@code tag} (or else the version's build tag) at
   * it.
   */
  public Build create(User caller, String actorId, String versionNumber, String tag) {
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
    Build build =
        new Build()
            .id(Ids.newId())
            .actId(actor.getId())
            .userId(caller.id())
            .startedAt(now)
            .finishedAt(now)
            .status(ActorJobStatus.SUCCEEDED)
            .meta(new BuildsMeta().origin(BuildsMeta.OriginEnum.API))
            .usageTotalUsd(0.0);
    insertWithNextNumber(build, versionNumber);
    actors.recordBuild(actor.getId(), build, tag != null ? tag : version.getBuildTag());
    return build;
  }

  /** A build of an Actor the caller owns, or of a public one. */
  public Build get(User caller, String buildId) {
    Document document =
        store
            .find(Collection.BUILDS, buildId)
            .orElseThrow(() -> ApifyException.notFound("Actor build was not found"));
    actors.locateReadable(caller, document.ownerId());
    return toBuild(document);
  }

  public ListOfBuilds list(User caller, String actorId, long offset, int limit, boolean desc) {
    Paging paging = Paging.of(offset, limit);
    Document actor = actors.locateOwned(caller, actorId);
    Page page = store.list(Collection.BUILDS, actor.id(), paging.offset(), paging.limit(), desc);
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

  /** {@code major·10⁷ + minor·10⁵ + n}: build numbers that sort as integers. */
  static long buildNumberInt(String buildNumber) {
    String[] parts = buildNumber.split("\\.");
    return Long.parseLong(parts[0]) * 10_000_000L
        + Long.parseLong(parts[1]) * 100_000L
        + Long.parseLong(parts[2]);
  }

  /**
   * Stores the build under the next free number of its version. The store keeps build numbers
   * unique per Actor, so two builds started at once cannot get the same number: the loser of a race
   * tries the next one.
   */
  private void insertWithNextNumber(Build build, String versionNumber) {
    for (long n = lastBuildOf(build.getActId(), versionNumber) + 1; ; n++) {
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
