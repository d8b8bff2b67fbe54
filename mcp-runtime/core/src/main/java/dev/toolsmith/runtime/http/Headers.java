package dev.toolsmith.runtime.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * HTTP headers with case-insensitive names, as every transport delivers them differently (API
 * Gateway v1 keeps the client's case, v2 lower-cases, the JDK server capitalises).
 */
public final class Headers {
  private static final Headers EMPTY = new Headers(new String[0], new Object[0], 0);

  /**
   * Names are stored lower-cased, in the order they came, and found by a scan that compares them
   * ignoring case: a request has a dozen headers, so the scan is as quick as a tree lookup and
   * allocates nothing, where a {@code TreeMap} allocated an entry per header on every request. A
   * name's value is a {@code String}, or a {@code List<String>} once it has several: almost every
   * header has one.
   */
  private final String[] names;

  private final Object[] values;
  private final int size;
  private final UnaryOperator<String> view;

  private Headers(String[] names, Object[] values, int size) {
    this.names = names;
    this.values = values;
    this.size = size;
    this.view = null;
  }

  private Headers(UnaryOperator<String> view) {
    this.names = null;
    this.values = null;
    this.size = 0;
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
    int at = indexOf(names, size, name);
    if (at < 0) {
      return null;
    }
    Object value = values[at];
    return value instanceof String text ? text : ((List<?>) value).get(0).toString();
  }

  @Override
  public String toString() {
    if (view != null) {
      return "Headers(view)";
    }
    String[] sorted = Arrays.copyOf(names, size);
    Arrays.sort(sorted);
    return "Headers" + Arrays.toString(sorted);
  }

  private static int indexOf(String[] names, int size, String name) {
    for (int i = 0; i < size; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  /** Collects header values; names are stored lower-cased. */
  public static final class Builder {
    private String[] names = new String[8];
    private Object[] values = new Object[8];
    private int size;

    /** Whether {@link #build()} handed the arrays out; a later add copies them first. */
    private boolean shared;

    private Builder() {}

    /** Adds one value to a header. */
    public Builder add(String name, String value) {
      Objects.requireNonNull(name, "name");
      if (value == null) {
        return this;
      }
      if (shared) {
        names = names.clone();
        values = values.clone();
        for (int i = 0; i < size; i++) {
          if (values[i] instanceof List<?> list) {
            values[i] = new ArrayList<>(list);
          }
        }
        shared = false;
      }
      int at = indexOf(names, size, name);
      if (at < 0) {
        if (size == names.length) {
          names = Arrays.copyOf(names, size * 2);
          values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name.toLowerCase(Locale.ROOT);
        values[size++] = value;
      } else if (values[at] instanceof String first) {
        List<String> list = new ArrayList<>(2);
        list.add(first);
        list.add(value);
        values[at] = list;
      } else {
        @SuppressWarnings("unchecked")
        List<String> list = (List<String>) values[at];
        list.add(value);
      }
      return this;
    }

    /**
     * Returns whether a value was added under this name, ignoring case. An event reader uses it to
     * notice a header named twice without keeping a set of the names.
     */
    public boolean contains(String name) {
      return indexOf(names, size, name) >= 0;
    }

    /** Returns the headers collected so far. */
    public Headers build() {
      if (size == 0) {
        return EMPTY;
      }
      shared = true;
      return new Headers(names, values, size);
    }
  }
}
