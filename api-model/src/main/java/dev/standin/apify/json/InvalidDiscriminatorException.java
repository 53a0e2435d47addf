package dev.standin.apify.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;

/**
 * A {@code oneOf} value whose discriminator property is missing or names no known shape. Its path
 * ends at the discriminator property, so a caller can be told exactly which field to fix.
 */
public final class InvalidDiscriminatorException extends MismatchedInputException {

  private final List<String> allowed;

  InvalidDiscriminatorException(JsonParser parser, Class<?> type, List<String> allowed) {
    super(parser, "invalid discriminator of " + type.getSimpleName(), type);
    this.allowed = List.copyOf(allowed);
  }

  /** The values the discriminator may take. */
  public List<String> allowed() {
    return allowed;
  }
}
