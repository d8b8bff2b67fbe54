package dev.toolsmith.runtime.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

/** The readers generated code composes, one per supported Java type. */
@UsedByGeneratedCode
public final class Readers {
  private Readers() {}

  /** JSON {@code true} or {@code false}. */
  public static final ScalarReader<Boolean> BOOLEAN = scalar("a boolean", Scalar.BOOLEAN);

  /** A JSON integer within {@code byte} range. */
  public static final ScalarReader<Byte> BYTE = scalar("an integer from -128 to 127", Scalar.BYTE);

  /** A JSON integer within {@code short} range. */
  public static final ScalarReader<Short> SHORT =
      scalar("an integer from -32768 to 32767", Scalar.SHORT);

  /** A JSON integer within {@code int} range. */
  public static final ScalarReader<Integer> INT =
      scalar("an integer from -2147483648 to 2147483647", Scalar.INT);

  /** A JSON integer within {@code long} range. */
  public static final ScalarReader<Long> LONG =
      scalar("an integer from -9223372036854775808 to 9223372036854775807", Scalar.LONG);

  /** A finite JSON number within {@code float} range. */
  public static final ScalarReader<Float> FLOAT = scalar("a number", Scalar.FLOAT);

  /** A finite JSON number within {@code double} range. */
  public static final ScalarReader<Double> DOUBLE = scalar("a number", Scalar.DOUBLE);

  /** A JSON number, kept exactly. */
  public static final ScalarReader<BigDecimal> BIG_DECIMAL = scalar("a number", Scalar.BIG_DECIMAL);

  /** A JSON integer of any size. */
  public static final ScalarReader<BigInteger> BIG_INTEGER =
      scalar("an integer", Scalar.BIG_INTEGER);

  /** A string of exactly one character. */
  public static final ScalarReader<Character> CHAR =
      scalar("a string of one character", Scalar.CHAR);

  /** Any JSON string. */
  public static final ScalarReader<String> STRING = scalar("a string", Scalar.STRING);

  /** A UUID string such as {@code 123e4567-e89b-12d3-a456-426614174000}. */
  public static final ScalarReader<UUID> UUID_VALUE =
      scalar("a UUID string such as \"123e4567-e89b-12d3-a456-426614174000\"", Scalar.UUID);

  /** An absolute or relative URI string. */
  public static final ScalarReader<URI> URI_VALUE = scalar("a URI string", Scalar.URI);

  /** An RFC 3339 date-time string. */
  public static final ScalarReader<Instant> INSTANT =
      scalar("a date-time string such as \"2026-07-28T12:00:00Z\"", Scalar.INSTANT);

  /** An ISO 8601 date string. */
  public static final ScalarReader<LocalDate> LOCAL_DATE =
      scalar("a date string such as \"2026-07-28\"", Scalar.LOCAL_DATE);

  /** An ISO 8601 date-time string without an offset. */
  public static final ScalarReader<LocalDateTime> LOCAL_DATE_TIME =
      scalar("a local date-time string such as \"2026-07-28T12:00:00\"", Scalar.LOCAL_DATE_TIME);

  /** An RFC 3339 date-time string with an offset. */
  public static final ScalarReader<OffsetDateTime> OFFSET_DATE_TIME =
      scalar("a date-time string such as \"2026-07-28T12:00:00+01:00\"", Scalar.OFFSET_DATE_TIME);

  /** An ISO 8601 duration string. */
  public static final ScalarReader<Duration> DURATION =
      scalar("an ISO 8601 duration string such as \"PT15M\"", Scalar.DURATION);

  /** A base64 string, decoded to bytes. */
  public static final ScalarReader<byte[]> BYTES = scalar("a base64 string", Scalar.BYTES);

  /** Any JSON value, given as it is. */
  public static final ValueReader<JsonNode> JSON =
      new ValueReader<>() {
        @Override
        public JsonNode read(JsonNode node, Problems problems) {
          return node;
        }

        @Override
        public String expected() {
          return "any JSON value";
        }
      };

