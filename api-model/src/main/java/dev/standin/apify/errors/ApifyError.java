package dev.standin.apify.errors;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of Apify error types this project uses: the vendor's {@code type} string, the HTTP
 * status it travels with, and a default message. The server answers with these; the client maps
 * answers back to them. Keep it in step with {@code x-known-values} of {@code
 * schemas/ErrorType.yaml} (the conformance suite checks both lists are one set). The vendor's API
 * has many more types; a type outside this catalogue is still a valid answer (ADR 0025).
 */
public enum ApifyError {
  INVALID_INPUT("invalid-input", 400, "The request body contains invalid data."),
  INVALID_VALUE("invalid-value", 400, "A value in the request is not allowed."),
  INVALID_PARAMETER("invalid-parameter", 400, "A query or path parameter is not valid."),
  INVALID_CONTENT_TYPE_HEADER(
      "invalid-content-type-header", 400, "The request body must be sent as application/json."),
  SCHEMA_VALIDATION_FAILED(
      "schema-validation-failed", 400, "The input does not match the schema it must follow."),
  DELETING_DEFAULT_BUILD(
      "deleting-default-build", 400, "The Actor's default build cannot be deleted."),
  TOKEN_NOT_PROVIDED("token-not-provided", 401, "Authentication token was not provided"),
  INVALID_TOKEN("invalid-token", 401, "Authentication token is not valid."),
  /** An older spelling of {@link #INVALID_TOKEN} some vendor documents use; never sent here. */
  TOKEN_NOT_VALID("token-not-valid", 401, "Authentication token is not valid."),
  INSUFFICIENT_PERMISSIONS(
      "insufficient-permissions", 403, "You do not have permission to perform this action."),
  /**
   * An older spelling of {@link #INSUFFICIENT_PERMISSIONS} some vendor documents use; never sent
   * here.
   */
  PERMISSION_DENIED("permission-denied", 403, "You do not have permission to perform this action."),
  CANNOT_PUBLISH_ACTOR(
      "cannot-publish-actor", 403, "A public Actor needs a title and at least one category."),
  TOO_FEW_VERSIONS(
      "too-few-versions", 403, "An Actor needs at least one version of its source code."),
  TOO_MANY_VERSIONS("too-many-versions", 403, "The Actor already has as many versions as allowed."),
  VERSION_ALREADY_EXISTS(
      "version-already-exists", 403, "An Actor version with this number already exists."),
  UNKNOWN_BUILD_TAG("unknown-build-tag", 403, "The Actor has no build with this tag."),
  BUILD_NOT_FOUND("build-not-found", 403, "The build was not found for this Actor."),
  RECORD_NOT_FOUND("record-not-found", 404, "The requested resource was not found."),
  PAGE_NOT_FOUND("page-not-found", 404, "This API end-point does not exist."),
  METHOD_NOT_ALLOWED(
      "method-not-allowed", 405, "This API end-point cannot be accessed using this HTTP method."),
  ACTOR_NAME_NOT_UNIQUE("actor-name-not-unique", 409, "Actor with this name already exists"),
  ACTOR_TASK_NAME_NOT_UNIQUE(
      "actor-task-name-not-unique", 409, "Actor task with this name already exists"),
  /** This server's own: a conditional update whose {@code If-Match} no longer matches. */
  PRECONDITION_FAILED(
      "precondition-failed", 412, "The resource has changed since it was read (If-Match)."),
  REQUEST_TOO_LARGE("request-too-large", 413, "The request payload is too large."),
  UNSUPPORTED_CONTENT_ENCODING(
      "unsupported-content-encoding", 415, "The Content-Encoding is not supported."),
  RATE_LIMIT_EXCEEDED(
      "rate-limit-exceeded", 429, "You have exceeded the rate limit. Please try again later."),
  INTERNAL_SERVER_ERROR(
      "internal-server-error", 500, "The server could not complete the request. Try again later.");

  private final String type;
  private final int status;
  private final String defaultMessage;

  ApifyError(String type, int status, String defaultMessage) {
    this.type = type;
    this.status = status;
    this.defaultMessage = defaultMessage;
  }

  /** The vendor's machine-readable {@code error.type}. */
  public String type() {
    return type;
  }

  public int status() {
    return status;
  }

  public String defaultMessage() {
    return defaultMessage;
  }

  /** Looks an error up by its wire {@code type}; empty for types outside this catalogue. */
  public static Optional<ApifyError> fromType(String type) {
    return Arrays.stream(values()).filter(e -> e.type.equals(type)).findFirst();
  }
}
