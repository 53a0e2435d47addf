package dev.standin.spaaza.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.spaaza.errors.SpaazaError;
import java.util.Optional;

/**
 * Any failed call: the HTTP status and the error's {@code code}, {@code name} and description.
 * Status 0 means there was no HTTP answer (connection refused, timeout); the cause tells why.
 */
public class SpaazaApiException extends RuntimeException {

  private final int status;
  private final Integer code;
  private final String name;

  public SpaazaApiException(
      int status, Integer code, String name, String description, Throwable cause) {
    super(description, cause);
    this.status = status;
    this.code = code;
    this.name = name;
  }

  public int status() {
    return status;
  }

  /** The error's number, or null when the body had none. */
  public Integer code() {
    return code;
  }

  /** The error's name, e.g. {@code task_not_found}; null when the body had none. */
  public String name() {
    return name;
  }

  /** The catalogue entry of {@link #name()}, when this client knows it. */
  public Optional<SpaazaError> error() {
    return name == null ? Optional.empty() : SpaazaError.fromName(name);
  }

  static SpaazaApiException from(int status, String body, Exception e, ObjectMapper mapper) {
    if (status == 0) {
      String why = e.getCause() != null ? e.getCause().toString() : e.getMessage();
      return new SpaazaApiException(0, null, null, "No HTTP answer: " + why, e);
    }
    Integer code = null;
    String name = null;
    String description = e.getMessage();
    try {
      JsonNode error = mapper.readTree(body).path("error");
      if (error.path("code").isInt()) {
        code = error.get("code").asInt();
      }
      if (error.hasNonNull("name")) {
        name = error.get("name").asText();
      }
      if (error.hasNonNull("description")) {
        description = error.get("description").asText();
      }
    } catch (Exception unreadable) {
      // Not the Spaaza error shape (a proxy's HTML page, say): keep the generic message.
    }
    return new SpaazaApiException(status, code, name, description, e);
  }

  @Override
  public String toString() {
    return "SpaazaApiException{status="
        + status
        + ", code="
        + code
        + ", name="
        + name
        + ", description="
        + getMessage()
        + "}";
  }
}
