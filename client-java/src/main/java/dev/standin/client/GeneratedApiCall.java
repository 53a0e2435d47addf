package dev.standin.client;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Runs a call of a generated API class and turns the generator's checked {@code ApiException} into
 * the vendor's runtime exception. Each vendor's generated code has its own {@code ApiException}
 * class, so a vendor's client names it and says how to convert it; the rest is here.
 *
 * @param <X> the generated {@code ApiException} of the vendor
 * @param <E> the vendor's exception for a failed call
 */
public abstract class GeneratedApiCall<X extends Exception, E extends RuntimeException> {

  /**
   * A call of a generated API class.
   *
   * @param <T> what the call returns
   * @param <X> the generated {@code ApiException} it throws
   */
  @FunctionalInterface
  public interface Call<T, X extends Exception> {
    T run() throws X;
  }

  private final Class<X> failureType;
  private final ToIntFunction<X> statusOf;
  private final Function<X, E> convert;

  /**
   * @param failureType the generated {@code ApiException} class
   * @param statusOf the HTTP status of a failure, 0 when there was no HTTP answer
   * @param convert the vendor's exception for a failure
   */
  protected GeneratedApiCall(
      Class<X> failureType, ToIntFunction<X> statusOf, Function<X, E> convert) {
    this.failureType = Objects.requireNonNull(failureType, "failureType");
    this.statusOf = Objects.requireNonNull(statusOf, "statusOf");
    this.convert = Objects.requireNonNull(convert, "convert");
  }

  /** What the call returns; a failure is thrown as the vendor's exception. */
  public final <T> T run(Call<T, X> call) {
    try {
      return call.run();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) { // the call declares only X
      throw convert.apply(failureType.cast(e));
    }
  }

  /** Like {@link #run}, but a 404 is an empty result (as the official clients' {@code get}). */
  public final <T> Optional<T> runOrEmptyIfMissing(Call<T, X> call) {
    try {
      return Optional.ofNullable(call.run());
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) { // the call declares only X
      X failure = failureType.cast(e);
      if (statusOf.applyAsInt(failure) == 404) {
        return Optional.empty();
      }
      throw convert.apply(failure);
    }
  }
}
