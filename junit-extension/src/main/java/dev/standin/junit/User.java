package dev.standin.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the seeded Apify user whose client ({@code ApifyClient} parameter) or API token ({@code
 * String} parameter) to inject: the first token the seed gives that user in clear.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface User {
  String value();
}
