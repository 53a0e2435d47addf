package dev.standin.server.apify.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.apify.errors.ApifyError;
import dev.standin.apify.model.ErrorDetail;
import dev.standin.apify.model.ErrorResponse;
import dev.standin.apify.model.ErrorType;
import dev.standin.server.kernel.wire.ErrorResponder;
import dev.standin.server.kernel.wire.WireError;

/** The wire protections' errors in the Apify catalogue and shape. */
public final class ApifyErrorResponder implements ErrorResponder {

  private final ObjectMapper mapper;

  public ApifyErrorResponder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  static ApifyError catalogued(WireError error) {
    return switch (error) {
      case REQUEST_TOO_LARGE -> ApifyError.REQUEST_TOO_LARGE;
      case UNSUPPORTED_CONTENT_ENCODING -> ApifyError.UNSUPPORTED_CONTENT_ENCODING;
      case INVALID_CONTENT_TYPE -> ApifyError.INVALID_CONTENT_TYPE_HEADER;
      case MALFORMED_BODY, BAD_REQUEST -> ApifyError.INVALID_INPUT;
      case RATE_LIMIT_EXCEEDED -> ApifyError.RATE_LIMIT_EXCEEDED;
      case NOT_FOUND -> ApifyError.PAGE_NOT_FOUND;
      case INTERNAL -> ApifyError.INTERNAL_SERVER_ERROR;
    };
  }

  @Override
  public int status(WireError error) {
    return catalogued(error).status();
  }

  @Override
  public String body(WireError error, String message) {
    ErrorResponse body =
        new ErrorResponse()
            .error(
                new ErrorDetail()
                    .type(ErrorType.fromValue(catalogued(error).type()))
                    .message(message));
    try {
      return mapper.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an error body", e);
    }
  }
}
