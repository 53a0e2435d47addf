package dev.standin.server.kernel.http;

import dev.standin.server.apify.auth.AuthFilter;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource class whose routes need no token (the API documentation). {@link AuthFilter}
 * authenticates everything else, so a resource that forgets an annotation stays protected.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PublicRoute {}
