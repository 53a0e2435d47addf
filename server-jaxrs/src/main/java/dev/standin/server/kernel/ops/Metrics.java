package dev.standin.server.kernel.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * The server's meters, scraped at {@code GET /metrics} in the Prometheus text format. Names (as
 * Prometheus shows them):
 *
 * <ul>
 *   <li>{@code http_server_requests_seconds} — every request by {@code api}, {@code method}, {@code
 *       route} (the matched template, {@code UNMATCHED} for unknown paths) and {@code status}, with
 *       histogram buckets for latency quantiles;
 *   <li>{@code standin_store_operations_seconds} — every {@code Store} call by {@code operation}
 *       and {@code outcome} ({@code ok} or {@code error});
 *   <li>{@code standin_rate_limit_rejections_total} — requests refused by a rate limit, by {@code
 *       api}: a limiter calls {@link #rateLimitRejected(String)};
 *   <li>the JVM's memory, GC, threads, CPU and uptime.
 * </ul>
 */
public final class Metrics {

  /** The {@code api} tag of the Apify API's meters. */
  public static final String APIFY = "apify";

  /** The {@code api} tag of the Spaaza Services API's meters. */
  public static final String SPAAZA = "spaaza";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  public Metrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    // Registered up front so a dashboard sees zero rather than no series.
    rateLimitRejections(APIFY);
    rateLimitRejections(SPAAZA);
  }

  /**
   * Counts one request refused by a rate limit on {@code api} ({@link #APIFY}, {@link #SPAAZA}).
   */
  public void rateLimitRejected(String api) {
    rateLimitRejections(api).increment();
  }

  private Counter rateLimitRejections(String api) {
    return Counter.builder("standin.rate.limit.rejections")
        .description("Requests refused by a rate limit")
        .tag("api", api)
        .register(registry);
  }

  /** Records one finished HTTP request. */
  public void requestFinished(
      String api, String method, String route, int status, Duration duration) {
    Timer.builder("http.server.requests")
        .description("HTTP requests by route template and status")
        .tags("api", api, "method", method, "route", route, "status", Integer.toString(status))
        .publishPercentileHistogram()
        .register(registry)
        .record(duration);
  }

  /** Records one store call. */
  public void storeCall(String operation, boolean ok, Duration duration) {
    Timer.builder("standin.store.operations")
        .description("Store calls by operation")
        .tags("operation", operation, "outcome", ok ? "ok" : "error")
        .publishPercentileHistogram()
        .register(registry)
        .record(duration);
  }

  /** The registry, for meters of other parts of the server. */
  public MeterRegistry registry() {
    return registry;
  }

  /** Every meter in the Prometheus text exposition format. */
  public String scrape() {
    return registry.scrape();
  }
}
