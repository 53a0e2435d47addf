package dev.standin.server.kernel.ops;

import static net.logstash.logback.argument.StructuredArguments.kv;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.glassfish.jersey.uri.UriTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Follows every request of one API: gives it a request ID (the caller's {@code X-Request-Id} when
 * it is a sane token, else a fresh one), puts the ID in the logging context ({@code requestId}) so
 * every log line of the request carries it, echoes it in the {@code X-Request-Id} response header,
 * records the request in {@link Metrics} by route template and status, and writes one access-log
 * line (logger {@code standin.access}).
 *
 * <p>The access log holds the method, the path without its query string (a token may be sent as the
 * {@code token} parameter), the status and the duration: never headers, query strings or bodies, so
 * tokens, session keys and secrets do not reach the log.
 */
public final class RequestObserver implements ApplicationEventListener {

  public static final String HEADER = "X-Request-Id";
  public static final String MDC_KEY = "requestId";

  private static final Logger ACCESS = LoggerFactory.getLogger("standin.access");
  // A caller's ID is echoed and logged: accept only short, plain tokens.
  private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final Pattern SLASHES = Pattern.compile("/{2,}");

  private final String api;
  private final Metrics metrics;

  public RequestObserver(String api, Metrics metrics) {
    this.api = api;
    this.metrics = metrics;
  }

  @Override
  public void onEvent(ApplicationEvent event) {}

  @Override
  public RequestEventListener onRequest(RequestEvent start) {
    ContainerRequest request = start.getContainerRequest();
    String offered = request.getHeaderString(HEADER);
    String id = offered != null && SANE_ID.matcher(offered).matches() ? offered : freshId();
    MDC.put(MDC_KEY, id);
    long startNanos = System.nanoTime();
    return event -> {
      switch (event.getType()) {
        case RESP_FILTERS_START -> event.getContainerResponse().getHeaders().putSingle(HEADER, id);
        case FINISHED -> finished(event, id, startNanos);
        default -> {}
      }
    };
  }

  /**
   * A random (version 4) UUID from the thread's own generator: request IDs only tell requests
   * apart, and {@code UUID.randomUUID()} would make every request take a turn on one shared,
   * lock-guarded {@code SecureRandom}.
   */
  static String freshId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low =
        (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // IETF variant
    return new UUID(high, low).toString();
  }

  private void finished(RequestEvent event, String id, long startNanos) {
    Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
    ContainerRequest request = event.getContainerRequest();
    ContainerResponse response = event.getContainerResponse();
    int status = response == null ? 500 : response.getStatus();
    String method = request.getMethod();
    metrics.requestFinished(api, method, route(event), status, duration);
    MDC.put(MDC_KEY, id);
    try {
      ACCESS.info(
          "{} {} {} {}",
          kv("method", method),
          kv("path", "/" + request.getPath(false)),
          kv("status", status),
          kv("durationMs", duration.toMillis()),
          kv("api", api));
    } finally {
      MDC.remove(MDC_KEY);
    }
  }

  /** The matched route template, e.g. {@code /v2/actors/{actorId}}; {@code UNMATCHED} if none. */
  private static String route(RequestEvent event) {
    List<UriTemplate> templates = new ArrayList<>(event.getUriInfo().getMatchedTemplates());
    if (templates.isEmpty()) {
      return "UNMATCHED";
    }
    // Jersey lists the innermost match first.
    StringBuilder route = new StringBuilder();
    for (int i = templates.size() - 1; i >= 0; i--) {
      String part = templates.get(i).getTemplate();
      if (!part.startsWith("/")) {
        route.append('/');
      }
      route.append(part);
    }
    String joined =
        route.indexOf("//") < 0 ? route.toString() : SLASHES.matcher(route).replaceAll("/");
    return joined.length() > 1 && joined.endsWith("/")
        ? joined.substring(0, joined.length() - 1)
        : joined;
  }
}
