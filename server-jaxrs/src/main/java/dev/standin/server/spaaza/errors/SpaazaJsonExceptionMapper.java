package dev.standin.server.spaaza.errors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.standin.server.kernel.errors.JsonExceptionMapper;
import dev.standin.spaaza.errors.SpaazaError;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;

/**
 * Request bodies Jackson cannot read: 400, naming the field. A bad value inside {@code target} or
 * {@code trigger} (unknown action, index or format; a time that is not RFC 3339) is {@code
 * invalid_target} / {@code invalid_trigger}, as the vendor documents; anything else {@code
 * invalid_request_body}.
 */
public class SpaazaJsonExceptionMapper implements ExceptionMapper<JacksonException> {

  private static final Map<String, SpaazaError> BY_TOP_LEVEL_FIELD =
      Map.of("target", SpaazaError.INVALID_TARGET, "trigger", SpaazaError.INVALID_TRIGGER);

  @Override
  public Response toResponse(JacksonException e) {
    SpaazaError error = SpaazaError.INVALID_REQUEST_BODY;
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().get(0).getFieldName();
      error = BY_TOP_LEVEL_FIELD.getOrDefault(field, error);
    }
    return SpaazaErrorResponses.of(error, JsonExceptionMapper.describe(e));
  }
}
