package dev.standin.junit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.standin.apify.client.ApifyClient;
import dev.standin.server.ServerConfig;
import dev.standin.server.StandinServer;
import dev.standin.server.StateConfig;
import dev.standin.server.kernel.state.SeedMode;
import dev.standin.server.kernel.store.DatabaseConfig;
import dev.standin.spaaza.client.SpaazaClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link StandinTest}: starts the server (per class, or once per run and
 * seed), resets it before each test when asked, and resolves the parameters {@link StandinTest}
 * lists.
 */
public final class StandinExtension
    implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(StandinExtension.class);

  /** A started server, stopped (and its temporary directory removed) when JUnit closes it. */
  static final class Running implements AutoCloseable {
    final Standin standin;
    private final Path directory;

    Running(Standin standin, Path directory) {
      this.standin = standin;
      this.directory = directory;
    }

    @Override
    public void close() {
      try {
        standin.server().close();
      } finally {
        deleteQuietly(directory);
      }
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    running(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (settings(context).resetBeforeEach()) {
      running(context).standin.reset();
    }
  }

  private static StandinTest settings(ExtensionContext context) {
    Class<?> type = context.getRequiredTestClass();
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      StandinTest found = c.getAnnotation(StandinTest.class);
      if (found != null) {
        return found;
      }
    }
    throw new ExtensionConfigurationException(type + " is not annotated @StandinTest");
  }

  private static Running running(ExtensionContext context) {
    StandinTest settings = settings(context);
    ExtensionContext owner;
    String key;
    if (settings.lifecycle() == StandinTest.Lifecycle.PER_RUN) {
      owner = context.getRoot();
      key = "run:" + settings.store() + ":" + settings.seed();
    } else {
      owner = classContext(context);
      key = "class";
    }
    return owner
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(key, k -> start(settings, context), Running.class);
  }

  /** The context of the outermost class annotated (or inheriting) @StandinTest. */
  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent()
        || current.getParent().flatMap(ExtensionContext::getTestClass).isPresent()) {
      current = current.getParent().orElseThrow();
    }
    return current;
  }

  private static Running start(StandinTest settings, ExtensionContext context) {
    routeJerseyLogging();
    byte[] seed = settings.seed().isEmpty() ? "{}".getBytes() : load(settings.seed(), context);
    Path directory;
    try {
      directory = Files.createTempDirectory("standin-junit-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory", e);
    }
    ServerConfig config = ServerConfig.forDataDir(directory);
    if (settings.store() == StandinTest.Store.MEMORY) {
      config = config.withDatabase(DatabaseConfig.memory());
    }
    config =
        config.withState(
            StateConfig.NONE
                .withSeed(
                    settings.seed().isEmpty() ? "(none)" : settings.seed(), seed, SeedMode.REPLACE)
                .withAdmin(null));
    try {
      return new Running(new Standin(StandinServer.start(config), Standin.parse(seed)), directory);
    } catch (RuntimeException e) {
      deleteQuietly(directory);
      throw new ExtensionConfigurationException(
          "cannot start the stand-in server: " + e.getMessage(), e);
    }
  }

  /** Jersey logs through java.util.logging; send it to SLF4J, as the server's main does. */
  private static synchronized void routeJerseyLogging() {
    if (!org.slf4j.bridge.SLF4JBridgeHandler.isInstalled()) {
      org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
      org.slf4j.bridge.SLF4JBridgeHandler.install();
    }
  }

  private static byte[] load(String resource, ExtensionContext context) {
    String name = resource.startsWith("/") ? resource.substring(1) : resource;
    ClassLoader loader = context.getRequiredTestClass().getClassLoader();
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new ExtensionConfigurationException("no seed '" + resource + "' on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the seed " + resource, e);
    }
  }

  // --- parameters -----------------------------------------------------------------------------

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext context) {
    Parameter p = parameterContext.getParameter();
    Class<?> type = p.getType();
    if (type == Standin.class || type == ApifyClient.class || type == SpaazaClient.class) {
      return true;
    }
    if (type == URI.class || type == String.class) {
      return p.isAnnotationPresent(ApifyUrl.class)
          || p.isAnnotationPresent(SpaazaUrl.class)
          || (type == String.class && p.isAnnotationPresent(User.class));
    }
    return p.isAnnotationPresent(Seeded.class)
        && (type == dev.standin.apify.model.Actor.class
            || type == dev.standin.apify.model.Task.class
            || type == dev.standin.spaaza.model.Task.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
    Standin standin = running(context).standin;
    Parameter p = parameterContext.getParameter();
    Class<?> type = p.getType();
    try {
      if (type == Standin.class) {
        return standin;
      }
      if (type == ApifyClient.class) {
        User user = p.getAnnotation(User.class);
        return user == null ? standin.apify() : standin.apify(user.value());
      }
      if (type == SpaazaClient.class) {
        Chain chain = p.getAnnotation(Chain.class);
        return chain == null ? standin.spaaza() : standin.spaaza(chain.value());
      }
      if (p.isAnnotationPresent(ApifyUrl.class)) {
        return type == URI.class ? standin.apifyUrl() : standin.apifyUrl().toString();
      }
      if (p.isAnnotationPresent(SpaazaUrl.class)) {
        return type == URI.class ? standin.spaazaUrl() : standin.spaazaUrl().toString();
      }
      if (type == String.class) {
        return standin.apifyToken(p.getAnnotation(User.class).value());
      }
      return seeded(standin, type, p.getAnnotation(Seeded.class).value());
    } catch (RuntimeException e) {
      throw new ParameterResolutionException("cannot inject " + p + ": " + e.getMessage(), e);
    }
  }

  /** A seeded resource by name (Apify, looked up for every seeded user) or ID (Spaaza task). */
  private static Object seeded(Standin standin, Class<?> type, String name) {
    if (type == dev.standin.spaaza.model.Task.class) {
      long id = Long.parseLong(name);
      for (JsonNode chain : standin.seed().path("spaaza").path("chains")) {
        for (JsonNode task : chain.path("tasks")) {
          if (task.path("id").asLong() == id) {
            return standin.spaaza(chain.path("id").asLong()).task(id).get();
          }
        }
      }
      throw new IllegalArgumentException("the seed has no Spaaza task " + name);
    }
    String kind = type == dev.standin.apify.model.Actor.class ? "actors" : "tasks";
    for (JsonNode user : standin.seed().path("apify").path("users")) {
      for (JsonNode resource : user.path(kind)) {
        if (name.equals(resource.path("name").asText())) {
          ApifyClient client = standin.apify(user.path("username").asText());
          return kind.equals("actors")
              ? client.actor("~" + name).get().orElseThrow()
              : client.task("~" + name).get().orElseThrow();
        }
      }
    }
    throw new IllegalArgumentException("the seed has no Apify " + kind + " named " + name);
  }

  private static void deleteQuietly(Path directory) {
    if (directory == null || !Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
