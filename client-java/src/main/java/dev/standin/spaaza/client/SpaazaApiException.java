package dev.standin.spaaza.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.spaaza.errors.SpaazaError;
import java.util.Optional;

/**
 * Any failed call: the HTTP status and the parts of Spaaza's error envelope, {@code {"result":
 * {"code": 2, "status": "error"}, "error": {"code", "name", "description"}}}. Status 0 means there
 * was no HTTP answer (connection refused, timeout); the cause tells why.
 */
public class SpaazaApiException extends RuntimeException {

  private final int status;
  private final Integer resultCode;
  private final String resultStatus;
  private final Integer code;
  private final String name;

  public SpaazaApiException(
      int status,
      Integer resultCode,
      String resultStatus,
      Integer code,
      String name,
      String description,
      Throwable cause) {
    super(description, cause);
    this.status = status;
    this.resultCode = resultCode;
    this.resultStatus = resultStatus;
    this.code = code;
    this.name = name;
  }

  /** Without the envelope's {@code result} part (an answer that had none). */
  public SpaazaApiException(
      int status, Integer code, String name, String description, Throwable cause) {
    this(status, null, null, code, name, description, cause);
  }

  public int status() {
    return status;
  }

  /** The envelope's {@code result.code} (2 on an error), or null when the body had none. */
  public Integer resultCode() {
    return resultCode;
  }

  /** The envelope's {@code result.status} ({@code error}), or null when the body had none. */
  public String resultStatus() {
    return resultStatus;
  }

  /** The error's number ({@code error.code}), or null when the body had none. */
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
      Throwable cause = e.getCause();
      String why =
          cause == null
              ? e.getMessage()
              : cause.getMessage() != null ? cause.getMessage() : cause.toString();
      return new SpaazaApiException(0, null, null, "No HTTP answer: " + why, e);
    }
    Integer resultCode = null;
    String resultStatus = null;
    Integer code = null;
    String name = null;
    String description = e.getMessage();
    try {
      JsonNode answer = mapper.readTree(body);
      JsonNode result = answer.path("result");
      if (result.path("code").isInt()) {
        resultCode = result.get("code").asInt();
      }
      if (result.path("status").isTextual()) {
        resultStatus = result.get("status").asText();
      }
      JsonNode error = answer.path("error");
      if (error.path("code").isInt()) {
        code = error.get("code").asInt();
      }
      if (error.path("name").isTextual()) {
        name = error.get("name").asText();
      }
      if (error.path("description").isTextual()) {
        description = error.get("description").asText();
      }
    } catch (Exception unreadable) {
      // Not the Spaaza error shape (a proxy's HTML page, say): keep the generic message.
    }
    return new SpaazaApiException(status, resultCode, resultStatus, code, name, description, e);
  }

  @Override
  public String toString() {
    return "SpaazaApiException{status="
        + status
        + ", result="
        + resultCode
        + "/"
        + resultStatus
        + ", code="
        + code
        + ", name="
        + name
        + ", description="
        + getMessage()
        + "}";
  }
}
