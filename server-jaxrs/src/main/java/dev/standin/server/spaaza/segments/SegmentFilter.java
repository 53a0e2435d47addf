package dev.standin.server.spaaza.segments;

import dev.standin.spaaza.model.SegmentJoin;
import dev.standin.spaaza.model.SegmentRule;
import dev.standin.spaaza.model.SegmentTimeFactor;
import dev.standin.spaaza.model.TaskSegment;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a segment to an export's rows (ADR 0028): a row is kept when it matches all of the
 * segment's rules ({@code join} {@code all}, the default) or any of them ({@code any}). A rule
 * reads its field from the row, or with {@code nested} from the documents at {@code nesting_path}
 * (a list of documents matches when any of them does). A field that is absent, null or not of the
 * rule's type matches no comparison; the negated operators ({@code is_not}, {@code
 * does_not_contain}, {@code does_not_exist}) match exactly the rows their positive form does not.
 */
public final class SegmentFilter {

  private SegmentFilter() {}

  /** The rows {@code segment} selects, in their order; all rows when there is no segment. */
  public static List<Map<String, Object>> select(
      TaskSegment segment, List<Map<String, Object>> rows, Instant now) {
    if (segment == null) {
      return rows;
    }
    boolean any = segment.getJoin() == SegmentJoin.ANY;
    List<Map<String, Object>> kept = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      boolean match =
          any
              ? segment.getRules().stream().anyMatch(rule -> matches(rule, row, now))
              : segment.getRules().stream().allMatch(rule -> matches(rule, row, now));
      if (match) {
        kept.add(row);
      }
    }
    return kept;
  }

  static boolean matches(SegmentRule rule, Map<String, Object> row, Instant now) {
    List<Object> values = values(rule, row);
    return switch (rule.getOperator()) {
      case IS_NOT -> values.stream().noneMatch(v -> equal(rule, v));
      case DOES_NOT_CONTAIN -> values.stream().noneMatch(v -> contains(rule, v));
      case DOES_NOT_EXIST -> values.isEmpty();
      case EXISTS -> !values.isEmpty();
      default -> values.stream().anyMatch(v -> compare(rule, v, now));
    };
  }

  private static boolean compare(SegmentRule rule, Object value, Instant now) {
    return switch (rule.getOperator()) {
      case IS -> equal(rule, value);
      case CONTAINS -> contains(rule, value);
      case IS_GREATER_THAN -> number(value).filter(n -> n.compareTo(number(rule)) > 0).isPresent();
      case IS_LESS_THAN -> number(value).filter(n -> n.compareTo(number(rule)) < 0).isPresent();
      case IS_BETWEEN_NUMBER ->
          number(value)
              .filter(n -> n.compareTo(rule.getMin()) >= 0 && n.compareTo(rule.getMax()) <= 0)
              .isPresent();
      case IS_DATE ->
          date(value)
              .filter(
                  d ->
                      d.atZone(ZoneOffset.UTC)
                          .toLocalDate()
                          .equals(
                              SegmentRules.instant((String) rule.getValue())
                                  .orElseThrow()
                                  .atZone(ZoneOffset.UTC)
                                  .toLocalDate()))
              .isPresent();
      case IS_AFTER_DATE ->
          date(value).filter(d -> d.isAfter(rule.getStartDate().toInstant())).isPresent();
      case IS_BEFORE_DATE ->
          date(value).filter(d -> d.isBefore(rule.getEndDate().toInstant())).isPresent();
      case IS_BETWEEN_DATE ->
          date(value)
              .filter(
                  d ->
                      !d.isBefore(rule.getStartDate().toInstant())
                          && !d.isAfter(rule.getEndDate().toInstant()))
              .isPresent();
      case RELATIVE_WITHIN_LAST ->
          date(value).filter(d -> !d.isBefore(ago(rule, now)) && !d.isAfter(now)).isPresent();
      case RELATIVE_OLDER_THAN -> date(value).filter(d -> d.isBefore(ago(rule, now))).isPresent();
      case IS_NOT, DOES_NOT_CONTAIN, EXISTS, DOES_NOT_EXIST ->
          throw new IllegalStateException("handled in matches: " + rule.getOperator());
    };
  }

  private static boolean equal(SegmentRule rule, Object value) {
    Object expected = rule.getValue();
    return switch (rule.getFieldType()) {
      case NUMBER -> number(value).filter(n -> n.compareTo(number(rule)) == 0).isPresent();
      case STRING -> value instanceof String && value.equals(expected);
      case BOOLEAN -> value instanceof Boolean && value.equals(expected);
      case DATE -> false; // dates compare with is_date
    };
  }

  private static boolean contains(SegmentRule rule, Object value) {
    return value instanceof String text
        && text.toLowerCase(Locale.ROOT)
            .contains(((String) rule.getValue()).toLowerCase(Locale.ROOT));
  }

  /** The rule's field in the row: none, or the non-null values found (several through lists). */
  private static List<Object> values(SegmentRule rule, Map<String, Object> row) {
    List<Object> documents = new ArrayList<>(List.of(row));
    if (Boolean.TRUE.equals(rule.getNested())) {
      for (String part : rule.getNestingPath().split("\\.")) {
        documents = step(documents, part);
      }
    }
    return step(documents, rule.getFieldName());
  }

  private static List<Object> step(List<Object> documents, String key) {
    List<Object> next = new ArrayList<>();
    for (Object document : documents) {
      if (document instanceof Map<?, ?> map) {
        Object value = map.get(key);
        if (value instanceof List<?> list) {
          list.stream().filter(java.util.Objects::nonNull).forEach(next::add);
        } else if (value != null) {
          next.add(value);
        }
      }
    }
    return next;
  }

  private static BigDecimal number(SegmentRule rule) {
    return new BigDecimal(rule.getValue().toString());
  }

  private static Optional<BigDecimal> number(Object value) {
    return value instanceof Number n
            && !(value instanceof Double d && (d.isNaN() || d.isInfinite()))
        ? Optional.of(new BigDecimal(n.toString()))
        : Optional.empty();
  }

  private static Optional<Instant> date(Object value) {
    return value instanceof String text ? SegmentRules.instant(text) : Optional.empty();
  }

  /** {@code time_amount} units of {@code time_factor} before {@code now} (calendar months). */
  private static Instant ago(SegmentRule rule, Instant now) {
    long amount = rule.getTimeAmount();
    ZonedDateTime at = now.atZone(ZoneOffset.UTC);
    SegmentTimeFactor factor = rule.getTimeFactor();
    ZonedDateTime then =
        switch (factor) {
          case MINUTES -> at.minusMinutes(amount);
          case HOURS -> at.minusHours(amount);
          case DAYS -> at.minusDays(amount);
          case WEEKS -> at.minusWeeks(amount);
          case MONTHS -> at.minusMonths(amount);
          case YEARS -> at.minusYears(amount);
        };
    return then.toInstant();
  }
}
