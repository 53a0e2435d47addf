package dev.standin.server.apify;

import dev.standin.apify.errors.ApifyError;
import dev.standin.apify.model.Actor;
import dev.standin.apify.model.ListOfVersions;
import dev.standin.apify.model.UpdateVersionRequest;
import dev.standin.apify.model.Version;
import dev.standin.server.apify.ActorVersions.VersionChange;
import dev.standin.server.apify.errors.ApifyException;
import dev.standin.server.apify.store.Document;
import dev.standin.server.apify.store.User;
import dev.standin.server.kernel.json.DocumentJson;
import java.util.ArrayList;
import java.util.List;

/**
 * An Actor's versions, one at a time (ADR 0024). They live inside the Actor document: each change
 * is one atomic update of the Actor by {@link ActorService#change}, which checks every Actor rule
 * and moves its {@code modifiedAt}. Only the Actor's owner may read or change them.
 */
public class VersionService {

  private final ActorService actors;
  private final DocumentJson json;

  public VersionService(ActorService actors, DocumentJson json) {
    this.actors = actors;
    this.json = json;
  }

  /** Every version, in the Actor's order, unpaged. */
  public ListOfVersions list(User caller, String actorId) {
    List<Version> versions = ownedActor(caller, actorId).getVersions();
    ActorVersions.hideSecrets(versions);
    return new ListOfVersions().total(versions.size()).items(versions);
  }

  public Version get(User caller, String actorId, String versionNumber) {
    Version version = existing(ownedActor(caller, actorId), versionNumber);
    ActorVersions.hideSecrets(List.of(version));
    return version;
  }

  /** Adds a version: a new number (403 otherwise), within the limit of versions per Actor. */
  public Created create(User caller, String actorId, Version sent) {
    if (sent == null) {
      throw new ApifyException(ApifyError.INVALID_INPUT, "The request body must be a JSON object.");
    }
    Document located = actors.locateOwned(caller, actorId);
    UpdateVersionRequest change = json.mapper().convertValue(sent, UpdateVersionRequest.class);
    Version version =
        ActorVersions.VERSION_UPDATE.apply(new VersionChange(change, null), new Version());
    ActorVersions.checkOne("", version);
    Actor actor =
        actors
            .change(
                caller,
                located,
                stored -> {
                  List<Version> versions = new ArrayList<>(stored.getVersions());
                  if (ActorVersions.find(versions, version.getVersionNumber()).isPresent()) {
                    throw new ApifyException(
                        ApifyError.VERSION_ALREADY_EXISTS,
                        "The Actor already has version \"" + version.getVersionNumber() + "\".");
                  }
                  versions.add(version);
                  ActorVersions.checkCount(versions);
                  stored.setVersions(versions);
                })
            .value();
    return new Created(actor.getId(), existing(actor, version.getVersionNumber()));
  }

  /** The version added, and the ID of its Actor (for the {@code Location} of the answer). */
  public record Created(String actorId, Version version) {}

  /**
   * A partial update of one version by {@link ActorVersions#VERSION_UPDATE}: properties sent
   * replace, absent ones are kept, secrets sent without a value keep theirs. A {@code
   * versionNumber} in the body must be the one in the path (a version is not renumbered here).
   */
  public Version update(
      User caller, String actorId, String versionNumber, UpdateVersionRequest request) {
    if (request == null) {
      throw new ApifyException(ApifyError.INVALID_INPUT, "The request body must be a JSON object.");
    }
    String sentNumber = request.getVersionNumber();
    if (sentNumber != null && !sentNumber.equals(versionNumber)) {
      throw ApifyException.invalidValue(
          "Field \"versionNumber\" must be \""
              + versionNumber
              + "\", the version in the path (a version cannot be renumbered), got \""
              + sentNumber
              + "\".");
    }
    Document located = actors.locateOwned(caller, actorId);
    Actor actor =
        actors
            .change(
                caller,
                located,
                stored -> {
                  Version version = existing(stored, versionNumber);
                  Version before = copyOf(version);
                  ActorVersions.VERSION_UPDATE.apply(new VersionChange(request, before), version);
                  ActorVersions.checkOne("", version);
                })
            .value();
    return existing(actor, versionNumber);
  }

  /** Deletes a version; not the Actor's last one (403 {@code too-few-versions}). */
  public void delete(User caller, String actorId, String versionNumber) {
    Document located = actors.locateOwned(caller, actorId);
    actors.change(
        caller,
        located,
        stored -> {
          List<Version> versions = new ArrayList<>(stored.getVersions());
          versions.remove(existing(stored, versionNumber));
          if (versions.isEmpty()) {
            throw new ApifyException(
                ApifyError.TOO_FEW_VERSIONS,
                "Version \""
                    + versionNumber
                    + "\" is the Actor's only version; an Actor must have at least one.");
          }
          stored.setVersions(versions);
        });
  }

  private Actor ownedActor(User caller, String actorId) {
    return actors.toActor(actors.locateOwned(caller, actorId));
  }

  private static Version existing(Actor actor, String versionNumber) {
    return ActorVersions.find(actor.getVersions(), versionNumber)
        .orElseThrow(
            () -> ApifyException.notFound("The Actor has no version \"" + versionNumber + "\"."));
  }

  private Version copyOf(Version version) {
    return json.mapper().convertValue(version, Version.class);
  }
}
