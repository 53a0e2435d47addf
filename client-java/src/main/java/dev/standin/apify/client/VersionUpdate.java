package dev.standin.apify.client;

import dev.standin.apify.model.EnvVar;
import dev.standin.apify.model.SourceCodeEntry;
import dev.standin.apify.model.UpdateVersionRequest;
import dev.standin.apify.model.VersionSourceType;
import dev.standin.client.UpdateBuilder;
import java.util.List;
import java.util.Objects;

/**
 * Builds an {@link UpdateVersionRequest} for {@link ActorVersionClient#update}, where absent and
 * {@code null} are explicit: a setter sends the value, a {@code clear} method sends {@code null}
 * (the server clears the property), and a property no method touches is left out of the JSON (the
 * server keeps it). {@code sourceType} and {@code sourceFiles} have no clear method: the server
 * treats their {@code null} as absent. The version number is the one in the path; it is not sent.
 *
 * <pre>{@code
 * client.actor(id).version("0.1").update(VersionUpdate.create().buildTag("beta").build());
 * }</pre>
 */
public final class VersionUpdate extends UpdateBuilder<UpdateVersionRequest, VersionUpdate> {

  private VersionUpdate() {
    super(UpdateVersionRequest::new);
  }

  /** An update that changes nothing until methods are called. */
  public static VersionUpdate create() {
    return new VersionUpdate();
  }

  /**
   * Sets where the source lives; after the update the property it names ({@code sourceFiles},
   * {@code gitRepoUrl}, {@code tarballUrl} or {@code gitHubGistUrl}) must be set.
   */
  public VersionUpdate sourceType(VersionSourceType sourceType) {
    Objects.requireNonNull(sourceType, "sourceType");
    return step(r -> r.sourceType(sourceType));
  }

  /** Sets: replaces the source files as a whole list. */
  public VersionUpdate sourceFiles(List<SourceCodeEntry> sourceFiles) {
    var copy = List.copyOf(Objects.requireNonNull(sourceFiles, "sourceFiles"));
    return step(r -> r.sourceFiles(copy));
  }

  /**
   * Sets: replaces the environment variables as a whole list; a secret one sent without a value
   * keeps the value stored under its name.
   */
  public VersionUpdate envVars(List<EnvVar> envVars) {
    var copy = List.copyOf(Objects.requireNonNull(envVars, "envVars (use clearEnvVars)"));
    return step(r -> r.envVars(copy));
  }

  /** Clears: sends {@code "envVars": null}, removing every environment variable. */
  public VersionUpdate clearEnvVars() {
    return step(r -> r.envVars(null));
  }

  /** Sets whether the environment variables are also given to the build. */
  public VersionUpdate applyEnvVarsToBuild(boolean applyEnvVarsToBuild) {
    return step(r -> r.applyEnvVarsToBuild(applyEnvVarsToBuild));
  }

  /** Clears: sends {@code "applyEnvVarsToBuild": null}. */
  public VersionUpdate clearApplyEnvVarsToBuild() {
    return step(r -> r.applyEnvVarsToBuild(null));
  }

  /** Sets the tag a successful build of this version gets unless the build names another. */
  public VersionUpdate buildTag(String buildTag) {
    Objects.requireNonNull(buildTag, "buildTag (use clearBuildTag)");
    return step(r -> r.buildTag(buildTag));
  }

  /** Clears: sends {@code "buildTag": null}. */
  public VersionUpdate clearBuildTag() {
    return step(r -> r.buildTag(null));
  }

  /** Sets the Git repository URL (the source of a {@code GIT_REPO} version). */
  public VersionUpdate gitRepoUrl(String gitRepoUrl) {
    Objects.requireNonNull(gitRepoUrl, "gitRepoUrl (use clearGitRepoUrl)");
    return step(r -> r.gitRepoUrl(gitRepoUrl));
  }

  /** Clears: sends {@code "gitRepoUrl": null}. */
  public VersionUpdate clearGitRepoUrl() {
    return step(r -> r.gitRepoUrl(null));
  }

  /** Sets the tarball URL (the source of a {@code TARBALL} version). */
  public VersionUpdate tarballUrl(String tarballUrl) {
    Objects.requireNonNull(tarballUrl, "tarballUrl (use clearTarballUrl)");
    return step(r -> r.tarballUrl(tarballUrl));
  }

  /** Clears: sends {@code "tarballUrl": null}. */
  public VersionUpdate clearTarballUrl() {
    return step(r -> r.tarballUrl(null));
  }

  /** Sets the GitHub Gist URL (the source of a {@code GITHUB_GIST} version). */
  public VersionUpdate gitHubGistUrl(String gitHubGistUrl) {
    Objects.requireNonNull(gitHubGistUrl, "gitHubGistUrl (use clearGitHubGistUrl)");
    return step(r -> r.gitHubGistUrl(gitHubGistUrl));
  }

  /** Clears: sends {@code "gitHubGistUrl": null}. */
  public VersionUpdate clearGitHubGistUrl() {
    return step(r -> r.gitHubGistUrl(null));
  }
}
