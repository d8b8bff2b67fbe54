package dev.toolsmith.runtime.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * HTTP headers with case-insensitive names, as every transport delivers them differently (API
 * Gateway v1 keeps the client's case, v2 lower-cases, the JDK server capitalises).
 */
public final class Headers {
  private static final Headers EMPTY = new Headers(new TreeMap<>());

  private final Map<String, List<String>> values;
  private final UnaryOperator<String> view;

  private Headers(Map<String, List<String>> values) {
    this.values = values;
    this.view = null;
  }

  private Headers(UnaryOperator<String> view) {
    this.values = null;
    this.view = view;
  }

  /**
   * Returns headers that look values up in a server's own header store instead of copying them:
   * {@code first} is a function that returns the first value of a header by case-insensitive name,
   * or {@code null}, such as Jetty's {@code HttpFields::get} or a servlet request's {@code
   * getHeader}. Adapters use it so a request's headers are never copied on the hot path.
   */
  public static Headers view(UnaryOperator<String> first) {
    return new Headers(Objects.requireNonNull(first, "first"));
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
    if (view != null) {
      return view.apply(name);
    }
    List<String> list = values.get(name.toLowerCase(Locale.ROOT));
    return list == null ? null : list.get(0);
  }

  @Override
  public String toString() {
    return view != null ? "Headers(view)" : "Headers" + values.keySet();
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
