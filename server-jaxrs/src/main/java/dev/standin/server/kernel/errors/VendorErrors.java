package dev.standin.server.kernel.errors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.server.kernel.wire.ErrorResponder;
import dev.standin.server.kernel.wire.WireError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.SortedSet;

/**
 * One vendor's error catalogue, as the shared error mappers need it: the status and body of each
 * entry, and which entry answers each situation the shared code meets (a {@link WireError}). A
 * vendor supplies one subclass; the exception mappers of this package and the wire protections
 * answer through it, so every error of an API comes in that API's shape.
 *
 * @param <E> the vendor's catalogue (an enum shared with its client)
 */
public abstract class VendorErrors<E> implements ErrorResponder {

  private final String api;
  private final Class<E> catalogue;
  private final ObjectMapper mapper;

  protected VendorErrors(String api, Class<E> catalogue, ObjectMapper mapper) {
    this.api = api;
    this.catalogue = catalogue;
    this.mapper = mapper;
  }

  /** The API's name, as logs and metrics call it. */
  public final String api() {
    return api;
  }

  /** The catalogue entry that answers a situation the shared code meets. */
  protected abstract E entryFor(WireError situation);

  public abstract int status(E entry);

  protected abstract String defaultMessage(E entry);

  /** The answer's body in the vendor's shape (a model the API's JSON mapper writes). */
  protected abstract Object body(E entry, String message);

  /** The message of a 405, given the methods the route allows (as listed in {@code Allow}). */
  protected abstract String methodNotAllowedMessage(String allowed);

  /** How the vendor lists methods in {@code Allow}. */
  protected abstract String joinMethods(SortedSet<String> methods);

  /** The message of a 4xx for a body that is not JSON ({@code Content-Type}). */
  protected String notJsonMessage() {
    return defaultMessage(entryFor(WireError.INVALID_CONTENT_TYPE));
  }

  /**
   * The entry for a request body Jackson cannot read; a vendor may choose by the field that failed.
   */
  protected E unreadableBody(JacksonException e) {
    return entryFor(WireError.MALFORMED_BODY);
  }

  /** A vendor's own wording of a JSON problem it knows better (empty: the shared wording). */
  protected Optional<String> problemOf(JacksonException e) {
    return Optional.empty();
  }

  public final Response response(E entry, String message) {
    return Response.status(status(entry))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body(entry, message))
        .build();
  }

  public final Response response(E entry) {
    return response(entry, defaultMessage(entry));
  }

  /** The answer to a {@link VendorException} of this API. */
  final Response response(VendorException e) {
    return response(catalogue.cast(e.error()), e.getMessage());
  }

  @Override
  public final int status(WireError error) {
    return status(entryFor(error));
  }

  @Override
  public final String body(WireError error, String message) {
    try {
      return mapper.writeValueAsString(body(entryFor(error), message));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an error body", e);
    }
  }
}
