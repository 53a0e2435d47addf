package dev.standin.spaaza.errors;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of Spaaza Services API errors: the wire {@code name}, its stable {@code code}, the
 * HTTP status and a default description. Shared by the server (answers) and the client (reading
 * them back). Keep it in step with {@code spaaza/schemas/ErrorName.yaml} and ADRs 0012, 0026, 0027.
 */
public enum SpaazaError {
  INVALID_REQUEST_BODY(1, "invalid_request_body", 400, "The request body is not valid JSON."),
  INVALID_PARAMETER(2, "invalid_parameter", 400, "A query or path parameter is not valid."),
  INVALID_FIELD(3, "invalid_field", 400, "A field of the request body is not valid."),
  INVALID_TARGET(4, "invalid_target", 400, "The target is not valid."),
  INVALID_TRIGGER(5, "invalid_trigger", 400, "The trigger is not valid."),
  UNSUPPORTED_MEDIA_TYPE(
      6,
      "unsupported_media_type",
      415,
      "Send the body as JSON with Content-Type: application/json."),
  REQUEST_TOO_LARGE(7, "request_too_large", 413, "The request body is larger than 9437184 bytes."),
  UNSUPPORTED_CONTENT_ENCODING(
      8, "unsupported_content_encoding", 415, "Send the body as identity, gzip, deflate or br."),
  UNSUPPORTED_API_VERSION(
      9,
      "unsupported_api_version",
      400,
      "Send X-Spaaza-API-Version as major.minor.fix, 1.6.1 or later."),
  NOT_AUTHENTICATED(
      10,
      "not_authenticated",
      401,
      "Send Authorization: Bearer TOKEN_ID:TOKEN_SECRET or the admin session headers."),
  PERMISSION_DENIED(11, "permission_denied", 403, "You have no access to this chain."),
  DOWNLOAD_LINK_INVALID(12, "download_link_invalid", 403, "This download link is not valid."),
  DOWNLOAD_LINK_EXPIRED(
      13, "download_link_expired", 403, "This download link has expired; ask for a new one."),
  TASK_NOT_FOUND(20, "task_not_found", 404, "The task was not found."),
  ROUTE_NOT_FOUND(21, "route_not_found", 404, "This route does not exist."),
  METHOD_NOT_ALLOWED(30, "method_not_allowed", 405, "This route does not accept this method."),
  TASK_IN_PROGRESS(40, "task_in_progress", 409, "The task is running right now."),
  RESULT_NOT_AVAILABLE(41, "result_not_available", 409, "The task has no result to download."),
  RATE_LIMIT_EXCEEDED(50, "rate_limit_exceeded", 429, "Too many requests; retry later."),
  INTERNAL_ERROR(
      99, "internal_error", 500, "The server could not complete the request. Try again later.");

  private final int code;
  private final String errorName;
  private final int status;
  private final String defaultDescription;

  SpaazaError(int code, String errorName, int status, String defaultDescription) {
    this.code = code;
    this.errorName = errorName;
    this.status = status;
    this.defaultDescription = defaultDescription;
  }

  /** The stable number sent as {@code error.code}. */
  public int code() {
    return code;
  }

  /** The snake_case name sent as {@code error.name}. */
  public String errorName() {
    return errorName;
  }

  public int status() {
    return status;
  }

  public String defaultDescription() {
    return defaultDescription;
  }

  /** Looks an error up by its wire name; empty for names outside this catalogue. */
  public static Optional<SpaazaError> fromName(String name) {
    return Arrays.stream(values()).filter(e -> e.errorName.equals(name)).findFirst();
  }
}
