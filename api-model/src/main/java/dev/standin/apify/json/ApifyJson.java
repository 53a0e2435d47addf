package dev.standin.apify.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.standin.apify.model.ActorRunPricingInfo;
import org.openapitools.jackson.nullable.JsonNullableModule;

/**
 * The one Jackson configuration both sides of the wire use, so that an absent property and an
 * explicit {@code null} survive a round trip: unset values are left out, {@code JsonNullable}
 * values that were set (even to null) are written, and null values inside maps are written.
 */
public final class ApifyJson {

  private ApifyJson() {}

  /** Deepest nesting of arrays and objects a document may have. */
  public static final int MAX_NESTING_DEPTH = 100;

  /** Longest number, in characters, a document may hold. */
  public static final int MAX_NUMBER_LENGTH = 1000;

  /** Longest string: no longer than a whole request body may be (9 MiB). */
  public static final int MAX_STRING_LENGTH = 9_437_184;

  /**
   * The tolerant mapper: what the Java client (and the Spaaza side) read answers with. Scalars of
   * another JSON type are converted where Jackson can ({@code "1024"} for a number), so an answer
   * of the vendor's that types a value loosely is still read.
   */
  public static ObjectMapper newMapper() {
    return builder().build();
  }

  /**
   * The strict mapper the Apify server reads request bodies with (ADR 0023): a value of the wrong
   * JSON type is a mapping error naming the property, never converted. A string is not read as a
   * number or boolean, a number or boolean not as a string, a float not as an integer, a number not
   * as an enum. An integer still reads as a floating-point number ({@code 5} is a valid JSON
   * spelling of {@code 5.0}).
   */
  public static ObjectMapper newStrictMapper() {
    JsonMapper mapper =
        builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    // Text from another scalar: not covered by ALLOW_COERCION_OF_SCALARS.
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    // An empty string is not "no value" for a number, boolean or object.
    mapper
        .coercionConfigDefaults()
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    return mapper;
  }

  private static JsonMapper.Builder builder() {
    JsonFactory factory =
        JsonFactory.builder()
            // Hostile documents: bound what one parse may build before any rule sees it.
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .build())
            // Inputs are free-form objects with any number of distinct keys (38 000 in a 9 MB
            // input): sharing key strings between documents costs more than it saves.
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();
    return JsonMapper.builder(factory)
        .addModule(new FiniteNumbers())
        .addModule(new JsonNullableModule())
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        // Newer clients send fields this version does not know: ignore them, as the vendor does.
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        // 1.5 is not a valid memory size; do not silently truncate it to 1.
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        // An unknown or missing pricingModel is the caller's mistake, reported as such.
        .addMixIn(ActorRunPricingInfo.class, PricingInfoDeserializer.MixIn.class)
        .defaultPropertyInclusion(
            JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS));
  }
}
