package dev.toolsmith.runtime.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * HTTP headers with case-insensitive names, as every transport delivers them differently (API
 * Gateway v1 keeps the client's case, v2 lower-cases, the JDK server capitalises).
 */
public final class Headers {
  private static final Headers EMPTY = new Headers(new TreeMap<>());

  private final Map<String, List<String>> values;

  private Headers(Map<String, List<String>> values) {
    this.values = values;
  }

  /** Returns headers with no entries. */
  public static Headers empty() {
    return EMPTY;
  }

  /** Returns a builder that collects values under case-insensitive names. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the first value of a header, or {@code null} when it is absent. */
  public String first(String name) {
    List<String> list = values.get(name.toLowerCase(Locale.ROOT));
    return list == null ? null : list.get(0);
  }

  @Override
  public String toString() {
    return "Headers" + values.keySet();
  }

  /** Collects header values; names are stored lower-cased. */
  public static final class Builder {
    private final Map<String, List<String>> values = new TreeMap<>();

    private Builder() {}

    /** Adds one value to a header. */
    public Builder add(String name, String value) {
      Objects.requireNonNull(name, "name");
      if (value != null) {
        String key = name.toLowerCase(Locale.ROOT);
        List<String> list = values.get(key);
        if (list == null) {
          list = new ArrayList<>(1);
          values.put(key, list);
        }
        list.add(value);
      }
      return this;
    }

    /** Returns the headers collected so far. */
    public Headers build() {
      return values.isEmpty() ? EMPTY : new Headers(new TreeMap<>(values));
    }
  }
}
