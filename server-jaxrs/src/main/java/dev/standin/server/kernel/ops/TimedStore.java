package dev.standin.server.kernel.ops;

import dev.standin.server.kernel.store.Store;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;

/**
 * Wraps a {@link Store} so that every call is timed in {@link Metrics#storeCall}. A dynamic proxy
 * rather than a hand-written decorator: it times every method of the interface, including ones
 * added later, without a second list of them to keep in step.
 */
public final class TimedStore {

  private TimedStore() {}

  public static Store wrap(Store store, Metrics metrics) {
    return (Store)
        Proxy.newProxyInstance(
            Store.class.getClassLoader(),
            new Class<?>[] {Store.class},
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
            });
  }
}
