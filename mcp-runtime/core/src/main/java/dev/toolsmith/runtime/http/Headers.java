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
  private static final Headers EMPTY = new Headers(newMap());

  /**
   * Names are stored lower-cased and compared ignoring case, so looking one up allocates nothing
   * whatever case the caller writes it in. A name's value is a {@code String}, or a {@code
   * List<String>} once it has several: almost every header has one.
   */
  private static TreeMap<String, Object> newMap() {
    return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  }

  private final Map<String, Object> values;
  private final UnaryOperator<String> view;

  private Headers(Map<String, Object> values) {
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
    Object value = values.get(name);
    return value == null || value instanceof String
        ? (String) value
        : ((List<?>) value).get(0).toString();
  }

  @Override
  public String toString() {
    return view != null ? "Headers(view)" : "Headers" + values.keySet();
  }

  /** Collects header values; names are stored lower-cased. */
  public static final class Builder {
    private TreeMap<String, Object> values = newMap();

    /** Whether {@link #build()} handed {@link #values} out; a later add copies it first. */
    private boolean shared;

    private Builder() {}

    /** Adds one value to a header. */
    public Builder add(String name, String value) {
      Objects.requireNonNull(name, "name");
      if (value != null) {
        if (shared) {
          TreeMap<String, Object> copy = newMap();
          values.forEach(
              (key, held) ->
                  copy.put(key, held instanceof List<?> list ? new ArrayList<>(list) : held));
          values = copy;
          shared = false;
        }
        Object held = values.get(name);
        if (held == null) {
          values.put(name.toLowerCase(Locale.ROOT), value);
        } else if (held instanceof String first) {
          List<String> list = new ArrayList<>(2);
          list.add(first);
          list.add(value);
          values.put(name, list);
        } else {
          @SuppressWarnings("unchecked")
          List<String> list = (List<String>) held;
          list.add(value);
        }
      }
      return this;
    }

    /**
     * Returns whether a value was added under this name, ignoring case. An event reader uses it to
     * notice a header named twice without keeping a set of the names.
     */
    public boolean contains(String name) {
      return values.containsKey(name);
    }

    /** Returns the headers collected so far. */
    public Headers build() {
      if (values.isEmpty()) {
        return EMPTY;
      }
      shared = true;
      return new Headers(values);
    }
  }
}