  /**
   * A JSON object, given as it is, typed as the {@code ObjectNode} a tool declares (typed {@code
   * JsonNode} before, which made generated code for an {@code ObjectNode} parameter fail to
   * compile; the erased type, and so every compiled pack, is unchanged).
   */
  public static final ScalarReader<ObjectNode> JSON_OBJECT =
      scalar("an object", Scalar.JSON_OBJECT);

  /** Returns a reader of an enum's constants by their exact names. */
  public static <E extends Enum<E>> ScalarReader<E> enumOf(E[] constants) {
    String[] names = new String[constants.length];
    for (E constant : constants) {
      names[constant.ordinal()] = constant.name();
    }
    return enumOf(constants, names);
  }

  /**
   * Returns a reader of an enum's constants by the names they have in JSON ({@code @McpEnumValue}),
   * given in the order of {@code values()}.
   */
  public static <E extends Enum<E>> ScalarReader<E> enumOf(E[] constants, String... wireNames) {
    Map<String, E> byName = new HashMap<>();
    List<String> quoted = new ArrayList<>();
    for (E constant : constants) {
      String name = wireNames[constant.ordinal()];
      byName.put(name, constant);
      quoted.add('"' + name + '"');
    }
    return scalar(
        "one of " + String.join(", ", quoted),
        node -> node.isTextual() ? byName.get(node.textValue()) : null);
  }

  /** Returns a reader of a JSON array into an unmodifiable list. */
  public static <E> ValueReader<List<E>> list(ValueReader<E> element) {
    return new ArrayReader<>("an array", element, values -> Collections.unmodifiableList(values));
  }

  /** Returns a reader of a JSON array of distinct values into an unmodifiable, ordered set. */
  public static <E> ValueReader<Set<E>> set(ValueReader<E> element) {
    return new ArrayReader<>(
        "an array of distinct items",
        element,
        values -> {
          Set<E> set = new LinkedHashSet<>(values);
          return set.size() == values.size() ? Collections.unmodifiableSet(set) : null;
        });
  }

  /** Returns a reader of a JSON array into an object array. */
  public static <E> ValueReader<E[]> array(ValueReader<E> element, IntFunction<E[]> newArray) {
    return new ArrayReader<>(
        "an array", element, values -> values.toArray(newArray.apply(values.size())));
  }

  /** Returns a reader of a JSON array into an {@code int[]}. */
  public static ValueReader<int[]> intArray(ValueReader<Integer> element) {
    return primitiveArray(element, int[]::new, (array, i, value) -> array[i] = value);
  }

  /** Returns a reader of a JSON array into a {@code long[]}. */
  public static ValueReader<long[]> longArray(ValueReader<Long> element) {
    return primitiveArray(element, long[]::new, (array, i, value) -> array[i] = value);
  }

  /** Returns a reader of a JSON array into a {@code double[]}. */
  public static ValueReader<double[]> doubleArray(ValueReader<Double> element) {
    return primitiveArray(element, double[]::new, (array, i, value) -> array[i] = value);
  }

  /** Returns a reader of a JSON array into a {@code float[]}. */
  public static ValueReader<float[]> floatArray(ValueReader<Float> element) {
    return primitiveArray(element, float[]::new, (array, i, value) -> array[i] = value);
  }

  /** Returns a reader of a JSON array into a {@code short[]}. */
  public static ValueReader<short[]> shortArray(ValueReader<Short> element) {
    return primitiveArray(element, short[]::new, (array, i, value) -> array[i] = value);
  }

  /** Returns a reader of a JSON array into a {@code boolean[]}. */
  public static ValueReader<boolean[]> booleanArray(ValueReader<Boolean> element) {
    return primitiveArray(element, boolean[]::new, (array, i, value) -> array[i] = value);
  }

  /** Returns a reader of a JSON array into a {@code char[]}, from one-character strings. */
  public static ValueReader<char[]> charArray(ValueReader<Character> element) {
    return primitiveArray(element, char[]::new, (array, i, value) -> array[i] = value);
  }

  /** Stores one decoded element into a primitive array. */
  @FunctionalInterface
  private interface ElementStore<A, E> {
    void store(A array, int index, E value);
  }

