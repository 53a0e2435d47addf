package dev.standin.server.apify.errors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.apify.errors.ApifyError;
import dev.standin.apify.json.InvalidDiscriminatorException;
import dev.standin.apify.model.ErrorDetail;
import dev.standin.apify.model.ErrorResponse;
import dev.standin.server.kernel.errors.VendorErrors;
import dev.standin.server.kernel.ops.Metrics;
import dev.standin.server.kernel.wire.WireError;
import java.util.Optional;
import java.util.SortedSet;

/** The Apify catalogue and its error shape: {@code {"error": {"type", "message"}}}. */
public final class ApifyErrors extends VendorErrors<ApifyError> {

  public ApifyErrors(ObjectMapper mapper) {
    super(Metrics.APIFY, ApifyError.class, mapper);
  }

  @Override
  protected ApifyError entryFor(WireError situation) {
    return switch (situation) {
      case REQUEST_TOO_LARGE -> ApifyError.REQUEST_TOO_LARGE;
      case UNSUPPORTED_CONTENT_ENCODING -> ApifyError.UNSUPPORTED_CONTENT_ENCODING;
      case INVALID_CONTENT_TYPE -> ApifyError.INVALID_CONTENT_TYPE_HEADER;
      case MALFORMED_BODY, BAD_REQUEST -> ApifyError.INVALID_INPUT;
      case RATE_LIMIT_EXCEEDED -> ApifyError.RATE_LIMIT_EXCEEDED;
      case NOT_FOUND -> ApifyError.PAGE_NOT_FOUND;
      case METHOD_NOT_ALLOWED -> ApifyError.METHOD_NOT_ALLOWED;
      case INVALID_PARAMETER -> ApifyError.INVALID_PARAMETER;
      case INTERNAL -> ApifyError.INTERNAL_SERVER_ERROR;
    };
  }

  @Override
  public int status(ApifyError entry) {
    return entry.status();
  }

  @Override
  protected String defaultMessage(ApifyError entry) {
    return entry.defaultMessage();
  }

  @Override
  protected Object body(ApifyError entry, String message) {
    return new ErrorResponse().error(new ErrorDetail().type(entry.type()).message(message));
  }

  @Override
  protected String methodNotAllowedMessage(String allowed) {
    return "This API end-point can only be accessed using the following HTTP methods: " + allowed;
  }

  @Override
  protected String joinMethods(SortedSet<String> methods) {
    return String.join(",", methods);
  }

  @Override
  protected String notJsonMessage() {
    return "The request body must be JSON: send the header Content-Type: application/json.";
  }

  /** A pricing record without a known {@code pricingModel}: say which values are allowed. */
  @Override
  protected Optional<String> problemOf(JacksonException e) {
    return e instanceof InvalidDiscriminatorException discriminator
        ? Optional.of("must be one of " + String.join(", ", discriminator.allowed()))
        : Optional.empty();
  }
}
