package dev.standin.server.spaaza;

import dev.standin.server.spaaza.errors.SpaazaException;
import dev.standin.spaaza.errors.SpaazaError;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code X-Spaaza-API-Version} on every route (ADR 0027): absent is the current behaviour; present,
 * it must be {@code major.minor.fix} and not below {@link #MINIMUM}, else 400 {@code
 * unsupported_api_version}. Every supported version is served alike: the task routes have no
 * version-specific behaviour. Checked before routing and authentication, so every route, known or
 * not, answers the same.
 */
@PreMatching
@Priority(Priorities.HEADER_DECORATOR + 10)
public class ApiVersionFilter implements ContainerRequestFilter {

  public static final String HEADER = "X-Spaaza-API-Version";

  /** The vendor's documented minimum for its resources API. */
  public static final String MINIMUM = "1.6.1";

  private static final Pattern VERSION =
      Pattern.compile("(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})");

  private static final int[] MINIMUM_PARTS = parse(MINIMUM);

  @Override
  public void filter(ContainerRequestContext request) {
    List<String> values = request.getHeaders().get(HEADER);
    if (values == null || values.isEmpty()) {
      return;
    }
    if (values.size() > 1) {
      throw refused("was sent more than once");
    }
    String value = values.get(0).trim();
    int[] version = parse(value);
    if (version == null) {
      throw refused("\"" + printable(value) + "\" is not a version");
    }
    if (compare(version, MINIMUM_PARTS) < 0) {
      throw refused("\"" + value + "\" is not supported");
    }
  }

  /** {@code [major, minor, fix]}, or null when {@code text} is not such a version. */
  static int[] parse(String text) {
    Matcher m = VERSION.matcher(text);
    if (!m.matches()) {
      return null;
    }
    return new int[] {
      Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))
    };
  }

  private static int compare(int[] a, int[] b) {
    for (int i = 0; i < 3; i++) {
      if (a[i] != b[i]) {
        return Integer.compare(a[i], b[i]);
      }
    }
    return 0;
  }

  /** The value as sent, cut short and without control characters (it is echoed back). */
  private static String printable(String value) {
    String cut = value.length() > 40 ? value.substring(0, 40) + "…" : value;
    return cut.replaceAll("[\\p{Cntrl}\"\\\\]", "?");
  }

  private static SpaazaException refused(String why) {
    return new SpaazaException(
        SpaazaError.UNSUPPORTED_API_VERSION,
        "X-Spaaza-API-Version " + why + ": send " + MINIMUM + " or later (major.minor.fix).");
  }
}