  private static <A, E> ValueReader<A> primitiveArray(
      ValueReader<E> element, IntFunction<A> create, ElementStore<A, E> store) {
    return new ArrayReader<>(
        "an array",
        element,
        values -> {
          A array = create.apply(values.size());
          for (int i = 0; i < values.size(); i++) {
            store.store(array, i, values.get(i));
          }
          return array;
        });
  }

  /**
   * Returns a reader of a JSON object into an unmodifiable map that keeps the client's key order.
   */
  public static <V> ValueReader<Map<String, V>> map(ValueReader<V> value) {
    return (node, problems) -> {
      if (!node.isObject()) {
        problems.mismatch("an object", node);
        return null;
      }
      Map<String, V> map = new LinkedHashMap<>();
      boolean complete = true;
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        problems.enter(field.getKey());
        V decoded = value.read(field.getValue(), problems);
        problems.leave();
        complete &= decoded != null;
        map.put(field.getKey(), decoded);
      }
      return complete ? Collections.unmodifiableMap(map) : null;
    };
  }

  /**
   * Returns a reader that applies constraints to what another reader produced, reporting the whole
   * expectation when one fails; used for {@code @Size} on collections and maps.
   */
  @SafeVarargs
  public static <T> ValueReader<T> checked(
      ValueReader<T> reader, String expected, Check<? super T>... checks) {
    List<Check<? super T>> copied = new ArrayList<>(checks.length);
    for (Check<? super T> check : checks) {
      copied.add(java.util.Objects.requireNonNull(check, "check"));
    }
    List<Check<? super T>> all = List.copyOf(copied);
    return new ValueReader<>() {
      @Override
      public T read(JsonNode node, Problems problems) {
        T value = reader.read(node, problems);
        if (value == null) {
          return null;
        }
        for (Check<? super T> check : all) {
          if (!check.test(value)) {
            problems.mismatch(expected, node);
            return null;
          }
        }
        return value;
      }

      @Override
      public String expected() {
        return expected;
      }
    };
  }

  /** Returns a reader of a JSON object whose properties a generated method decodes. */
  public static <T> ValueReader<T> object(List<String> names, ObjectBody<T> body) {
    return new ValueReader<>() {
      @Override
      public T read(JsonNode node, Problems problems) {
        Fields fields = Fields.nested(node, problems, names);
        return fields == null ? null : body.read(fields);
      }

      @Override
      public String expected() {
        return "an object";
      }
    };
  }

  /**
   * Decodes the properties of an object; generated for each record type.
   *
   * @param <T> the record
   */
  @FunctionalInterface
  public interface ObjectBody<T> {
    /** Reads every property, returning {@code null} when {@link Fields#problems()} got any. */
    T read(Fields fields);
  }

  private static <T> ScalarReader<T> scalar(String expected, Function<JsonNode, T> converter) {
    return new ScalarReader<>(expected, converter);
  }

  /**
   * Reads a scalar constant with the {@link Scalar} converter of the same name; the cast holds
   * because each constant below pairs a Java type with the converter that produces it.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <T> ScalarReader<T> scalar(String expected, Scalar converter) {
    return new ScalarReader<>(expected, (Function) converter);
  }

  /** Reads arrays, element by element, then shapes the result. */
  private static final class ArrayReader<E, T> implements ValueReader<T> {
    private final String expected;
    private final ValueReader<E> element;
    private final Function<List<E>, T> shape;

    ArrayReader(String expected, ValueReader<E> element, Function<List<E>, T> shape) {
      this.expected = expected;
      this.element = element;
      this.shape = shape;
    }

    @Override
    public T read(JsonNode node, Problems problems) {
      if (!node.isArray()) {
        problems.mismatch(expected, node);
        return null;
      }
      List<E> values = new ArrayList<>(node.size());
      boolean complete = true;
      for (int i = 0; i < node.size(); i++) {
        problems.enter(i);
        E value = element.read(node.get(i), problems);
        problems.leave();
        complete &= value != null;
        values.add(value);
      }
      if (!complete) {
        return null;
      }
      T shaped = shape.apply(values);
      if (shaped == null) {
        problems.mismatch(expected, node);
      }
      return shaped;
    }

    @Override
    public String expected() {
      return expected;
    }
  }
}
