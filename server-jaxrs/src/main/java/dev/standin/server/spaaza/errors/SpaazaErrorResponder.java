package dev.standin.server.spaaza.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.server.kernel.wire.ErrorResponder;
import dev.standin.server.kernel.wire.WireError;
import dev.standin.spaaza.errors.SpaazaError;
import dev.standin.spaaza.model.ErrorDetail;
import dev.standin.spaaza.model.ErrorName;
import dev.standin.spaaza.model.ErrorResponse;

/**
 * The wire protections' errors in the Spaaza catalogue and shape. A malformed or repeated {@code
 * Content-Type} is {@code unsupported_media_type} (Spaaza has one name for "not a JSON body").
 */
public final class SpaazaErrorResponder implements ErrorResponder {

  private final ObjectMapper mapper;

  public SpaazaErrorResponder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  static SpaazaError catalogued(WireError error) {
    return switch (error) {
      case REQUEST_TOO_LARGE -> SpaazaError.REQUEST_TOO_LARGE;
      case UNSUPPORTED_CONTENT_ENCODING -> SpaazaError.UNSUPPORTED_CONTENT_ENCODING;
      case INVALID_CONTENT_TYPE -> SpaazaError.UNSUPPORTED_MEDIA_TYPE;
      case MALFORMED_BODY, BAD_REQUEST -> SpaazaError.INVALID_REQUEST_BODY;
      case RATE_LIMIT_EXCEEDED -> SpaazaError.RATE_LIMIT_EXCEEDED;
      case NOT_FOUND -> SpaazaError.ROUTE_NOT_FOUND;
      case INTERNAL -> SpaazaError.INTERNAL_ERROR;
    };
  }

  @Override
  public int status(WireError error) {
    return catalogued(error).status();
  }

  @Override
  public String body(WireError error, String message) {
    SpaazaError entry = catalogued(error);
    ErrorResponse body =
        new ErrorResponse()
            .error(
                new ErrorDetail()
                    .code(entry.code())
                    .name(ErrorName.fromValue(entry.errorName()))
                    .description(message));
    try {
      return mapper.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an error body", e);
    }
  }
}
