package dev.standin.server.apify.errors;

import dev.standin.apify.errors.ApifyError;
import dev.standin.apify.model.ErrorDetail;
import dev.standin.apify.model.ErrorResponse;
import dev.standin.apify.model.ErrorType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds answers in the vendor's error shape: {@code {"error": {"type", "message"}}}. */
public final class ErrorResponses {

  private ErrorResponses() {}

  public static Response of(ApifyError error, String message) {
    ErrorResponse body =
        new ErrorResponse()
            .error(new ErrorDetail().type(ErrorType.fromValue(error.type())).message(message));
    return Response.status(error.status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body)
        .build();
  }

  public static Response of(ApifyError error) {
    return of(error, error.defaultMessage());
  }
}
