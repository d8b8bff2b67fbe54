package dev.toolsmith.runtime.spi;

import com.fasterxml.jackson.core.JsonGenerator;
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
  public static final ValueWriter<String> STRING = JsonGenerator::writeString;

  /** A JSON boolean. */
  public static final ValueWriter<Boolean> BOOLEAN = JsonGenerator::writeBoolean;

  /** A JSON integer from any integral box ({@code Byte}, {@code Short}, {@code Integer}, {@code Long}). */
  public static final ValueWriter<Number> INTEGER = (gen, value) -> gen.writeNumber(value.longValue());

  /** A JSON number from a {@code Float}. */
  public static final ValueWriter<Float> FLOAT = JsonGenerator::writeNumber;

  /** A JSON number from a {@code Double}. */
  public static final ValueWriter<Double> DOUBLE = JsonGenerator::writeNumber;

  /** A JSON number, every digit kept. */
  public static final ValueWriter<BigDecimal> BIG_DECIMAL = JsonGenerator::writeNumber;

  /** A JSON integer of any size. */
  public static final ValueWriter<BigInteger> BIG_INTEGER = JsonGenerator::writeNumber;

  /** A one-character string. */
  public static final ValueWriter<Character> CHAR = (gen, value) -> gen.writeString(String.valueOf(value));

  /** The value's {@code toString()} as a JSON string: UUIDs, URIs and {@code java.time} values (ISO 8601). */
  public static final ValueWriter<Object> TO_STRING = (gen, value) -> gen.writeString(value.toString());

  /** An enum constant's name. */
  public static final ValueWriter<Enum<?>> ENUM = (gen, value) -> gen.writeString(value.name());

  /** Bytes as a base64 string. */
  public static final ValueWriter<byte[]> BYTES = (gen, value) -> gen.writeString(Base64.getEncoder().encodeToString(value));

  /** A JSON tree, as it is. */
  public static final ValueWriter<JsonNode> JSON = Json::write;

  /** An {@code int[]}. */
  public static final ValueWriter<int[]> INT_ARRAY = (gen, value) -> gen.writeArray(value, 0, value.length);

  /** A {@code long[]}. */
  public static final ValueWriter<long[]> LONG_ARRAY = (gen, value) -> gen.writeArray(value, 0, value.length);

  /** A {@code double[]}. */
  public static final ValueWriter<double[]> DOUBLE_ARRAY = (gen, value) -> gen.writeArray(value, 0, value.length);

  /** A {@code float[]}. */
  public static final ValueWriter<float[]> FLOAT_ARRAY = (gen, value) -> {
    gen.writeStartArray();
    for (float element : value) {
      gen.writeNumber(element);
    }
    gen.writeEndArray();
  };

  /** A {@code short[]}. */
  public static final ValueWriter<short[]> SHORT_ARRAY = (gen, value) -> {
    gen.writeStartArray();
    for (short element : value) {
      gen.writeNumber(element);
    }
    gen.writeEndArray();
  };

  /** A {@code boolean[]}. */
  public static final ValueWriter<boolean[]> BOOLEAN_ARRAY = (gen, value) -> {
    gen.writeStartArray();
    for (boolean element : value) {
      gen.writeBoolean(element);
    }
    gen.writeEndArray();
  };

  /** A {@code char[]}, as an array of one-character strings. */
  public static final ValueWriter<char[]> CHAR_ARRAY = (gen, value) -> {
    gen.writeStartArray();
    for (char element : value) {
      gen.writeString(String.valueOf(element));
    }
    gen.writeEndArray();
  };

  /** An {@code OptionalInt}, or {@code null} when empty. */
  public static final ValueWriter<OptionalInt> OPTIONAL_INT = (gen, value) -> {
    if (value.isPresent()) {
      gen.writeNumber(value.getAsInt());
    } else {
      gen.writeNull();
    }
  };

  /** An {@code OptionalLong}, or {@code null} when empty. */
  public static final ValueWriter<OptionalLong> OPTIONAL_LONG = (gen, value) -> {
    if (value.isPresent()) {
      gen.writeNumber(value.getAsLong());
    } else {
      gen.writeNull();
    }
  };

  /** An {@code OptionalDouble}, or {@code null} when empty. */
  public static final ValueWriter<OptionalDouble> OPTIONAL_DOUBLE = (gen, value) -> {
    if (value.isPresent()) {
      gen.writeNumber(value.getAsDouble());
    } else {
      gen.writeNull();
    }
  };

  /** Returns a writer of an {@code Optional}'s value, or {@code null} when empty. */
  public static <T> ValueWriter<Optional<T>> optional(ValueWriter<? super T> element) {
    return (gen, value) -> value(gen, value.orElse(null), element);
  }

  /** Returns a writer of any iterable (list, set, collection) as a JSON array. */
  public static <E> ValueWriter<Iterable<? extends E>> iterable(ValueWriter<? super E> element) {
    return (gen, value) -> {
      gen.writeStartArray();
      for (E item : value) {
        value(gen, item, element);
      }
      gen.writeEndArray();
    };
  }

  /** Returns a writer of an object array as a JSON array. */
  public static <E> ValueWriter<E[]> array(ValueWriter<? super E> element) {
    return (gen, value) -> {
      gen.writeStartArray();
      for (E item : value) {
        value(gen, item, element);
      }
      gen.writeEndArray();
    };
  }

  /** Returns a writer of a {@code Map<String, V>} as a JSON object. */
  public static <V> ValueWriter<Map<String, ? extends V>> map(ValueWriter<? super V> valueWriter) {
    return (gen, value) -> {
      gen.writeStartObject();
      for (Map.Entry<String, ? extends V> entry : value.entrySet()) {
        gen.writeFieldName(entry.getKey());
        value(gen, entry.getValue(), valueWriter);
      }
      gen.writeEndObject();
    };
  }

  /** Writes a value, or JSON {@code null} for {@code null}. */
  public static <T> void value(JsonGenerator gen, T value, ValueWriter<? super T> writer) throws IOException {
    if (value == null) {
      gen.writeNull();
    } else {
      writer.write(gen, value);
    }
  }

  /** Writes an object property that the schema requires; {@code null} is written as JSON null. */
  public static <T> void field(JsonGenerator gen, String name, T value, ValueWriter<? super T> writer)
      throws IOException {
    gen.writeFieldName(name);
    value(gen, value, writer);
  }

  /**
   * Writes an optional object property, leaving it out when the value is {@code null} or an empty
   * {@code Optional}, {@code OptionalInt}, {@code OptionalLong} or {@code OptionalDouble}.
   */
  public static <T> void optionalField(JsonGenerator gen, String name, T value, ValueWriter<? super T> writer)
      throws IOException {
    if (isAbsent(value)) {
      return;
    }
    field(gen, name, value, writer);
  }

  private static boolean isAbsent(Object value) {
    return value == null
        || value instanceof Optional && ((Optional<?>) value).isEmpty()
        || value instanceof OptionalInt && ((OptionalInt) value).isEmpty()
        || value instanceof OptionalLong && ((OptionalLong) value).isEmpty()
        || value instanceof OptionalDouble && ((OptionalDouble) value).isEmpty();
  }
}
