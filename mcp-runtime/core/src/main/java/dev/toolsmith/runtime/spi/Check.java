package dev.toolsmith.runtime.spi;

/**
 * A constraint on a decoded value, such as a Bean Validation {@code @Max}.
 *
 * @param <T> the values it checks
 */
@UsedByGeneratedCode
@FunctionalInterface
public interface Check<T> {

  /** Returns whether the value satisfies the constraint. */
  boolean test(T value);
}
