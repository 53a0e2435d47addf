package dev.standin.server.kernel.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource class whose routes the rate limits do not count: routes that are not part of
 * either vendor's API and that a test suite calls before every test (the admin API).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Unlimited {}
