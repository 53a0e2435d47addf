package dev.standin.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a stand-in server started in-process on free ports, from a seed on the
 * classpath:
 *
 * <pre>{@code
 * @StandinTest(seed = "seeds/basic.json")
 * class MyTest {
 *   @Test
 *   void merges(@User("alice") ApifyClient alice) {
 *     alice.task("~nightly-crawl").updateInput(Map.of("maxItems", 20));
 *   }
 * }
 * }</pre>
 *
 * <p>Test methods, constructors and lifecycle methods may declare: {@link Standin} (the handle:
 * URLs, tokens, clients, reset, snapshot); {@code ApifyClient} (a seeded user's, {@link User} names
 * which; else the first seeded user with a token); {@code SpaazaClient} ({@link Chain} names the
 * chain; else the first seeded chain with a token secret); {@code URI} or {@code String} annotated
 * {@link ApifyUrl} or {@link SpaazaUrl}; a {@code String} annotated {@link User} (that user's
 * token); and the seed's named resources, annotated {@link Seeded}: an Apify {@code Actor} or
 * {@code Task} by name, a Spaaza {@code Task} by ID, read from the server as the test starts.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(StandinExtension.class)
public @interface StandinTest {

  /** Classpath resource of the seed (see {@code seed.schema.json}); empty: no seed. */
  String seed() default "";

  /** Whether each test class gets its own server, or all classes of the run with the same seed. */
  Lifecycle lifecycle() default Lifecycle.PER_CLASS;

  /** Whether the state goes back to the seed before every test. */
  boolean resetBeforeEach() default true;

  /** Where the server keeps its state. */
  Store store() default Store.MEMORY;

  /** How long a server lives. */
  enum Lifecycle {
    /** Started before the class's first test, stopped after its last. */
    PER_CLASS,
    /**
     * Started by the first class that asks for it and shared by every later class asking for the
     * same seed and store, until the test run ends.
     */
    PER_RUN
  }

  /** The server's store. */
  enum Store {
    /** In memory: nothing on disk, the fastest. */
    MEMORY,
    /** The embedded SQLite file, in a temporary directory deleted afterwards. */
    SQLITE
  }
}
