package dev.standin.server.spaaza.segments;

import static dev.standin.spaaza.model.SegmentOperator.*;

import dev.standin.server.spaaza.errors.SpaazaException;
import dev.standin.spaaza.errors.SpaazaError;
import dev.standin.spaaza.json.SpaazaJson;
import dev.standin.spaaza.model.ExportIndex;
import dev.standin.spaaza.model.SegmentFieldType;
import dev.standin.spaaza.model.SegmentOperator;
import dev.standin.spaaza.model.SegmentRule;
import dev.standin.spaaza.model.TaskSegment;
import dev.standin.spaaza.model.TaskTrigger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a trigger's segment must be (ADR 0028): {@code segment_id} or {@code segment}, not both; a
 * segment of 1 to 100 rules, each with a field, a field type and an operator that type takes, and
 * what its operator needs, of the right type. Anything wrong is 400 {@code invalid_trigger} naming
 * the field ({@code trigger.segment.rules[2].value}).
 */
public final class SegmentRules {

  public static final int MAX_RULES = 100;
  public static final int MAX_SEGMENT_ID_LENGTH = 200;

  /** The operators each field type takes. */
  static final Map<SegmentFieldType, Set<SegmentOperator>> OPERATORS =
      Map.of(
          SegmentFieldType.STRING,
          EnumSet.of(IS, IS_NOT, CONTAINS, DOES_NOT_CONTAIN, EXISTS, DOES_NOT_EXIST),
          SegmentFieldType.NUMBER,
          EnumSet.of(
              IS, IS_NOT, IS_GREATER_THAN, IS_LESS_THAN, IS_BETWEEN_NUMBER, EXISTS, DOES_NOT_EXIST),
          SegmentFieldType.BOOLEAN,
          EnumSet.of(IS, IS_NOT, EXISTS, DOES_NOT_EXIST),
          SegmentFieldType.DATE,
          EnumSet.of(
              IS_DATE,
              IS_AFTER_DATE,
              IS_BEFORE_DATE,
              IS_BETWEEN_DATE,
              RELATIVE_WITHIN_LAST,
              RELATIVE_OLDER_THAN,
              EXISTS,
              DOES_NOT_EXIST));

  /** The operators that compare with {@code value}. */
  static final Set<SegmentOperator> WITH_VALUE =
      EnumSet.of(IS, IS_NOT, CONTAINS, DOES_NOT_CONTAIN, IS_GREATER_THAN, IS_LESS_THAN, IS_DATE);

  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private SegmentRules() {}

  /** Checks the segment parts of a trigger on their own (before the task is known). */
  public static void checkShape(TaskTrigger trigger) {
    String segmentId = trigger.getSegmentId();
    TaskSegment segment = trigger.getSegment();
    if (segmentId != null && segment != null) {
      throw invalid(
          "Send \"trigger.segment_id\" or \"trigger.segment\", not both: a task has one segment.");
    }
    if (segmentId != null && (segmentId.isBlank() || segmentId.length() > MAX_SEGMENT_ID_LENGTH)) {
      throw invalid(
          "Field \"trigger.segment_id\" must hold 1 to "
              + MAX_SEGMENT_ID_LENGTH
              + " characters, not only spaces.");
    }
    if (segment == null) {
      return;
    }
    List<SegmentRule> rules = segment.getRules();
    if (rules == null || rules.isEmpty() || rules.size() > MAX_RULES) {
      throw invalid("Field \"trigger.segment.rules\" must hold 1 to " + MAX_RULES + " rules.");
    }
    for (int i = 0; i < rules.size(); i++) {
      checkRule("trigger.segment.rules[" + i + "]", rules.get(i));
    }
  }

  /**
   * Checks what the segment says about its task: {@code index}, when sent, is the export's index;
   * {@code chain_id}, when sent, the task's chain.
   */
  public static void checkFor(TaskTrigger trigger, long chainId, ExportIndex exportIndex) {
    TaskSegment segment = trigger.getSegment();
    if (segment == null) {
      return;
    }
    if (segment.getIndex() != null && segment.getIndex() != exportIndex) {
      throw invalid(
          "Field \"trigger.segment.index\" must be the target's export_index ("
              + exportIndex.getValue()
              + "): a segment filters the rows the task exports.");
    }
    if (segment.getChainId() != null && segment.getChainId() != chainId) {
      throw invalid(
          "Field \"trigger.segment.chain_id\" must be the task's chain (" + chainId + ").");
    }
  }

