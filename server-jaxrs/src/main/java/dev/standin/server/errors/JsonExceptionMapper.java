package dev.standin.server.errors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.standin.apify.errors.ApifyError;
import dev.standin.apify.json.InvalidDiscriminatorException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.stream.Collectors;

/**
 * Request bodies Jackson cannot read (malformed JSON, wrong types): 400 {@code invalid-input},
 * naming the offending field path when there is one (for a pricing record without a known {@code
 * pricingModel}, also the allowed values). Never echoes parser internals.
 */
@Provider
public class JsonExceptionMapper implements ExceptionMapper<JacksonException> {

  @Override
  public Response toResponse(JacksonException e) {
    return ErrorResponses.of(ApifyError.INVALID_INPUT, describe(e));
  }

  public static String describe(JacksonException e) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = fieldPath(mapping);
      String problem;
      if (e instanceof InvalidDiscriminatorException discriminator) {
        problem = "must be one of " + String.join(", ", discriminator.allowed());
      } else if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
        problem = "has a value of the wrong type or format";
      } else {
        problem = "is not valid";
      }
      return "Invalid input: field \"" + field + "\" " + problem + ".";
    }
    if (e instanceof MismatchedInputException) {
      return "Invalid input: the request body must be a JSON object.";
    }
    return "Invalid input: the request body is not valid JSON.";
  }

  private static String fieldPath(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }
}
