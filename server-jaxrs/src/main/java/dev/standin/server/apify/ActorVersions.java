package dev.standin.server.apify;

import dev.standin.apify.errors.ApifyError;
import dev.standin.apify.model.EnvVar;
import dev.standin.apify.model.SourceCodeEntry;
import dev.standin.apify.model.UpdateVersionRequest;
import dev.standin.apify.model.Version;
import dev.standin.apify.model.VersionSourceType;
import dev.standin.server.apify.errors.ApifyException;
import dev.standin.server.kernel.merge.MergeTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of an Actor's {@code versions}: numbers, source types, source files, and the secrecy of
 * secret environment variables (ADR 0010).
 */
final class ActorVersions {

  static final Pattern VERSION_NUMBER =
      Pattern.compile("^([0-9]|[1-9][0-9])\\.([0-9]|[1-9][0-9])$");

  private ActorVersions() {}

  /** The most versions an Actor may have (ADR 0024: the vendor publishes no number). */
  static final int MAX_VERSIONS = 100;

  /**
   * Changes to one version, and the version of the same number stored before the change (or null)
   * whose secret values the change keeps.
   */
  record VersionChange(UpdateVersionRequest sent, Version stored) {}

  /**
   * One version's properties, as a {@code PUT .../versions/{versionNumber}} applies them to the
   * stored version and as an entry of {@code versions} in an Actor update applies them to a new one
   * (ADR 0023): a property sent replaces; {@code null} on {@code versionNumber}, {@code sourceType}
   * or {@code sourceFiles} (not nullable) is treated as absent, on the others clears it; a secret
   * variable sent without {@code value} takes the value stored for its name in the same version
   * (ADR 0010).
   */
  static final MergeTable<VersionChange, Version> VERSION_UPDATE =
      MergeTable.<VersionChange, Version>create()
          .replace(
              "versionNumber",
              c -> MergeTable.presentUnlessNull(c.sent().getVersionNumber()),
              Version::setVersionNumber)
          .replace(
              "sourceType",
              c -> MergeTable.presentUnlessNull(c.sent().getSourceType()),
              Version::setSourceType)
          .replace(
              "envVars",
              c ->
                  c.sent()
                      .getEnvVars_JsonNullable()
                      .map(envVars -> keepStoredSecrets(envVars, c.stored())),
              Version::setEnvVars)
          .replace(
              "applyEnvVarsToBuild",
              c -> c.sent().getApplyEnvVarsToBuild_JsonNullable(),
              Version::setApplyEnvVarsToBuild)
          .replace("buildTag", c -> c.sent().getBuildTag_JsonNullable(), Version::setBuildTag)
          .replace(
              "sourceFiles",
              c -> MergeTable.presentUnlessNull(c.sent().getSourceFiles()),
              Version::setSourceFiles)
          .replace("gitRepoUrl", c -> c.sent().getGitRepoUrl_JsonNullable(), Version::setGitRepoUrl)
          .replace("tarballUrl", c -> c.sent().getTarballUrl_JsonNullable(), Version::setTarballUrl)
          .replace(
              "gitHubGistUrl",
              c -> c.sent().getGitHubGistUrl_JsonNullable(),
              Version::setGitHubGistUrl);

  /**
   * The {@code versions} of an Actor update: each entry is a new version built by {@link
   * #VERSION_UPDATE}, keeping the secrets of the stored version of the same number.
   */
  static List<Version> replaceAll(List<UpdateVersionRequest> sent, List<Version> stored) {
    List<Version> versions = new ArrayList<>();
    for (UpdateVersionRequest entry : sent) {
      if (entry == null) {
        versions.add(null); // reported by check, with its index
        continue;
      }
      Version before = find(stored, entry.getVersionNumber()).orElse(null);
      versions.add(VERSION_UPDATE.apply(new VersionChange(entry, before), new Version()));
    }
    return versions;
  }

  /** The version of that number, if the list has one. */
  static Optional<Version> find(List<Version> versions, String number) {
    if (versions == null || number == null) {
      return Optional.empty();
    }
    return versions.stream()
        .filter(v -> v != null && number.equals(v.getVersionNumber()))
        .findFirst();
  }

  /** A secret variable sent without a value takes the one stored in {@code stored} by its name. */
  private static List<EnvVar> keepStoredSecrets(List<EnvVar> sent, Version stored) {
    if (sent == null) {
      return null;
    }
    Map<String, String> secrets = new HashMap<>();
    for (EnvVar env : envVars(stored)) {
      if (isSecret(env) && env.getValue() != null) {
        secrets.put(env.getName(), env.getValue());
      }
    }
    for (EnvVar env : sent) {
      if (isSecret(env) && env.getValue() == null) {
        env.setValue(secrets.get(env.getName()));
      }
    }
    return sent;
  }

