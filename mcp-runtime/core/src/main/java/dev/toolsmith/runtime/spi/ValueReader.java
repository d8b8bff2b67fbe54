package dev.toolsmith.runtime.spi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns a JSON value into a Java value, reporting what is wrong instead of throwing.
 *
 * @param <T> the Java type read
 */
@UsedByGeneratedCode
@FunctionalInterface
public interface ValueReader<T> {

  /**
   * Reads a value.
   *
   * @param node the JSON value, never {@code null} (JSON {@code null} is a {@code NullNode})
   * @param problems where to report a mismatch; its path already points at {@code node}
   * @return the value, or {@code null} after reporting a problem
   */
  T read(JsonNode node, Problems problems);

  /** Returns what this reader accepts, for messages: "a string", "an integer from 1 to 14". */
  default String expected() {
    return "a value";
  }
}
