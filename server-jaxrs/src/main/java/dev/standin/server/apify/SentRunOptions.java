package dev.standin.server.apify;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.standin.apify.model.DefaultRunOptions;
import dev.standin.server.kernel.merge.MergeTable;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.openapitools.jackson.nullable.JsonNullable;

/**
 * {@code defaultRunOptions} as read from JSON, remembering which properties were sent as {@code
 * null}. The model cannot tell: {@code build}, {@code timeoutSecs}, {@code memoryMbytes} and {@code
 * restartOnError} are not nullable, so an absent one and a {@code null} one both read as Java null.
 * The one-level merge needs the difference (ADR 0023: absent keeps, {@code null} resets to the
 * default).
 */
final class SentRunOptions extends DefaultRunOptions {

  private final Set<String> sentAsNull;

  private SentRunOptions(Set<String> sentAsNull) {
    this.sentAsNull = sentAsNull;
  }

  /**
   * What was sent for a property the model does not mark nullable: undefined when absent, {@code
   * null} when sent as {@code null}, else the value.
   */
  static <V> JsonNullable<V> sent(DefaultRunOptions options, String property, V value) {
    if (value == null
        && options instanceof SentRunOptions read
        && read.sentAsNull.contains(property)) {
      return JsonNullable.of(null);
    }
    return MergeTable.presentUnlessNull(value);
  }

  /** The Jackson module that reads every {@link DefaultRunOptions} as a {@link SentRunOptions}. */
  static SimpleModule module() {
    SimpleModule module = new SimpleModule("SentRunOptions");
    module.setDeserializerModifier(
        new BeanDeserializerModifier() {
          @Override
          public JsonDeserializer<?> modifyDeserializer(
              DeserializationConfig config,
              BeanDescription description,
              JsonDeserializer<?> deserializer) {
            return description.getBeanClass() == DefaultRunOptions.class
                ? new Reader(deserializer)
                : deserializer;
          }
        });
    return module;
  }

  /** Reads the object as a tree first, to note its null members, then binds it as usual. */
  private static final class Reader extends DelegatingDeserializer {

    Reader(JsonDeserializer<?> bean) {
      super(bean);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegatee) {
      return new Reader(delegatee);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.START_OBJECT)) {
        return super.deserialize(p, ctxt); // not an object: the bean reader says what is wrong
      }
      JsonNode tree = ctxt.readTree(p);
      Set<String> nulls = new HashSet<>();
      tree.properties()
          .forEach(
              member -> {
                if (member.getValue().isNull()) {
                  nulls.add(member.getKey());
                }
              });
      try (JsonParser members = tree.traverse(p.getCodec())) {
        members.nextToken();
        return ((JsonDeserializer<Object>) _delegatee)
            .deserialize(members, ctxt, new SentRunOptions(nulls));
      }
    }
  }
}
