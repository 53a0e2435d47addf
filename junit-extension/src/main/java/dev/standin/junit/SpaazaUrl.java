package dev.standin.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects where the Spaaza Services API listens, ending in a slash (e.g. {@code
 * http://127.0.0.1:41234/}), into a {@code URI} or {@code String} parameter.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
public @interface SpaazaUrl {}
