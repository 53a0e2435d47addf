package dev.standin.apify.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.apify.errors.ApifyError;
import dev.standin.apify.invoker.ApiException;
import java.util.Optional;

/**
 * Any failed call: the HTTP status, the vendor's error {@code type} and message. Status 0 means the
 * request never got an HTTP answer (connection refused, timeout); the cause tells why.
 *
 * <p>Error types are an open set (the vendor has hundreds and adds more): {@link #type()} is the
 * string as it came, whether or not this client knows it; {@link #error()} is its catalogue entry
 * when it does.
 */
public class ApifyApiException extends RuntimeException {

  private final int status;
  private final String type;

  public ApifyApiException(int status, String type, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.type = type;
  }

  /** The HTTP status, or 0 when there was no HTTP answer. */
  public int status() {
    return status;
  }

  /**
   * The vendor's error type as it came, e.g. {@code record-not-found} or a type this client has
   * never heard of; null when the body had none.
   */
  public String type() {
    return type;
  }

  /** The catalogue entry of {@link #type()}, or empty when this client does not know the type. */
  public Optional<ApifyError> error() {
    return type == null ? Optional.empty() : ApifyError.fromType(type);
  }

  /**
   * Whether the error's type is {@code error}'s, e.g. {@code e.is(ApifyError.RECORD_NOT_FOUND)}.
   */
  public boolean is(ApifyError error) {
    return error != null && error.type().equals(type);
  }

  static ApifyApiException from(ApiException e, ObjectMapper mapper) {
    if (e.getCode() == 0) {
      Throwable cause = e.getCause();
      String why =
          cause == null
              ? e.getMessage()
              : cause.getMessage() != null ? cause.getMessage() : cause.toString();
      return new ApifyApiException(0, null, "No HTTP answer: " + why, e);
    }
    String type = null;
    String message = e.getMessage();
    try {
      JsonNode error = mapper.readTree(e.getResponseBody()).path("error");
      if (error.hasNonNull("type")) {
        type = error.get("type").asText();
      }
      if (error.hasNonNull("message")) {
        message = error.get("message").asText();
      }
    } catch (Exception unreadable) {
      // Not the vendor's error shape (a proxy's HTML page, say): keep the generic message.
    }
    return new ApifyApiException(e.getCode(), type, message, e);
  }

  @Override
  public String toString() {
    return "ApifyApiException{status="
        + status
        + ", type="
        + type
        + ", message="
        + getMessage()
        + "}";
  }
}
