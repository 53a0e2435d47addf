package dev.standin.server.spaaza.errors;

import dev.standin.spaaza.errors.SpaazaError;
import dev.standin.spaaza.model.ErrorDetail;
import dev.standin.spaaza.model.ErrorName;
import dev.standin.spaaza.model.ErrorResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Answers in the Spaaza error shape: {@code {"error": {"code", "name", "description"}}}. */
public final class SpaazaErrorResponses {

  private SpaazaErrorResponses() {}

  public static Response of(SpaazaError error, String description) {
    ErrorResponse body =
        new ErrorResponse()
            .error(
                new ErrorDetail()
                    .code(error.code())
                    .name(ErrorName.fromValue(error.errorName()))
                    .description(description));
    return Response.status(error.status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body)
        .build();
  }

  public static Response of(SpaazaError error) {
    return of(error, error.defaultDescription());
  }
}
