package dev.standin.spaaza.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.spaaza.invoker.ApiException;

/** Runs a generated-client call and turns its checked exception into {@link SpaazaApiException}. */
final class SpaazaCall {

  @FunctionalInterface
  interface Call<T> {
    T run() throws ApiException;
  }

  private final ObjectMapper mapper;

  SpaazaCall(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  <T> T run(Call<T> call) {
    try {
      return call.run();
    } catch (ApiException e) {
      throw SpaazaApiException.from(e.getCode(), e.getResponseBody(), e, mapper);
    }
  }
}
