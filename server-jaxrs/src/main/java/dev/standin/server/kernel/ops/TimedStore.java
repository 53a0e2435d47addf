package dev.standin.server.kernel.ops;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;

/**
 * Wraps a store interface so that every call is timed in {@link Metrics#storeCall}. A dynamic proxy
 * rather than a hand-written decorator: it times every method of the interface, including ones
 * added later, without a second list of them to keep in step.
 */
public final class TimedStore {

  private TimedStore() {}

  public static <S> S wrap(Class<S> type, S store, Metrics metrics) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                return method.invoke(store, args);
              }
              long start = System.nanoTime();
              boolean ok = false;
              try {
                Object result = method.invoke(store, args);
                ok = true;
                return result;
              } catch (InvocationTargetException e) {
                throw e.getCause();
              } finally {
                metrics.storeCall(
                    method.getName(), ok, Duration.ofNanos(System.nanoTime() - start));
              }
            }));
  }
}
