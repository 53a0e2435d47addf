package dev.standin.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects a resource the seed names, read from the server as the test starts: an Apify {@code
 * Actor} or {@code Task} by its name (among every seeded user's), or a Spaaza {@code Task} by its
 * ID.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Seeded {
  String value();
}
