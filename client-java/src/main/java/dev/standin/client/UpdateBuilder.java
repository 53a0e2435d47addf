package dev.standin.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Base of the update builders: records each change as a step and applies them, in order, to a fresh
 * request on every {@link #build()}. A property no step touches stays absent from the JSON (the
 * server keeps it); a later step on the same property wins.
 *
 * @param <R> the generated request model
 * @param <B> the concrete builder, for chaining
 */
public abstract class UpdateBuilder<R, B extends UpdateBuilder<R, B>> {

  private final Supplier<R> newRequest;
  private final List<Consumer<R>> steps = new ArrayList<>();

  protected UpdateBuilder(Supplier<R> newRequest) {
    this.newRequest = newRequest;
  }

  /** Records one change to the request. */
  protected final B step(Consumer<R> change) {
    steps.add(change);
    @SuppressWarnings("unchecked")
    B self = (B) this;
    return self;
  }

  /** A new request with every recorded change; the builder may be reused afterwards. */
  public final R build() {
    R request = newRequest.get();
    steps.forEach(step -> step.accept(request));
    return request;
  }
}
