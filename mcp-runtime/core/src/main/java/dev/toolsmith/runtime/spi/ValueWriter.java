package dev.toolsmith.runtime.spi;

import java.io.IOException;

/**
 * Writes a Java value as JSON.
 *
 * @param <T> the Java type written
 */
@UsedByGeneratedCode
@FunctionalInterface
public interface ValueWriter<T> {

  /** Writes a value that is not {@code null}; {@link Writers#value} handles {@code null}. */
  void write(JsonWriter out, T value) throws IOException;
}
