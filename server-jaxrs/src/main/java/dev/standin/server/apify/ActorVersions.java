package dev.standin.server.apify;

import dev.standin.apify.errors.ApifyError;
import dev.standin.apify.model.EnvVar;
import dev.standin.apify.model.SourceCodeEntry;
import dev.standin.apify.model.Version;
import dev.standin.apify.model.VersionSourceType;
import dev.standin.server.apify.errors.ApifyException;
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

  /**
   * The versions to store when a client sends {@code sent}: a secret variable sent without a value
   * takes the value stored for the same name in the same version.
   */
  static List<Version> keepStoredSecrets(List<Version> sent, List<Version> stored) {
    Map<String, String> secrets = new HashMap<>();
    if (stored != null) {
      for (Version version : stored) {
        for (EnvVar env : envVars(version)) {
          if (isSecret(env) && env.getValue() != null) {
            secrets.put(version.getVersionNumber() + "\n" + env.getName(), env.getValue());
          }
        }
      }
    }
    for (Version version : sent) {
      for (EnvVar env : envVars(version)) {
        if (isSecret(env) && env.getValue() == null) {
          env.setValue(secrets.get(version.getVersionNumber() + "\n" + env.getName()));
        }
      }
    }
    return sent;
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
      String number = version.getVersionNumber();
      if (number == null || !VERSION_NUMBER.matcher(number).matches()) {
        throw ApifyException.invalidValue(
            "Field \""
                + field
                + ".versionNumber\" must be MAJOR.MINOR, each a number from 0 to 99, e.g. \"0.1\".");
      }
      if (!numbers.add(number)) {
        throw new ApifyException(
            ApifyError.VERSION_ALREADY_EXISTS,
            "Version \"" + number + "\" is listed more than once.");
      }
      checkSource(field, version);
      checkEnvVars(field, version);
    }
  }

  private static void checkSource(String field, Version version) {
    VersionSourceType type = version.getSourceType();
    if (type == null) {
      throw ApifyException.invalidValue("Field \"" + field + ".sourceType\" is required.");
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
          "Field \"" + field + "." + source + "\" is required when sourceType is " + type + ".");
    }
    List<SourceCodeEntry> files = Optional.ofNullable(version.getSourceFiles()).orElse(List.of());
    for (int f = 0; f < files.size(); f++) {
      SourceCodeEntry file = files.get(f);
      String fileField = field + ".sourceFiles[" + f + "]";
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
      String envField = field + ".envVars[" + e + "]";
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
