package dev.standin.server;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * A properties file of options whose keys are the long flag names without dashes ({@code
 * port=9090}, {@code database-url=jdbc:...}; lists comma-separated). It ranks below both flags and
 * environment variables: it supplies an option's value only when the option's variable (named in
 * its {@code ${env:...}} default) is unset.
 */
final class ConfigFile implements IDefaultValueProvider {

  private static final Pattern ENV_DEFAULT = Pattern.compile("\\$\\{env:([A-Za-z0-9_]+)");

  private final Properties values;
  private final Map<String, String> environment;

  private ConfigFile(Properties values, Map<String, String> environment) {
    this.values = values;
    this.environment = environment;
  }

  /**
   * Reads {@code file} and checks that every key names an option of {@code spec}.
   *
   * @throws IllegalArgumentException with a one-line reason when it cannot be used
   */
  static ConfigFile load(Path file, CommandSpec spec, Map<String, String> environment) {
    Properties values = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      values.load(in);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cannot read the config file " + file + ": " + e.getMessage());
    }
    Set<String> unknown = new TreeSet<>(values.stringPropertyNames());
    spec.options().forEach(o -> unknown.remove(key(o)));
    unknown.remove("config");
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown key(s) in the config file " + file + ": " + String.join(", ", unknown));
    }
    return new ConfigFile(values, environment);
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option)) {
      return null;
    }
    String value = values.getProperty(key(option));
    if (value == null) {
      return null;
    }
    Matcher env = ENV_DEFAULT.matcher(declaredDefault(option));
    if (env.find() && environment.get(env.group(1)) != null) {
      return null; // the environment variable outranks the file
    }
    return value.trim();
  }

  /** The default as written in the annotation, before picocli resolves its variables. */
  private static String declaredDefault(OptionSpec option) {
    if (option.userObject() instanceof Field field) {
      Option annotation = field.getAnnotation(Option.class);
      if (annotation != null) {
        return annotation.defaultValue();
      }
    }
    return "";
  }

  private static String key(OptionSpec option) {
    return option.longestName().replaceFirst("^-+", "");
  }
}
