package dev.standin.apify.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.apify.invoker.ApiException;
import dev.standin.client.GeneratedApiCall;

/** Runs a generated-client call and turns its checked exception into {@link ApifyApiException}. */
final class ApiCall extends GeneratedApiCall<ApiException, ApifyApiException> {

  ApiCall(ObjectMapper mapper) {
    super(ApiException.class, ApiException::getCode, e -> ApifyApiException.from(e, mapper));
  }
}
