package dev.toolsmith.runtime;

import java.util.List;
import java.util.Objects;

/**
 * Suggested values for a prompt argument or resource-template variable, as {@code
 * completion/complete} returns them. MCP sends at most 100 values; {@link #of(List)} keeps the
 * first 100 and reports the rest through {@code total} and {@code hasMore}.
 *
 * @param values the suggestions, at most 100
 * @param total how many there are in all, or {@code null} when unknown
 * @param hasMore whether there are more than {@code values}
 */
public record Completion(List<String> values, Integer total, boolean hasMore) {
  /** The most values one completion result may carry. */
  public static final int MAX_VALUES = 100;

  public Completion {
    values = List.copyOf(Objects.requireNonNull(values, "values"));
    if (values.size() > MAX_VALUES) {
      throw new IllegalArgumentException(
          "A completion carries at most " + MAX_VALUES + " values; use Completion.of(list)");
    }
  }

  /** Returns no suggestions. */
  public static Completion empty() {
    return new Completion(List.of(), null, false);
  }

  /** Returns the suggestions, keeping the first 100 and counting the rest. */
  public static Completion of(List<String> values) {
    if (values.size() <= MAX_VALUES) {
      return new Completion(values, values.size(), false);
    }
    return new Completion(values.subList(0, MAX_VALUES), values.size(), true);
  }
}
