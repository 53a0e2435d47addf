package dev.standin.apify.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.UntypedObjectDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Rejects numbers too large for a double ({@code 1e999}): Jackson would read them as infinity,
 * which JSON cannot write back. Applies to free-form values (task input) and to number fields.
 */
final class FiniteNumbers extends SimpleModule {

  FiniteNumbers() {
    super("FiniteNumbers");
    addDeserializer(Object.class, new FiniteUntyped());
    addDeserializer(Double.class, new FiniteDouble(Double.class, null));
    addDeserializer(Double.TYPE, new FiniteDouble(Double.TYPE, 0.0));
  }

  static Object checked(JsonParser p, Object value) throws IOException {
    if (value instanceof Double d && !Double.isFinite(d)) {
      // A parse error, not a mapping error: its path is where the parser stands, however deep.
      throw new JsonParseException(p, "Number out of range: " + p.getText());
    }
    return value;
  }

  /** Free-form values; nested values come back through {@link #deserialize} as well. */
  private static final class FiniteUntyped extends UntypedObjectDeserializer {
    FiniteUntyped() {
      super(null, (com.fasterxml.jackson.databind.JavaType) null);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Object value = super.deserialize(p, ctxt);
      return p.hasToken(JsonToken.VALUE_NUMBER_FLOAT) ? checked(p, value) : value;
    }
  }

  private static final class FiniteDouble extends NumberDeserializers.DoubleDeserializer {
    FiniteDouble(Class<Double> type, Double emptyValue) {
      super(type, emptyValue);
    }

    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return (Double) checked(p, super.deserialize(p, ctxt));
    }
  }
}
