package dev.standin.server.kernel.wire;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Checks what can be checked about a request body before reading it: a declared {@code
 * Content-Length} over the limit is 413 and an unknown {@code Content-Encoding} is 415, before
 * routing and authentication, as the vendor's body parser does. {@link BodyDecodingInterceptor}
 * then decodes and counts the body while it is read.
 */
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class RequestBodyFilter implements ContainerRequestFilter {

  private final BodyLimit limit;

  public RequestBodyFilter(BodyLimit limit) {
    this.limit = limit;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (header != null && declaredLength(header.trim()) > limit.maxBytes()) {
      throw limit.exceeded(request.getMethod(), header.trim());
    }
    ContentEncodings.parse(request.getHeaderString(HttpHeaders.CONTENT_ENCODING));
    checkContentType(request.getHeaders().get(HttpHeaders.CONTENT_TYPE));
    dropUnreadableAccept(request);
    request.setProperty(BodyDecodingInterceptor.METHOD, request.getMethod());
  }

  /**
   * Jersey answers an unparsable {@code Content-Type} with an empty 400 of its own; say what is
   * wrong in the API's shape instead.
   */
  private static void checkContentType(List<String> values) {
    if (values == null || values.isEmpty()) {
      return;
    }
    if (values.size() > 1) {
      throw new WireException(
          WireError.INVALID_CONTENT_TYPE, "The request has more than one Content-Type header.");
    }
    if (values.get(0).equals(MediaType.APPLICATION_JSON)) {
      return; // what almost every request sends; parsing it would find nothing
    }
    try {
      MediaType.valueOf(values.get(0));
    } catch (IllegalArgumentException e) {
      throw new WireException(
          WireError.INVALID_CONTENT_TYPE,
          "The Content-Type header is malformed: send Content-Type: application/json.");
    }
  }

  /** An {@code Accept} header nobody can parse means no preference, as if it were absent. */
  private static void dropUnreadableAccept(ContainerRequestContext request) {
    List<String> accept = request.getHeaders().get(HttpHeaders.ACCEPT);
    if (accept == null) {
      return;
    }
    try {
      for (String value : accept) {
        for (String range : value.split(",")) {
          if (!range.isBlank()) {
            MediaType.valueOf(range.trim());
          }
        }
      }
    } catch (IllegalArgumentException e) {
      request.getHeaders().remove(HttpHeaders.ACCEPT);
    }
  }

  /** The declared length; beyond a long counts as too large, garbage as nothing (Jetty checks). */
  private static long declaredLength(String header) {
    if (header.isEmpty()
        || header.length() > 30
        || !header.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    try {
      return Long.parseLong(header);
    } catch (NumberFormatException tooLong) {
      return Long.MAX_VALUE;
    }
  }
}