  private static void checkRule(String at, SegmentRule rule) {
    if (rule == null) {
      throw invalid("Field \"" + at + "\" must be an object.");
    }
    if (rule.getFieldName() == null || rule.getFieldName().isBlank()) {
      throw invalid("Field \"" + at + ".field_name\" is required.");
    }
    if (rule.getFieldType() == null) {
      throw invalid(
          "Field \"" + at + ".field_type\" is required: string, number, boolean or date.");
    }
    SegmentOperator operator = rule.getOperator();
    if (operator == null) {
      throw invalid("Field \"" + at + ".operator\" is required.");
    }
    Set<SegmentOperator> allowed = OPERATORS.get(rule.getFieldType());
    if (!allowed.contains(operator)) {
      throw invalid(
          "Field \""
              + at
              + ".operator\": "
              + operator.getValue()
              + " does not apply to a "
              + rule.getFieldType().getValue()
              + " field; use one of "
              + String.join(", ", allowed.stream().map(SegmentOperator::getValue).toList())
              + ".");
    }
    if (WITH_VALUE.contains(operator)) {
      checkValue(at, rule);
    }
    switch (operator) {
      case IS_BETWEEN_NUMBER -> {
        require(at, "min", rule.getMin());
        require(at, "max", rule.getMax());
        if (rule.getMin().compareTo(rule.getMax()) > 0) {
          throw invalid("Field \"" + at + ".max\" must not be below \"" + at + ".min\".");
        }
      }
      case IS_AFTER_DATE -> require(at, "start_date", rule.getStartDate());
      case IS_BEFORE_DATE -> require(at, "end_date", rule.getEndDate());
      case IS_BETWEEN_DATE -> {
        require(at, "start_date", rule.getStartDate());
        require(at, "end_date", rule.getEndDate());
        if (rule.getStartDate().isAfter(rule.getEndDate())) {
          throw invalid(
              "Field \"" + at + ".end_date\" must not be before \"" + at + ".start_date\".");
        }
      }
      case RELATIVE_WITHIN_LAST, RELATIVE_OLDER_THAN -> {
        require(at, "time_factor", rule.getTimeFactor());
        require(at, "time_amount", rule.getTimeAmount());
        if (rule.getTimeAmount() < 0) {
          throw invalid("Field \"" + at + ".time_amount\" must not be negative.");
        }
      }
      default -> {}
    }
    boolean nested = Boolean.TRUE.equals(rule.getNested());
    if (nested && (rule.getNestingPath() == null || rule.getNestingPath().isBlank())) {
      throw invalid("Field \"" + at + ".nesting_path\" is required when \"nested\" is true.");
    }
    if (!nested && rule.getNestingPath() != null) {
      throw invalid("Field \"" + at + ".nesting_path\" needs \"nested\": true.");
    }
  }

  private static void checkValue(String at, SegmentRule rule) {
    Object value = rule.getValue();
    require(at, "value", value);
    boolean fits =
        switch (rule.getFieldType()) {
          case STRING -> value instanceof String;
          case NUMBER -> value instanceof Number;
          case BOOLEAN -> value instanceof Boolean;
          case DATE -> value instanceof String s && instant(s).isPresent();
        };
    if (!fits) {
      throw invalid(
          "Field \""
              + at
              + ".value\" must be "
              + switch (rule.getFieldType()) {
                case STRING -> "a string";
                case NUMBER -> "a number";
                case BOOLEAN -> "true or false";
                case DATE -> "an RFC 3339 time or a YYYY-MM-DD day";
              }
              + ", as its field_type says.");
    }
  }

  private static void require(String at, String field, Object value) {
    if (value == null) {
      throw invalid("Field \"" + at + "." + field + "\" is required by its operator.");
    }
  }

  /** An RFC 3339 time, or a {@code YYYY-MM-DD} day as its midnight in UTC; empty otherwise. */
  public static Optional<Instant> instant(String text) {
    try {
      if (SpaazaJson.isRfc3339(text)) {
        return Optional.of(OffsetDateTime.parse(text.toUpperCase()).toInstant());
      }
      if (text != null && DAY.matcher(text).matches()) {
        return Optional.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
      }
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static SpaazaException invalid(String message) {
    return new SpaazaException(SpaazaError.INVALID_TRIGGER, message);
  }
}
