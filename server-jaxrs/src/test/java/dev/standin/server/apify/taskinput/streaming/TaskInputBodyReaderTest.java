package dev.standin.server.apify.taskinput.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.standin.apify.json.ApifyJson;
import dev.standin.server.kernel.errors.JsonExceptionMapper;
import dev.standin.server.kernel.json.DocumentJson;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The task-input body read as member texts must mean what binding it to a map means. */
class TaskInputBodyReaderTest {

  private static final Type MAP_TYPE = new TypeReference<Map<String, Object>>() {}.getType();

  private final ObjectMapper mapper = ApifyJson.newMapper();
  private final TaskInputBodyReader reader = new TaskInputBodyReader(new DocumentJson(mapper));

  @Test
  void readsOnlyMapsOfStringToObject() {
    assertThat(reader.isReadable(Map.class, MAP_TYPE, null, MediaType.APPLICATION_JSON_TYPE))
        .isTrue();
    Type ofStrings = new TypeReference<Map<String, String>>() {}.getType();
    assertThat(reader.isReadable(Map.class, ofStrings, null, MediaType.APPLICATION_JSON_TYPE))
        .isFalse();
    assertThat(reader.isReadable(Object.class, Object.class, null, MediaType.APPLICATION_JSON_TYPE))
        .isFalse();
  }

  @Test
  void keepsEachMemberAsTheTextBindingAndWritingItWouldGive() throws IOException {
    String body =
        "{\"url\":\"https://a.example/é\",\"n\":1e2,\"big\":12345678901234567890,\"z\":-0.0,"
            + "\"none\":null,\"yes\":true,\"nested\":{\"list\":[1,2.50,{\"deep\":\"x\\\"y\"}],"
            + "\"empty\":{}}}";

    RawJsonObject read = read(body);

    assertThat(read.members())
        .containsExactly(
            Map.entry("url", "\"https://a.example/é\""),
            Map.entry("n", "100.0"),
            Map.entry("big", "12345678901234567890"),
            Map.entry("z", "-0.0"),
            Map.entry("none", "null"),
            Map.entry("yes", "true"),
            Map.entry("nested", "{\"list\":[1,2.5,{\"deep\":\"x\\\"y\"}],\"empty\":{}}"));
    Map<String, Object> bound = mapper.readValue(body, new TypeReference<>() {});
    read.members().forEach((name, text) -> assertThat(text).isEqualTo(write(bound.get(name))));
    // As a Map it holds the bound values, in the order sent.
    assertThat(read).isEqualTo(bound);
    assertThat(List.copyOf(read.keySet())).containsExactlyElementsOf(bound.keySet());
  }

  @Test
  void anEmptyBodyOrNullReadsAsNoObject() throws IOException {
    assertThat(readAny("")).isNull();
    assertThat(readAny("  null ")).isNull();
  }

  @Test
  void failsLikeBindingAMapWouldWithTheSameFieldPaths() {
    assertProblem("[1]", MismatchedInputException.class, "the request body must be a JSON object");
    assertProblem("\"text\"", MismatchedInputException.class, "request body must be a JSON object");
    assertProblem("{\"a\":1}{\"b\":2}", MismatchedInputException.class, "the request body has");
    assertProblem("{\"a\":1,\"a\":2}", JsonParseException.class, "\"a\" contains a duplicate key");
    assertProblem(
        "{\"a\":{\"b\":[1,{\"c\":-1e999}]}}",
        JsonParseException.class,
        "field \"a.b[1].c\" holds a number out of range");
    assertProblem("{\"a\":1e999}", JsonParseException.class, "\"a\" holds a number out of range");
    assertProblem(
        "{\"a\":[1,", JsonParseException.class, "not valid JSON: it ends too early at line 1");
    assertProblem(
        "{\"name\": \"x\",\n}",
        JsonParseException.class,
        "the request body is not valid JSON: unexpected '}' at line 2, column 1.");
    assertProblem(
        "{\"a\":" + "[".repeat(ApifyJson.MAX_NESTING_DEPTH + 1),
        com.fasterxml.jackson.core.exc.StreamConstraintsException.class,
        "too deeply nested");
  }

  private void assertProblem(String body, Class<? extends Exception> type, String message) {
    assertThatThrownBy(() -> readAny(body))
        .isInstanceOf(type)
        .satisfies(
            e ->
                assertThat(
                        JsonExceptionMapper.describe(
                            (com.fasterxml.jackson.core.JacksonException) e))
                    .contains(message));
  }

  private RawJsonObject read(String body) throws IOException {
    return (RawJsonObject) readAny(body);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Map<String, Object> readAny(String body) throws IOException {
    return reader.readFrom(
        (Class) Map.class,
        MAP_TYPE,
        null,
        MediaType.APPLICATION_JSON_TYPE,
        null,
        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
  }

  private String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
