package dev.standin.server.kernel.wire;

/**
 * What can go wrong before an API's own code runs (on the wire, or in routing and reading the
 * request). Each API maps these onto its own error catalogue and body shape through its {@link
 * dev.standin.server.kernel.errors.VendorErrors}.
 */
public enum WireError {
  /** The body (declared or decoded) is larger than the limit: 413. */
  REQUEST_TOO_LARGE,
  /** A {@code Content-Encoding} the server does not decode: 415. */
  UNSUPPORTED_CONTENT_ENCODING,
  /** A {@code Content-Type} that cannot be parsed, or more than one: 400. */
  INVALID_CONTENT_TYPE,
  /** The body is not valid for its encoding (a broken gzip stream, say): 400. */
  MALFORMED_BODY,
  /** Too many requests for a resource or a user: 429. */
  RATE_LIMIT_EXCEEDED,
  /** The HTTP server refused the request itself (header too large, bad URI): 4xx. */
  BAD_REQUEST,
  /** No such route: 404. */
  NOT_FOUND,
  /** The route exists, the method does not: 405. */
  METHOD_NOT_ALLOWED,
  /** A path or query parameter that cannot be read: 400. */
  INVALID_PARAMETER,
  /** A failure of ours: 500. */
  INTERNAL
}
