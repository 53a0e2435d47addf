package dev.standin.apify.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.apify.invoker.ApiException;
import java.util.Optional;

/** Runs a generated-client call and turns its checked exception into {@link ApifyApiException}. */
final class ApiCall {

  @FunctionalInterface
  interface Call<T> {
    T run() throws ApiException;
  }

  private final ObjectMapper mapper;

  ApiCall(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  <T> T run(Call<T> call) {
    try {
      return call.run();
    } catch (ApiException e) {
      throw ApifyApiException.from(e, mapper);
    }
  }

  /** Like {@link #run}, but a 404 is an empty result (as the official clients' {@code get}). */
  <T> Optional<T> runOrEmptyIfMissing(Call<T> call) {
    try {
      return Optional.ofNullable(run(call));
    } catch (ApifyApiException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
