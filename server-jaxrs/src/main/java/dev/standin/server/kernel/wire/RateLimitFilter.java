package dev.standin.server.kernel.wire;

import dev.standin.server.kernel.http.Unlimited;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.eclipse.jetty.server.Request;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * Applies the rate limits after authentication: per user (by the API's notion of the caller, or per
 * client IP address when there is none) and per resource (the values of the route's path
 * parameters, so {@code /tasks/X} and {@code /tasks/X/input} share one budget; a route without path
 * parameters, a collection, counts per caller). Over a limit: 429 with {@code X-RateLimit-Limit}
 * and {@code Retry-After}.
 */
@Priority(Priorities.AUTHORIZATION)
public class RateLimitFilter implements ContainerRequestFilter {

  private final RateLimiter limiter;
  private final RateLimits limits;
  private final Function<ContainerRequestContext, Optional<String>> callerKey;
  private final Runnable onRejected;

  @Inject private Provider<Request> jettyRequest;

  /**
   * @param callerKey the authenticated caller's stable key (a user ID), empty when anonymous
   * @param onRejected told of every refused request (the rejection metric)
   */
  public RateLimitFilter(
      RateLimiter limiter,
      RateLimits limits,
      Function<ContainerRequestContext, Optional<String>> callerKey,
      Runnable onRejected) {
    this.limiter = limiter;
    this.limits = limits;
    this.callerKey = callerKey;
    this.onRejected = onRejected;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (isUnlimited(request)) {
      return;
    }
    String caller = callerKey.apply(request).map(id -> "user:" + id).orElseGet(this::clientIp);
    check("caller|" + caller, limits.perUser(), "");
    check("resource|" + resourceOf(request, caller), limits.perResource(), " for this resource");
  }

  private void check(String key, RateLimits.Limit limit, String scope) {
    RateLimiter.Decision decision = limiter.tryAcquire(key, limit);
    if (!decision.allowed()) {
      onRejected.run();
      throw new WireException(
          WireError.RATE_LIMIT_EXCEEDED,
          "You have exceeded the rate limit of " + limit.describe() + scope + ".",
          Map.of(
              "X-RateLimit-Limit",
              Long.toString(limit.requests()),
              "Retry-After",
              Long.toString(decision.retryAfterSeconds())));
    }
  }

  /**
   * Whether the matched route's class is {@link Unlimited}. Read from the request's own routing
   * state: an injected {@code ResourceInfo} is a proxy whose every call costs a lookup, which
   * measured ~3 % of the CPU of a task-input merge.
   */
  private static boolean isUnlimited(ContainerRequestContext request) {
    if (request.getUriInfo() instanceof ExtendedUriInfo routing) {
      ResourceMethod method = routing.getMatchedResourceMethod();
      return method != null
          && method
              .getInvocable()
              .getHandler()
              .getHandlerClass()
              .isAnnotationPresent(Unlimited.class);
    }
    return false;
  }

  private static String resourceOf(ContainerRequestContext request, String caller) {
    MultivaluedMap<String, String> params = request.getUriInfo().getPathParameters();
    if (params.isEmpty()) {
      return request.getUriInfo().getPath() + "@" + caller;
    }
    if (params.size() == 1) { // most routes: no need to sort
      Map.Entry<String, List<String>> only = params.entrySet().iterator().next();
      return only.getKey() + "=" + only.getValue();
    }
    return new TreeMap<>(params).toString();
  }

  private String clientIp() {
    return "ip:" + Request.getRemoteAddr(jettyRequest.get());
  }
}
