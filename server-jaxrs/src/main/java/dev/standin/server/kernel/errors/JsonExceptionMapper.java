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
    String field = fieldPath(e);
    String problem = vendorProblem.orElseGet(() -> problem(e));
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
    return "is not valid JSON";
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
