package dev.standin.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Base of the update builders: records each change as a step and applies them, in order, to a fresh
 * request on every {@link #build()}. A property no step touches stays absent from the JSON (the
 * server keeps it); a later step on the same property wins. A property is set with {@link #set}
 * (null refused), sent as {@code null} with {@link #clear}, and a list is copied when set with
 * {@link #setList}.
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

  /**
   * Records setting a property to {@code value}.
   *
   * @param property the generated model's fluent setter, e.g. {@code UpdateTaskRequest::title}
   * @param nullMessage the message of the {@link NullPointerException} when {@code value} is null
   *     (e.g. {@code "title (use clearTitle)"}): null is said only with {@link #clear}
   */
  protected final <V> B set(BiConsumer<R, V> property, V value, String nullMessage) {
    Objects.requireNonNull(value, nullMessage);
    return step(r -> property.accept(r, value));
  }

  /** Records setting a list property to a copy of {@code values}, taken now; null is refused. */
  protected final <V> B setList(
      BiConsumer<R, List<V>> property, List<V> values, String nullMessage) {
    List<V> copy = List.copyOf(Objects.requireNonNull(values, nullMessage));
    return step(r -> property.accept(r, copy));
  }

  /** Records clearing a property: the request sends it as {@code null}. */
  protected final <V> B clear(BiConsumer<R, V> property) {
    return step(r -> property.accept(r, null));
  }

  /** A new request with every recorded change; the builder may be reused afterwards. */
  public final R build() {
    R request = newRequest.get();
    steps.forEach(step -> step.accept(request));
    return request;
  }
}
