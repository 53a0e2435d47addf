package dev.standin.apify.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.apify.json.ApifyJson;

/** Deep copies of generated models that keep absent and {@code null} apart. */
final class Models {

  private static final ObjectMapper MAPPER = ApifyJson.newMapper();

  private Models() {}

  /** A copy of {@code model} through JSON, so later changes to either do not reach the other. */
  static <T> T copy(T model, Class<T> type) {
    return MAPPER.convertValue(model, type);
  }
}
