package dev.standin.server.apify;

import dev.standin.server.apify.errors.ApifyException;
import java.util.regex.Pattern;

/** Value rules shared by Actors and tasks; each failure is a 400 naming the field. */
public final class Rules {

  private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9-]{1,61}[a-zA-Z0-9]$");
  public static final int MIN_MEMORY_MBYTES = 128;
  public static final int MAX_MEMORY_MBYTES = 32768;

  private Rules() {}

  /** Actor and task names: 3–63 letters, digits and hyphens, no hyphen at either end. */
  public static void checkName(String field, String name) {
    if (name != null && !NAME.matcher(name).matches()) {
      throw ApifyException.invalidValue(
          "Field \""
              + field
              + "\" must be 3 to 63 characters of letters, digits and hyphens, starting and"
              + " ending with a letter or digit.");
    }
  }

  /** Run memory: a power of two from 128 to 32768 megabytes. */
  public static void checkMemoryMbytes(String field, Integer mbytes) {
    if (mbytes == null) {
      return;
    }
    boolean powerOfTwo = mbytes > 0 && (mbytes & (mbytes - 1)) == 0;
    if (!powerOfTwo || mbytes < MIN_MEMORY_MBYTES || mbytes > MAX_MEMORY_MBYTES) {
      throw ApifyException.invalidValue(
          "Field \""
              + field
              + "\" must be a power of 2 between "
              + MIN_MEMORY_MBYTES
              + " and "
              + MAX_MEMORY_MBYTES
              + ", got "
              + mbytes
              + ".");
    }
  }

  public static void checkNotNegative(String field, Number value) {
    if (value != null && value.doubleValue() < 0) {
      throw ApifyException.invalidValue("Field \"" + field + "\" must not be negative.");
    }
  }
}
