package dev.standin.server.apify.taskinput.streaming;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.standin.server.kernel.json.DocumentJson;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a free-form JSON object body (the task-input merge, the only operation whose body is a
 * {@code Map<String, Object>}) into a {@link RawJsonObject}: one pass over the tokens, each
 * top-level value copied out as JSON text, instead of binding nested maps and lists and writing
 * them back to text for the merge.
 *
 * <p>It reads with the API's own JSON configuration and fails the way binding a map does, so the
 * answers to bad bodies are unchanged: duplicate keys, nesting and length limits and malformed JSON
 * fail in the parser; a number too large for a double fails as out of range; a body that is not an
 * object, or has anything after the object, fails as a value of the wrong type; an empty body or
 * {@code null} reads as no object (the merge rejects it).
 */
@Consumes(MediaType.APPLICATION_JSON)
public final class TaskInputBodyReader implements MessageBodyReader<Map<String, Object>> {

  private final ObjectMapper mapper;
  private final DocumentJson json;

  public TaskInputBodyReader(DocumentJson json) {
    this.mapper = json.mapper();
    this.json = json;
  }

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == Map.class
        && genericType instanceof ParameterizedType map
        && map.getActualTypeArguments()[0] == String.class
        && map.getActualTypeArguments()[1] == Object.class;
  }

  @Override
  public Map<String, Object> readFrom(
      Class<Map<String, Object>> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream body)
      throws IOException {
    StringBuilderWriter text = new StringBuilderWriter(256);
    try (JsonParser in = mapper.createParser(body);
        JsonGenerator out = mapper.createGenerator(text)) {
      out.setRootValueSeparator(null); // each value is cut out of the text on its own
      JsonToken first = in.nextToken();
      if (first == null || first == JsonToken.VALUE_NULL) {
        return null;
      }
      if (first != JsonToken.START_OBJECT) {
        throw MismatchedInputException.from(in, Map.class, "the body is not a JSON object");
      }
      Map<String, String> members = new LinkedHashMap<>();
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        String name = in.currentName();
        in.nextToken();
        copyValue(in, out);
        out.flush();
        members.put(name, text.drain());
      }
      if (in.nextToken() != null) {
        throw MismatchedInputException.from(in, Map.class, "content after the JSON object");
      }
      return new RawJsonObject(members, json);
    }
  }

  /** Copies the value at the parser's current token; the parser ends on the value's last token. */
  private static void copyValue(JsonParser in, JsonGenerator out) throws IOException {
    int depth = 0;
    do {
      JsonToken token = in.currentToken();
      if (token == JsonToken.VALUE_NUMBER_FLOAT) {
        requireFinite(in);
      } else if (token.isStructStart()) {
        depth++;
      } else if (token.isStructEnd()) {
        depth--;
      }
      out.copyCurrentEvent(in);
    } while (depth > 0 && in.nextToken() != null);
  }

  /** JSON numbers beyond a double's range would be stored as infinity, which JSON cannot write. */
  private static void requireFinite(JsonParser in) throws IOException {
    if (!Double.isFinite(in.getDoubleValue())) {
      throw new JsonParseException(in, "Number out of range: " + in.getText());
    }
  }
}
