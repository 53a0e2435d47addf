package dev.standin.server.kernel.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** Hands Jersey the one shared, absent-vs-null-aware mapper. */
@Provider
public class JacksonConfig implements ContextResolver<ObjectMapper> {

  private final ObjectMapper mapper;

  public JacksonConfig(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public ObjectMapper getContext(Class<?> type) {
    return mapper;
  }
}
