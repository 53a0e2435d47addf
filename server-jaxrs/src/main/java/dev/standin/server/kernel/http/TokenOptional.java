package dev.standin.server.kernel.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that may be called without credentials: the spec declares its security
 * optional ({@code security: [{}, ...]}). The authentication filter still runs on it, so a token
 * that is sent is checked (a bad one is still refused); without one the request goes on with no
 * caller and the resource decides what an anonymous caller may see. Put it on the implementing
 * method; {@link Authenticated} reads it once, at start-up.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TokenOptional {}
