package dev.standin.server.apify;

import dev.standin.apify.model.ActorRunPricingInfo;
import dev.standin.apify.model.FlatPricePerMonthActorPricingInfo;
import dev.standin.apify.model.FreeActorPricingInfo;
import dev.standin.apify.model.PayPerEventActorPricingInfo;
import dev.standin.apify.model.PricePerDatasetItemActorPricingInfo;
import dev.standin.server.apify.errors.ApifyException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The rules of an Actor's {@code pricingInfos}. The shape of each record was chosen by its {@code
 * pricingModel} when the body was read (an unknown model never gets this far); here each shape's
 * required values and ranges are checked and missing timestamps filled in.
 */
final class PricingInfos {

  private PricingInfos() {}

  static void checkAndComplete(List<ActorRunPricingInfo> infos, OffsetDateTime now) {
    for (int i = 0; i < infos.size(); i++) {
      String field = "pricingInfos[" + i + "]";
      if (infos.get(i) == null || infos.get(i).getActualInstance() == null) {
        throw ApifyException.invalidValue("Field \"" + field + "\" must be an object.");
      }
      Object info = infos.get(i).getActualInstance();
      if (info instanceof PayPerEventActorPricingInfo p) {
        margin(field, p.getApifyMarginPercentage());
        required(field, "pricingPerEvent", p.getPricingPerEvent());
        p.createdAt(orNow(p.getCreatedAt(), now)).startedAt(orNow(p.getStartedAt(), now));
      } else if (info instanceof PricePerDatasetItemActorPricingInfo p) {
        margin(field, p.getApifyMarginPercentage());
        required(field, "unitName", p.getUnitName());
        Rules.checkNotNegative(field + ".pricePerUnitUsd", p.getPricePerUnitUsd());
        p.createdAt(orNow(p.getCreatedAt(), now)).startedAt(orNow(p.getStartedAt(), now));
      } else if (info instanceof FlatPricePerMonthActorPricingInfo p) {
        margin(field, p.getApifyMarginPercentage());
        required(field, "pricePerUnitUsd", p.getPricePerUnitUsd());
        required(field, "trialMinutes", p.getTrialMinutes());
        Rules.checkNotNegative(field + ".pricePerUnitUsd", p.getPricePerUnitUsd());
        Rules.checkNotNegative(field + ".trialMinutes", p.getTrialMinutes());
        p.createdAt(orNow(p.getCreatedAt(), now)).startedAt(orNow(p.getStartedAt(), now));
      } else if (info instanceof FreeActorPricingInfo p) {
        margin(field, p.getApifyMarginPercentage());
        p.createdAt(orNow(p.getCreatedAt(), now)).startedAt(orNow(p.getStartedAt(), now));
      } else {
        throw new IllegalStateException("unknown pricing shape " + info.getClass());
      }
    }
  }

  private static void margin(String field, Double margin) {
    required(field, "apifyMarginPercentage", margin);
    if (margin < 0 || margin > 1) {
      throw ApifyException.invalidValue(
          "Field \"" + field + ".apifyMarginPercentage\" must be between 0 and 1, got " + margin);
    }
  }

  private static void required(String field, String property, Object value) {
    if (value == null) {
      throw ApifyException.invalidValue(
          "Field \"" + field + "." + property + "\" is required for this pricingModel.");
    }
  }

  private static OffsetDateTime orNow(OffsetDateTime value, OffsetDateTime now) {
    return value == null ? now : value;
  }
}
