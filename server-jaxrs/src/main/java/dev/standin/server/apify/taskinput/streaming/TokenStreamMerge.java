package dev.standin.server.apify.taskinput.streaming;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.server.kernel.Timestamps;
import dev.standin.server.kernel.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How {@link dev.standin.server.apify.taskinput.TopLevelKeysReplace} is carried out, on the stored
 * task's JSON text as a stream of tokens: the task is copied token by token, except that its {@code
 * input} object gets the patch's top-level properties (a stored property keeps its place with the
 * patch's value; new ones follow) and {@code modifiedAt} moves on. Nothing is built in between,
 * which for a 9 MB input is several times cheaper than a tree; it matters because the merge runs in
 * the store's atomic update, which other writes wait for. For the same reason the patch's values
 * arrive already written as JSON text (read so off the request body by {@link TaskInputBodyReader},
 * on the request's own thread) and are copied in verbatim; the answer, the merged input, is the
 * part of the new task's text written for it.
 */
public final class TokenStreamMerge {

  private static final String INPUT = "input";
  private static final String MODIFIED_AT = "modifiedAt";

  /** The new task document and, separately, its merged input (both JSON text). */
  public record Result(String task, String input) {}

  private final ObjectMapper mapper;
  private final Timestamps timestamps;

  public TokenStreamMerge(ObjectMapper mapper, Timestamps timestamps) {
    this.mapper = mapper;
    this.timestamps = timestamps;
  }

  /**
   * The patch's top-level properties in order, each value written as JSON text ({@code null} as
   * {@code "null"}).
   */
  public Map<String, String> patchOf(Map<String, Object> patch) {
    if (patch instanceof RawJsonObject received) {
      return received.members(); // read off the request body as text already
    }
    Map<String, String> text = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, Object> property : patch.entrySet()) {
        text.put(property.getKey(), mapper.writeValueAsString(property.getValue()));
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a value the JSON reader produced", e);
    }
    return text;
  }

  /** Merges {@code patch} (from {@link #patchOf}) into the task stored as {@code storedTask}. */
  public Result apply(String storedTask, Map<String, String> patch) {
    StringBuilderWriter task = new StringBuilderWriter(storedTask.length() + 256);
    Span input = null;
    try (JsonParser in = storedTaskParser(storedTask);
        JsonGenerator out = mapper.createGenerator(task)) {
      boolean modifiedAtWritten = false;
      out.writeStartObject();
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        String name = in.currentName();
        in.nextToken();
        out.writeFieldName(name);
        if (INPUT.equals(name)) {
          input = writeMergedInput(in, patch, out, task);
        } else if (MODIFIED_AT.equals(name)) {
          OffsetDateTime previous =
              in.currentToken() == JsonToken.VALUE_NULL
                  ? null
                  : in.readValueAs(OffsetDateTime.class);
          out.writeObject(timestamps.after(previous));
          modifiedAtWritten = true;
        } else {
          out.copyCurrentStructure(in);
        }
      }
      if (input == null) { // a task stored without an input
        out.writeFieldName(INPUT);
        input = writeMergedInput(null, patch, out, task);
      }
      if (!modifiedAtWritten) {
        out.writeFieldName(MODIFIED_AT);
        out.writeObject(timestamps.now());
      }
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot merge into the stored task", e);
    }
    String text = task.toString();
    // The answer is the merged input: the part of the new task's text written for it.
    return new Result(text, text.substring(input.start(), input.end()));
  }

  /** Where a part of a text starts and ends. */
  private record Span(int start, int end) {}

  /**
   * The input of the task stored as {@code storedTask}, as JSON text read off its tokens; {@code
   * {}} when it has none.
   */
  public String inputOf(String storedTask) {
    try (JsonParser in = storedTaskParser(storedTask)) {
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        String name = in.currentName();
        if (in.nextToken() == JsonToken.START_OBJECT && INPUT.equals(name)) {
          StringBuilderWriter text = new StringBuilderWriter(storedTask.length());
          try (JsonGenerator out = mapper.createGenerator(text)) {
            out.copyCurrentStructure(in);
          }
          return text.toString();
        }
        in.skipChildren();
      }
      return "{}";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the stored task", e);
    }
  }

  /** A parser of a stored task, positioned on its opening brace. */
  private JsonParser storedTaskParser(String storedTask) throws IOException {
    JsonParser in = mapper.createParser(storedTask);
    // What this server stored was checked on the way in.
    in.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    if (in.nextToken() != JsonToken.START_OBJECT) {
      in.close();
      throw new StoreException("stored task is not a JSON object", null);
    }
    return in;
  }

  /**
   * Writes to {@code out} the stored input at {@code in}'s current token (an object, or anything
   * else, read as no input) with the patch merged in; returns where it lies in {@code text}.
   */
  private static Span writeMergedInput(
      JsonParser in, Map<String, String> patch, JsonGenerator out, StringBuilderWriter text)
      throws IOException {
    out.writeStartObject();
    out.flush();
    int start = text.length() - 1; // the opening brace
    Set<String> replaced = new HashSet<>(Math.max(16, patch.size() * 2));
    if (in != null && in.currentToken() == JsonToken.START_OBJECT) {
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        String name = in.currentName();
        in.nextToken();
        out.writeFieldName(name);
        String replacement = patch.get(name);
        if (replacement != null) {
          in.skipChildren();
          out.writeRawValue(replacement);
          replaced.add(name);
        } else {
          out.copyCurrentStructure(in);
        }
      }
    } else if (in != null) {
      in.skipChildren(); // null: merging into no input
    }
    for (Map.Entry<String, String> property : patch.entrySet()) {
      if (!replaced.contains(property.getKey())) {
        out.writeFieldName(property.getKey());
        out.writeRawValue(property.getValue());
      }
    }
    out.writeEndObject();
    out.flush();
    return new Span(start, text.length());
  }
}
