package dev.standin.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the seeded Spaaza chain whose client ({@code SpaazaClient} parameter) to inject, signed in
 * with the first token the seed gives that chain with its secret in clear.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Chain {
  long value();
}
