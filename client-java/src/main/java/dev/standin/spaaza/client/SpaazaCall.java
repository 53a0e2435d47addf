package dev.standin.spaaza.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.client.GeneratedApiCall;
import dev.standin.spaaza.invoker.ApiException;

/** Runs a generated-client call and turns its checked exception into {@link SpaazaApiException}. */
final class SpaazaCall extends GeneratedApiCall<ApiException, SpaazaApiException> {

  SpaazaCall(ObjectMapper mapper) {
    super(
        ApiException.class,
        ApiException::getCode,
        e -> SpaazaApiException.from(e.getCode(), e.getResponseBody(), e, mapper));
  }
}
