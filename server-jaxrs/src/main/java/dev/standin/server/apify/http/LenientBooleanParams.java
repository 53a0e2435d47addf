package dev.standin.server.apify.http;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Locale;

/**
 * Boolean query parameters as the vendor reads them: {@code true}/{@code 1} and {@code false}/
 * {@code 0}. Java's own parsing would quietly read {@code desc=1} as false.
 */
@Provider
public class LenientBooleanParams implements ParamConverterProvider {

  @Override
  @SuppressWarnings("unchecked")
  public <T> ParamConverter<T> getConverter(Class<T> raw, Type generic, Annotation[] annotations) {
    if (raw != Boolean.class && raw != boolean.class) {
      return null;
    }
    return (ParamConverter<T>) new BooleanConverter();
  }

  private static final class BooleanConverter implements ParamConverter<Boolean> {
    @Override
    public Boolean fromString(String value) {
      if (value == null) {
        return null;
      }
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "true", "1" -> true;
        case "false", "0", "" -> false;
        default -> throw new IllegalArgumentException("not a boolean: " + value);
      };
    }

    @Override
    public String toString(Boolean value) {
      return String.valueOf(value);
    }
  }
}