  /**
   * How many versions an Actor may have: at least one (403 {@code too-few-versions}), at most
   * {@link #MAX_VERSIONS} (403 {@code too-many-versions}). Checked where the list is set or grows
   * or shrinks, so an Actor stored before the rule can still be updated otherwise.
   */
  static void checkCount(List<Version> versions) {
    if (versions == null || versions.isEmpty()) {
      throw new ApifyException(
          ApifyError.TOO_FEW_VERSIONS, "An Actor must have at least one version of its source.");
    }
    if (versions.size() > MAX_VERSIONS) {
      throw new ApifyException(
          ApifyError.TOO_MANY_VERSIONS,
          "An Actor can have at most " + MAX_VERSIONS + " versions, got " + versions.size() + ".");
    }
  }

  /** Checks every version; the first broken rule is the answer. */
  static void check(List<Version> versions) {
    Set<String> numbers = new HashSet<>();
    for (int i = 0; i < versions.size(); i++) {
      Version version = versions.get(i);
      String field = "versions[" + i + "]";
      if (version == null) {
        throw ApifyException.invalidValue("Field \"" + field + "\" must be an object.");
      }
      checkOne(field + ".", version);
      if (!numbers.add(version.getVersionNumber())) {
        throw new ApifyException(
            ApifyError.VERSION_ALREADY_EXISTS,
            "Version \"" + version.getVersionNumber() + "\" is listed more than once.");
      }
    }
  }

  /**
   * Checks one version on its own; {@code prefix} goes before each field name in the messages
   * ({@code "versions[2]."} in an Actor, {@code ""} for the version routes).
   */
  static void checkOne(String prefix, Version version) {
    String number = version.getVersionNumber();
    if (number == null || !VERSION_NUMBER.matcher(number).matches()) {
      throw ApifyException.invalidValue(
          "Field \""
              + prefix
              + "versionNumber\" must be MAJOR.MINOR, each a number from 0 to 99, e.g. \"0.1\".");
    }
    checkSource(prefix, version);
    checkEnvVars(prefix, version);
  }

  private static void checkSource(String field, Version version) {
    VersionSourceType type = version.getSourceType();
    if (type == null) {
      throw ApifyException.invalidValue("Field \"" + field + "sourceType\" is required.");
    }
    String source =
        switch (type) {
          case SOURCE_FILES, SOURCE_CODE -> version.getSourceFiles() == null ? "sourceFiles" : null;
          case GIT_REPO -> blank(version.getGitRepoUrl()) ? "gitRepoUrl" : null;
          case TARBALL -> blank(version.getTarballUrl()) ? "tarballUrl" : null;
          case GITHUB_GIST -> blank(version.getGitHubGistUrl()) ? "gitHubGistUrl" : null;
        };
    if (source != null) {
      throw ApifyException.invalidValue(
          "Field \"" + field + source + "\" is required when sourceType is " + type + ".");
    }
    List<SourceCodeEntry> files = Optional.ofNullable(version.getSourceFiles()).orElse(List.of());
    for (int f = 0; f < files.size(); f++) {
      SourceCodeEntry file = files.get(f);
      String fileField = field + "sourceFiles[" + f + "]";
      if (file == null || blank(file.getName())) {
        throw ApifyException.invalidValue("Field \"" + fileField + ".name\" is required.");
      }
      boolean folder = Boolean.TRUE.equals(file.getFolder());
      if (!folder && (file.getFormat() == null || file.getContent() == null)) {
        throw ApifyException.invalidValue(
            "Field \"" + fileField + "\" is a file and needs \"format\" and \"content\".");
      }
    }
  }

  private static void checkEnvVars(String field, Version version) {
    Set<String> names = new HashSet<>();
    List<EnvVar> envVars = envVars(version);
    for (int e = 0; e < envVars.size(); e++) {
      EnvVar env = envVars.get(e);
      String envField = field + "envVars[" + e + "]";
      if (env == null || blank(env.getName())) {
        throw ApifyException.invalidValue("Field \"" + envField + ".name\" is required.");
      }
      if (!names.add(env.getName())) {
        throw ApifyException.invalidValue(
            "Field \"" + envField + ".name\": \"" + env.getName() + "\" is listed twice.");
      }
      if (env.getValue() == null) {
        throw ApifyException.invalidValue(
            "Field \""
                + envField
                + ".value\" is required"
                + (isSecret(env) ? " (no secret of that name is stored for this version)." : "."));
      }
    }
  }

  /** Leaves the values of secret variables out, for an answer to a client. */
  static void hideSecrets(List<Version> versions) {
    for (Version version : versions) {
      for (EnvVar env : envVars(version)) {
        if (isSecret(env)) {
          env.setValue(null);
        }
      }
    }
  }

  private static List<EnvVar> envVars(Version version) {
    return version == null || version.getEnvVars() == null ? List.of() : version.getEnvVars();
  }

  private static boolean isSecret(EnvVar env) {
    return env != null && Boolean.TRUE.equals(env.getIsSecret());
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
