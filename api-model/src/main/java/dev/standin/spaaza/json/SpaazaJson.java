package dev.standin.spaaza.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.standin.apify.json.ApifyJson;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Jackson for the Spaaza API: the same absent-vs-null-aware setup as {@link ApifyJson}, but times
 * must be RFC 3339 strings with seconds and an offset ({@code 2026-05-27T10:00:00Z}); epoch numbers
 * and zone-less times are refused instead of guessed at. Built on {@link ApifyJson#newMapper()}, so
 * hostile documents meet the same limits (nesting, number and string length, duplicate keys,
 * numbers beyond double range).
 *
 * <p>Strict scalars: a value of the wrong JSON type is refused instead of converted ({@code
 * {"desc": 5}}, {@code {"debug": true}}, {@code {"chain": "1"}}, an enum given as a number). Both
 * sides of the wire use this mapper: the server's answers carry the right types, so the client
 * reads them as before.
 */
public final class SpaazaJson {

  private static final Pattern RFC_3339 =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

  private SpaazaJson() {}

  public static ObjectMapper newMapper() {
    SimpleModule rfc3339 = new SimpleModule("rfc3339");
    rfc3339.addDeserializer(OffsetDateTime.class, new Rfc3339Deserializer());
    JsonMapper.Builder builder =
        ((JsonMapper) ApifyJson.newMapper())
            .rebuild()
            .addModule(rfc3339)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
    strictScalars(builder);
    return builder.build();
  }

  /** Refuses every scalar-to-scalar conversion: each logical type takes only its own JSON type. */
  private static void strictScalars(JsonMapper.Builder builder) {
    refuse(
        builder,
        LogicalType.Textual,
        CoercionInputShape.Integer,
        CoercionInputShape.Float,
        CoercionInputShape.Boolean);
    refuse(
        builder,
        LogicalType.Integer,
        CoercionInputShape.String,
        CoercionInputShape.EmptyString,
        CoercionInputShape.Float,
        CoercionInputShape.Boolean);
    refuse(
        builder,
        LogicalType.Float,
        CoercionInputShape.String,
        CoercionInputShape.EmptyString,
        CoercionInputShape.Boolean);
    refuse(
        builder,
        LogicalType.Boolean,
        CoercionInputShape.String,
        CoercionInputShape.EmptyString,
        CoercionInputShape.Integer,
        CoercionInputShape.Float);
    refuse(
        builder,
        LogicalType.Enum,
        CoercionInputShape.Integer,
        CoercionInputShape.Float,
        CoercionInputShape.Boolean,
        CoercionInputShape.EmptyString);
  }

  private static void refuse(
      JsonMapper.Builder builder, LogicalType type, CoercionInputShape... shapes) {
    builder.withCoercionConfig(
        type,
        config -> {
          for (CoercionInputShape shape : shapes) {
            config.setCoercion(shape, CoercionAction.Fail);
          }
        });
  }

  /** Whether {@code text} is an RFC 3339 date-time (with seconds and an offset). */
  public static boolean isRfc3339(String text) {
    return text != null && RFC_3339.matcher(text).matches();
  }

  private static final class Rfc3339Deserializer extends StdScalarDeserializer<OffsetDateTime> {

    Rfc3339Deserializer() {
      super(OffsetDateTime.class);
    }

    @Override
    public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (OffsetDateTime)
            ctxt.handleUnexpectedToken(OffsetDateTime.class, p.currentToken(), p, "not a string");
      }
      String text = p.getText();
      if (!isRfc3339(text)) {
        return (OffsetDateTime)
            ctxt.handleWeirdStringValue(OffsetDateTime.class, text, "not an RFC 3339 time");
      }
      try {
        return OffsetDateTime.parse(text.toUpperCase(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      } catch (DateTimeParseException e) {
        return (OffsetDateTime)
            ctxt.handleWeirdStringValue(OffsetDateTime.class, text, "not an RFC 3339 time");
      }
    }
  }
}
