package dev.toolsmith.runtime.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads one JSON scalar, with optional constraints.
 *
 * <p>A type mismatch and a failed constraint give the same message, naming the whole expectation:
 * {@code days: expected an integer from 1 to 14, got "ten"}.
 *
 * @param <T> the Java type read
 */
@UsedByGeneratedCode
public final class ScalarReader<T> implements ValueReader<T> {
  private final String expected;
  private final Function<JsonNode, T> converter;
  private final List<Check<? super T>> checks;

  ScalarReader(String expected, Function<JsonNode, T> converter) {
    this(expected, converter, List.of());
  }

  private ScalarReader(
      String expected, Function<JsonNode, T> converter, List<Check<? super T>> checks) {
    this.expected = expected;
    this.converter = converter;
    this.checks = checks;
  }

  /**
   * Returns a reader that also applies constraints.
   *
   * @param expected the whole expectation in words, for example "an integer from 1 to 14"
   * @param checks the constraints, all of which must hold
   */
  @SafeVarargs
  public final ScalarReader<T> checked(String expected, Check<? super T>... checks) {
    Objects.requireNonNull(expected, "expected");
    List<Check<? super T>> all = new ArrayList<>(checks.length);
    for (Check<? super T> check : checks) {
      all.add(Objects.requireNonNull(check, "check"));
    }
    return new ScalarReader<>(expected, converter, List.copyOf(all));
  }

  @Override
  public T read(JsonNode node, Problems problems) {
    T value = converter.apply(node);
    if (value == null || !passes(value)) {
      problems.mismatch(expected, node);
      return null;
    }
    return value;
  }

  private boolean passes(T value) {
    // Indexed: a for-each made an iterator for every argument of every call.
    for (int i = 0; i < checks.size(); i++) {
      if (!checks.get(i).test(value)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String expected() {
    return expected;
  }
}
