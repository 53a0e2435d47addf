package dev.standin.server.kernel.errors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Request bodies Jackson cannot read (malformed JSON, invalid UTF-8, duplicate keys, too deep,
 * numbers out of range, wrong types): a 400 in the vendor's shape, naming the offending field path
 * when there is one. Never echoes parser internals.
 */
public final class JsonExceptionMapper implements ExceptionMapper<JacksonException> {

  private final VendorErrors<?> errors;

  public JsonExceptionMapper(VendorErrors<?> errors) {
    this.errors = errors;
  }

  @Override
  public Response toResponse(JacksonException e) {
    return answer(errors, e);
  }

  private static <E> Response answer(VendorErrors<E> errors, JacksonException e) {
    return errors.response(errors.unreadableBody(e), describe(e, errors.problemOf(e)));
  }

  /** What is wrong with the body, in the shared wording. */
  public static String describe(JacksonException e) {
    return describe(e, Optional.empty());
  }

  /**
   * What is wrong with the body; {@code vendorProblem} replaces the shared wording of the fault.
   */
  public static String describe(JacksonException e, Optional<String> vendorProblem) {
    if (isNotAnObjectBody(e)) {
      return "Invalid input: the request body must be a JSON object.";
    }
    String problem = vendorProblem.orElseGet(() -> problem(e));
    if (problem.equals(SYNTAX) && e.getLocation() != null && e.getLocation().getLineNr() > 0) {
      // The syntax is wrong where the parser stopped, whatever field it was in (a trailing comma
      // after "name" is no fault of "name").
      return "Invalid input: the request body is not valid JSON: "
          + syntaxProblem(e)
          + " at line "
          + e.getLocation().getLineNr()
          + ", column "
          + e.getLocation().getColumnNr()
          + ".";
    }
    String field = fieldPath(e);
    if (field.isEmpty()) {
      if (e instanceof MismatchedInputException && !(e.getProcessor() instanceof JsonParser)) {
        return "Invalid input: the request body must be a JSON object.";
      }
      return "Invalid input: the request body " + problem + ".";
    }
    return "Invalid input: field \"" + field + "\" " + problem + ".";
  }

  private static String problem(JacksonException e) {
    if (e instanceof StreamConstraintsException) {
      return "is too deeply nested or holds a value that is too long";
    }
    if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
      return "has a value of the wrong type or format";
    }
    if (e instanceof JsonMappingException) {
      return "is not valid";
    }
    String message = String.valueOf(e.getOriginalMessage());
    if (message.contains("Duplicate field")) {
      return "contains a duplicate key";
    }
    if (message.contains("UTF-8") || message.contains("UTF8")) {
      return "is not valid UTF-8";
    }
    if (message.contains("out of range")) {
      return "holds a number out of range";
    }
    return SYNTAX;
  }

  private static final String SYNTAX = "is not valid JSON";

  /** The parser's complaint without its echo of the input: "unexpected character '}'". */
  private static String syntaxProblem(JacksonException e) {
    String message = String.valueOf(e.getOriginalMessage());
    java.util.regex.Matcher unexpected =
        java.util.regex.Pattern.compile("^Unexpected character \\('(.)' \\(code \\d+\\)\\)")
            .matcher(message);
    if (unexpected.find()) {
      return "unexpected '" + unexpected.group(1) + "'";
    }
    if (message.startsWith("Unexpected end-of-input")) {
      return "it ends too early";
    }
    if (message.startsWith("Unrecognized token")) {
      return "unrecognized token";
    }
    return "syntax error";
  }

  /**
   * A body of the wrong kind at the top level ({@code [1]}, {@code "x"}, {@code 1}) where the
   * operation reads an object: Jackson stops at its first element, which is not the fault.
   */
  private static boolean isNotAnObjectBody(JacksonException e) {
    if (!(e instanceof MismatchedInputException mismatch) || !mappedPath(e).isEmpty()) {
      return false;
    }
    String message = String.valueOf(e.getOriginalMessage());
    if (message.startsWith("Trailing token") || message.contains("content after")) {
      return false; // an object, and then more
    }
    Class<?> target = mismatch.getTargetType();
    boolean objectTarget =
        target != null
            && (java.util.Map.class.isAssignableFrom(target)
                || !(target.isPrimitive()
                    || target.isEnum()
                    || target.isArray()
                    || java.util.Collection.class.isAssignableFrom(target)
                    || Number.class.isAssignableFrom(target)
                    || target == String.class
                    || target == Boolean.class
                    || target == Object.class));
    if (!objectTarget) {
      return false;
    }
    if (!(e.getProcessor() instanceof JsonParser parser)) {
      return true;
    }
    JsonStreamContext context = parser.getParsingContext();
    return context == null
        || context.inRoot()
        || context.inArray() && context.getParent() != null && context.getParent().inRoot();
  }

  /**
   * The path of the field, e.g. {@code options.memoryMbytes} or {@code startUrls[0].url}: from the
   * mapping path when Jackson recorded one, else from where the parser stood.
   */
  private static String fieldPath(JacksonException e) {
    String mapped = mappedPath(e);
    String parsed = parserPath(e);
    return parsed.startsWith(mapped) ? parsed : mapped; // the deeper of the two
  }

  private static String mappedPath(JacksonException e) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining("."))
          .replace(".[", "[");
    }
    return "";
  }

  private static String parserPath(JacksonException e) {
    if (e.getProcessor() instanceof JsonParser parser) {
      java.util.Deque<String> parts = new java.util.ArrayDeque<>();
      for (JsonStreamContext c = parser.getParsingContext(); c != null; c = c.getParent()) {
        if (c.inArray()) {
          parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
        } else if (c.inObject() && c.getCurrentName() != null) {
          parts.push("." + c.getCurrentName());
        }
      }
      String path = String.join("", parts);
      return path.startsWith(".") ? path.substring(1) : path;
    }
    return "";
  }
}
