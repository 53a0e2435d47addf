package dev.standin.server.kernel.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.standin.server.kernel.store.StoreException;
import java.util.Map;

/** Converts stored documents to and from the API models they hold. */
public final class DocumentJson {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final ObjectMapper mapper;

  /**
   * Reads what this server stored: it was checked on the way in, so the per-key duplicate check (a
   * hash set per object, a third of the time of a large read) is skipped.
   */
  private final ObjectReader stored;

  public DocumentJson(ObjectMapper mapper) {
    this.mapper = mapper;
    this.stored = mapper.reader().without(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  public <T> T read(String json, Class<T> type) {
    try {
      return stored.forType(type).readValue(json);
    } catch (JsonProcessingException e) {
      throw new StoreException("stored " + type.getSimpleName() + " is not readable", e);
    }
  }

  /** A stored document as a JSON tree, for changes that need not bind the whole model. */
  public ObjectNode readTree(String json) {
    try {
      return (ObjectNode) stored.readTree(json);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new StoreException("stored document is not a JSON object", e);
    }
  }

  public Map<String, Object> toMap(JsonNode node) {
    return mapper.convertValue(node, MAP);
  }

  public String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }
}
