package dev.standin.server.spaaza.errors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.standin.server.kernel.errors.VendorErrors;
import dev.standin.server.kernel.ops.Metrics;
import dev.standin.server.kernel.wire.WireError;
import dev.standin.spaaza.errors.SpaazaError;
import dev.standin.spaaza.model.ErrorDetail;
import dev.standin.spaaza.model.ErrorName;
import dev.standin.spaaza.model.ErrorResponse;
import dev.standin.spaaza.model.ErrorResult;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The Spaaza catalogue and its error shape, the envelope the vendor documents: {@code {"result":
 * {"code": 2, "status": "error"}, "error": {"code", "name", "description"}}}. Every error answer of
 * the Spaaza port is written here: the exception mappers, the wire protections and Jetty's own
 * refusals all answer through this class. A malformed or repeated {@code Content-Type} is {@code
 * unsupported_media_type} (Spaaza has one name for "not a JSON body").
 */
public final class SpaazaErrors extends VendorErrors<SpaazaError> {

  /**
   * A bad value inside {@code target} or {@code trigger} (unknown action, index or format; a time
   * that is not RFC 3339; a value of the wrong JSON type) is {@code invalid_target} / {@code
   * invalid_trigger}, as the vendor documents; a value of the wrong type for {@code chain}, {@code
   * desc} or {@code debug} is {@code invalid_field}; any other unreadable body {@code
   * invalid_request_body}.
   */
  private static final Map<String, SpaazaError> BY_TOP_LEVEL_FIELD =
      Map.of(
          "target", SpaazaError.INVALID_TARGET,
          "trigger", SpaazaError.INVALID_TRIGGER,
          "chain", SpaazaError.INVALID_FIELD,
          "desc", SpaazaError.INVALID_FIELD,
          "debug", SpaazaError.INVALID_FIELD);

  /** {@code result.code} of every error answer (1 is the vendor's "ok"). */
  public static final int RESULT_CODE_ERROR = 2;

  public SpaazaErrors(ObjectMapper mapper) {
    super(Metrics.SPAAZA, SpaazaError.class, mapper);
  }

  @Override
  protected SpaazaError entryFor(WireError situation) {
    return switch (situation) {
      case REQUEST_TOO_LARGE -> SpaazaError.REQUEST_TOO_LARGE;
      case UNSUPPORTED_CONTENT_ENCODING -> SpaazaError.UNSUPPORTED_CONTENT_ENCODING;
      case INVALID_CONTENT_TYPE -> SpaazaError.UNSUPPORTED_MEDIA_TYPE;
      case MALFORMED_BODY, BAD_REQUEST -> SpaazaError.INVALID_REQUEST_BODY;
      case RATE_LIMIT_EXCEEDED -> SpaazaError.RATE_LIMIT_EXCEEDED;
      case NOT_FOUND -> SpaazaError.ROUTE_NOT_FOUND;
      case METHOD_NOT_ALLOWED -> SpaazaError.METHOD_NOT_ALLOWED;
      case INVALID_PARAMETER -> SpaazaError.INVALID_PARAMETER;
      case INTERNAL -> SpaazaError.INTERNAL_ERROR;
    };
  }

  @Override
  public int status(SpaazaError entry) {
    return entry.status();
  }

  @Override
  protected String defaultMessage(SpaazaError entry) {
    return entry.defaultDescription();
  }

  @Override
  protected Object body(SpaazaError entry, String message) {
    return new ErrorResponse()
        .result(new ErrorResult().code(RESULT_CODE_ERROR).status(ErrorResult.StatusEnum.ERROR))
        .error(
            new ErrorDetail()
                .code(entry.code())
                .name(ErrorName.fromValue(entry.errorName()))
                .description(message));
  }

  @Override
  protected String methodNotAllowedMessage(String allowed) {
    return "This route accepts only: " + allowed + ".";
  }

  @Override
  protected String joinMethods(SortedSet<String> methods) {
    return String.join(", ", methods);
  }

  /** A value of the wrong JSON type says which type the field takes. */
  @Override
  protected Optional<String> problemOf(JacksonException e) {
    if (!(e instanceof MismatchedInputException mismatch) || mismatch.getPath().isEmpty()) {
      return Optional.empty();
    }
    Class<?> type = mismatch.getTargetType();
    if (type == String.class) {
      return Optional.of("must be a string");
    }
    if (type == Long.class || type == Integer.class || type == long.class || type == int.class) {
      return Optional.of("must be an integer");
    }
    if (type == Boolean.class || type == boolean.class) {
      return Optional.of("must be true or false");
    }
    if (type == BigDecimal.class || type == Double.class) {
      return Optional.of("must be a number");
    }
    return Optional.empty();
  }

  @Override
  protected SpaazaError unreadableBody(JacksonException e) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().get(0).getFieldName();
      return BY_TOP_LEVEL_FIELD.getOrDefault(field, SpaazaError.INVALID_REQUEST_BODY);
    }
    return SpaazaError.INVALID_REQUEST_BODY;
  }
}
