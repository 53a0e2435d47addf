package dev.standin.server.apify.taskinput.streaming;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.standin.server.kernel.json.DocumentJson;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object answered as the text it already is: a {@code Map}, because that is what the
 * generated API interfaces return, that Jackson writes out verbatim. A task input of several
 * megabytes is then not parsed into Java objects only to be written out again; the map methods
 * parse it on first use.
 */
@JsonSerialize(using = JsonObjectView.Writer.class)
public final class JsonObjectView extends AbstractMap<String, Object> {

  private final String text;
  private final DocumentJson json;
  private Map<String, Object> parsed;

  /**
   * @param text a JSON object this server wrote
   */
  public JsonObjectView(String text, DocumentJson json) {
    this.text = text;
    this.json = json;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    if (parsed == null) {
      parsed = json.toMap(json.readTree(text));
    }
    return parsed.entrySet();
  }

  static final class Writer extends StdSerializer<JsonObjectView> {

    Writer() {
      super(JsonObjectView.class);
    }

    @Override
    public void serialize(
        JsonObjectView value, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      generator.writeRawValue(value.text);
    }
  }
}
