package dev.standin.server.spaaza;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;

/**
 * Query parameters of the generated enums ({@code action=export}, {@code status=READY}) are read by
 * their wire value through the generated {@code fromValue}, not by the Java constant name that
 * JAX-RS would use. An unknown value fails like any unreadable parameter (400).
 */
public class WireEnumParams implements ParamConverterProvider {

  @Override
  @SuppressWarnings("unchecked")
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    if (!rawType.isEnum()) {
      return null;
    }
    Method fromValue;
    try {
      fromValue = rawType.getMethod("fromValue", String.class);
    } catch (NoSuchMethodException e) {
      return null;
    }
    return new ParamConverter<>() {
      @Override
      public T fromString(String value) {
        try {
          return (T) fromValue.invoke(null, value);
        } catch (InvocationTargetException e) {
          throw new IllegalArgumentException("not a known value: " + value, e.getCause());
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }

      @Override
      public String toString(T value) {
        return String.valueOf(value);
      }
    };
  }
}
