package dev.standin.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * The backends a {@link BackendSuite} class runs on: the embedded SQLite file, PostgreSQL and the
 * in-memory store, this one for every class but those marked {@link NeedsDurableStore}. {@code
 * -Dconformance.memory=off} leaves the in-memory store out (a quicker local run).
 */
final class Backends implements ArgumentsProvider {

  /** A class that proves what survives a restart, which the in-memory store does not promise. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @Inherited
  @interface NeedsDurableStore {}

  static final String MEMORY = "conformance.memory";

  @Override
  public Stream<? extends Arguments> provideArguments(
      ParameterDeclarations parameters, ExtensionContext context) {
    Class<?> type = context.getRequiredTestClass();
    List<Backend> backends = new ArrayList<>(List.of(Backend.SQLITE, Backend.POSTGRES));
    boolean memory =
        !type.isAnnotationPresent(NeedsDurableStore.class)
            && !"off".equals(System.getProperty(MEMORY));
    if (memory) {
      backends.add(Backend.MEMORY);
    }
    return backends.stream().map(Arguments::of);
  }
}
