package dev.standin.apify.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.standin.apify.model.ActorRunPricingInfo;
import dev.standin.apify.model.PricingModel;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a pricing record, checking its discriminator {@code pricingModel} before the generated
 * deserializer sees it: that one fails with a NullPointerException on a missing value and with a
 * bare IOException on an unknown one. Both become an {@link InvalidDiscriminatorException} whose
 * path names the field.
 */
final class PricingInfoDeserializer extends StdDeserializer<ActorRunPricingInfo> {

  static final String DISCRIMINATOR = "pricingModel";
  private static final List<String> MODELS =
      Arrays.stream(PricingModel.values()).map(PricingModel::getValue).toList();

  private final ActorRunPricingInfo.ActorRunPricingInfoDeserializer generated =
      new ActorRunPricingInfo.ActorRunPricingInfoDeserializer();

  PricingInfoDeserializer() {
    super(ActorRunPricingInfo.class);
  }

  @Override
  public ActorRunPricingInfo deserialize(JsonParser parser, DeserializationContext context)
      throws IOException {
    JsonNode tree = context.readTree(parser);
    if (!tree.isObject()) {
      return (ActorRunPricingInfo) context.handleUnexpectedToken(ActorRunPricingInfo.class, parser);
    }
    JsonNode model = tree.get(DISCRIMINATOR);
    if (model == null || !model.isTextual() || !MODELS.contains(model.textValue())) {
      InvalidDiscriminatorException e =
          new InvalidDiscriminatorException(parser, ActorRunPricingInfo.class, MODELS);
      e.prependPath(tree, DISCRIMINATOR);
      throw e;
    }
    try (JsonParser again = tree.traverse(parser.getCodec())) {
      again.nextToken();
      return generated.deserialize(again, context);
    }
  }

  /** Puts this deserializer in place of the one the generated class names. */
  @JsonDeserialize(using = PricingInfoDeserializer.class)
  abstract static class MixIn {}
}
