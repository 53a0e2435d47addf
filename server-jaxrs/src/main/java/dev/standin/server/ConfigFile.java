package dev.standin.server;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
 * Where an option's value comes from when no flag gives it: its environment variable (named in its
 * {@code ${env:...}} default), else a properties file of options whose keys are the long flag names
 * without dashes ({@code port=9090}, {@code database-url=jdbc:...}; lists comma-separated), else
 * the option's own default.
 */
final class ConfigFile implements IDefaultValueProvider {

  private static final Pattern ENV_DEFAULT = Pattern.compile("\\$\\{env:([A-Za-z0-9_]+)");

  private final Path file;
  private final Properties values;
  private final Map<String, String> environment;

  private ConfigFile(Path file, Properties values, Map<String, String> environment) {
    this.file = file;
    this.values = values;
    this.environment = environment;
  }

  /** The environment alone, with no file. */
  static ConfigFile none(Map<String, String> environment) {
    return new ConfigFile(null, new Properties(), environment);
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
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("cannot read the config file " + file + ": no such file");
    } catch (AccessDeniedException e) {
      throw new IllegalArgumentException(
          "cannot read the config file " + file + ": permission denied");
    } catch (IOException | IllegalArgumentException e) {
      String reason =
          e.getMessage() == null || e.getMessage().equals(file.toString())
              ? e.getClass().getSimpleName()
              : e.getMessage();
      throw new IllegalArgumentException("cannot read the config file " + file + ": " + reason);
    }
    Set<String> unknown = new TreeSet<>(values.stringPropertyNames());
    spec.options().forEach(o -> unknown.remove(key(o)));
    unknown.remove("config");
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown key(s) in the config file " + file + ": " + String.join(", ", unknown));
    }
    return new ConfigFile(file, values, environment);
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option)) {
      return null;
    }
    String variable = variableOf(option);
    if (variable != null && environment.get(variable) != null) {
      return environment.get(variable); // the environment variable outranks the file
    }
    String value = values.getProperty(key(option));
    return value == null ? null : value.trim();
  }

  /**
   * Where the value of {@code option} came from, to name in an error: the flag when {@code args}
   * hold it, else its environment variable or the key in the file that gave it.
   */
  String sourceOf(OptionSpec option, String[] args) {
    for (String arg : args) {
      for (String name : option.names()) {
        if (arg.equals(name) || arg.startsWith(name + "=")) {
          return "option '" + option.longestName() + "'";
        }
      }
    }
    String variable = variableOf(option);
    if (variable != null && environment.get(variable) != null) {
      return "environment variable " + variable + " (" + option.longestName() + ")";
    }
    if (values.getProperty(key(option)) != null) {
      return "key '" + key(option) + "' in the config file " + file;
    }
    return "option '" + option.longestName() + "'";
  }

  private static String variableOf(OptionSpec option) {
    Matcher env = ENV_DEFAULT.matcher(declaredDefault(option));
    return env.find() ? env.group(1) : null;
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
