package dev.standin.server.apify.taskinput.streaming;

import dev.standin.server.kernel.json.DocumentJson;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object received as a request body, kept as its top-level members' JSON text ({@code null}
 * as {@code "null"}) in the order sent: the task-input merge copies that text into the stored task
 * as it is, so a body of 38 000 properties is not built into Java objects only to be written out
 * again. It is still a {@code Map}, because that is what the generated API interface hands over;
 * its values are parsed on first use.
 */
final class RawJsonObject extends AbstractMap<String, Object> {

  private final Map<String, String> members;
  private final DocumentJson json;
  private Map<String, Object> parsed;

  RawJsonObject(Map<String, String> members, DocumentJson json) {
    this.members = Collections.unmodifiableMap(members);
    this.json = json;
  }

  /** The members in the order sent, each value as JSON text. */
  Map<String, String> members() {
    return members;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    if (parsed == null) {
      Map<String, Object> values = new LinkedHashMap<>();
      members.forEach((name, text) -> values.put(name, json.read(text, Object.class)));
      parsed = Collections.unmodifiableMap(values);
    }
    return parsed.entrySet();
  }
}
