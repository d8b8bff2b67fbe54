package dev.toolsmith.runtime.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.internal.json.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** The writers generated code composes, one per supported Java type. */
@UsedByGeneratedCode
public final class Writers {
  private Writers() {}

  /** A JSON string. */
  public static final ValueWriter<String> STRING = JsonWriter::string;

  /** A JSON boolean. */
  public static final ValueWriter<Boolean> BOOLEAN = JsonWriter::bool;

  /**
   * A JSON integer from any integral box ({@code Byte}, {@code Short}, {@code Integer}, {@code
   * Long}).
   */
  public static final ValueWriter<Number> INTEGER = (out, value) -> out.number(value.longValue());

  /** A JSON number from a {@code Float}. */
  public static final ValueWriter<Float> FLOAT = JsonWriter::number;

  /** A JSON number from a {@code Double}. */
  public static final ValueWriter<Double> DOUBLE = JsonWriter::number;

  /** A JSON number, every digit kept. */
  public static final ValueWriter<BigDecimal> BIG_DECIMAL = JsonWriter::number;

  /** A JSON integer of any size. */
  public static final ValueWriter<BigInteger> BIG_INTEGER = JsonWriter::number;

  /** A one-character string. */
  public static final ValueWriter<Character> CHAR =
      (out, value) -> out.string(String.valueOf(value));

  /**
   * The value's {@code toString()} as a JSON string: UUIDs, URIs and {@code java.time} values (ISO
   * 8601).
   */
  public static final ValueWriter<Object> TO_STRING = (out, value) -> out.string(value.toString());

  /** An enum constant's name. */
  public static final ValueWriter<Enum<?>> ENUM = (out, value) -> out.string(value.name());

  /**
   * An enum constant by the name it has in JSON ({@code @McpEnumValue}), given in the order of
   * {@code values()}.
   */
  public static ValueWriter<Enum<?>> enumNames(String... wireNames) {
    String[] names = wireNames.clone();
    return (out, value) -> out.string(names[value.ordinal()]);
  }

  /** Bytes as a base64 string. */
  public static final ValueWriter<byte[]> BYTES =
      (out, value) -> out.string(Base64.getEncoder().encodeToString(value));

  /** A JSON tree, as it is. */
  public static final ValueWriter<JsonNode> JSON =
      (out, value) -> Json.write(out.generator(), value);

  /** An {@code int[]}. */
  public static final ValueWriter<int[]> INT_ARRAY =
      (out, value) -> out.generator().writeArray(value, 0, value.length);

  /** A {@code long[]}. */
  public static final ValueWriter<long[]> LONG_ARRAY =
      (out, value) -> out.generator().writeArray(value, 0, value.length);

  /** A {@code double[]}. */
  public static final ValueWriter<double[]> DOUBLE_ARRAY =
      (out, value) -> out.generator().writeArray(value, 0, value.length);

  /** A {@code float[]}. */
  public static final ValueWriter<float[]> FLOAT_ARRAY =
      (out, value) -> {
        out.startArray();
        for (float element : value) {
          out.number(element);
        }
        out.endArray();
      };

  /** A {@code short[]}. */
  public static final ValueWriter<short[]> SHORT_ARRAY =
      (out, value) -> {
        out.startArray();
        for (short element : value) {
          out.number(element);
        }
        out.endArray();
      };

  /** A {@code boolean[]}. */
  public static final ValueWriter<boolean[]> BOOLEAN_ARRAY =
      (out, value) -> {
        out.startArray();
        for (boolean element : value) {
          out.bool(element);
        }
        out.endArray();
      };

  /** A {@code char[]}, as an array of one-character strings. */
  public static final ValueWriter<char[]> CHAR_ARRAY =
      (out, value) -> {
        out.startArray();
        for (char element : value) {
          out.string(String.valueOf(element));
        }
        out.endArray();
      };

  /** An {@code OptionalInt}, or {@code null} when empty. */
  public static final ValueWriter<OptionalInt> OPTIONAL_INT =
      (out, value) -> {
        if (value.isPresent()) {
          out.number(value.getAsInt());
        } else {
          out.nullValue();
        }
      };

  /** An {@code OptionalLong}, or {@code null} when empty. */
  public static final ValueWriter<OptionalLong> OPTIONAL_LONG =
      (out, value) -> {
        if (value.isPresent()) {
          out.number(value.getAsLong());
        } else {
          out.nullValue();
        }
      };

  /** An {@code OptionalDouble}, or {@code null} when empty. */
  public static final ValueWriter<OptionalDouble> OPTIONAL_DOUBLE =
      (out, value) -> {
        if (value.isPresent()) {
          out.number(value.getAsDouble());
        } else {
          out.nullValue();
        }
      };

  /** Returns a writer of an {@code Optional}'s value, or {@code null} when empty. */
  public static <T> ValueWriter<Optional<T>> optional(ValueWriter<? super T> element) {
    return (out, value) -> value(out, value.orElse(null), element);
  }

  /** Returns a writer of any iterable (list, set, collection) as a JSON array. */
  public static <E> ValueWriter<Iterable<? extends E>> iterable(ValueWriter<? super E> element) {
    return (out, value) -> {
      out.startArray();
      for (E item : value) {
        value(out, item, element);
      }
      out.endArray();
    };
  }

  /** Returns a writer of an object array as a JSON array. */
  public static <E> ValueWriter<E[]> array(ValueWriter<? super E> element) {
    return (out, value) -> {
      out.startArray();
      for (E item : value) {
        value(out, item, element);
      }
      out.endArray();
    };
  }

  /** Returns a writer of a {@code Map<String, V>} as a JSON object. */
  public static <V> ValueWriter<Map<String, ? extends V>> map(ValueWriter<? super V> valueWriter) {
    return (out, value) -> {
      out.startObject();
      for (Map.Entry<String, ? extends V> entry : value.entrySet()) {
        out.name(entry.getKey());
        value(out, entry.getValue(), valueWriter);
      }
      out.endObject();
    };
  }

  /** Writes a value, or JSON {@code null} for {@code null}. */
  public static <T> void value(JsonWriter out, T value, ValueWriter<? super T> writer)
      throws IOException {
    if (value == null) {
      out.nullValue();
    } else {
      writer.write(out, value);
    }
  }

  /** Writes an object property that the schema requires; {@code null} is written as JSON null. */
  public static <T> void field(JsonWriter out, String name, T value, ValueWriter<? super T> writer)
      throws IOException {
    out.name(name);
    value(out, value, writer);
  }

  /**
   * Writes an optional object property, leaving it out when the value is {@code null} or an empty
   * {@code Optional}, {@code OptionalInt}, {@code OptionalLong} or {@code OptionalDouble}.
   */
  public static <T> void optionalField(
      JsonWriter out, String name, T value, ValueWriter<? super T> writer) throws IOException {
    if (isAbsent(value)) {
      return;
    }
    field(out, name, value, writer);
  }

  private static boolean isAbsent(Object value) {
    return value == null
        || value instanceof Optional && ((Optional<?>) value).isEmpty()
        || value instanceof OptionalInt && ((OptionalInt) value).isEmpty()
        || value instanceof OptionalLong && ((OptionalLong) value).isEmpty()
        || value instanceof OptionalDouble && ((OptionalDouble) value).isEmpty();
  }
}
