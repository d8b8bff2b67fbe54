package dev.toolsmith.runtime.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.function.Function;

/**
 * The conversions behind {@link Readers}' scalar constants: each turns a JSON node into its Java
 * value, or {@code null} when the node is not one.
 *
 * <p>One enum rather than a lambda per constant: initialising {@code Readers} then bootstraps no
 * lambdas and loads no {@code java.time} class until a tool reads a date, which keeps Lambda cold
 * starts short.
 */
enum Scalar implements Function<JsonNode, Object> {
  BOOLEAN,
  BYTE,
  SHORT,
  INT,
  LONG,
  FLOAT,
  DOUBLE,
  BIG_DECIMAL,
  BIG_INTEGER,
  CHAR,
  STRING,
  UUID,
  URI,
  INSTANT,
  LOCAL_DATE,
  LOCAL_DATE_TIME,
  OFFSET_DATE_TIME,
  DURATION,
  BYTES,
  JSON_OBJECT;

  @Override
  public Object apply(JsonNode node) {
    switch (this) {
      case BOOLEAN:
        return node.isBoolean() ? node.booleanValue() : null;
      case BYTE:
        Long asByte = inRange(node, Byte.MIN_VALUE, Byte.MAX_VALUE);
        return asByte == null ? null : asByte.byteValue();
      case SHORT:
        Long asShort = inRange(node, Short.MIN_VALUE, Short.MAX_VALUE);
        return asShort == null ? null : asShort.shortValue();
      case INT:
        Long asInt = inRange(node, Integer.MIN_VALUE, Integer.MAX_VALUE);
        return asInt == null ? null : asInt.intValue();
      case LONG:
        return exactLong(node);
      case FLOAT:
        return node.isNumber() && Float.isFinite(node.floatValue()) ? node.floatValue() : null;
      case DOUBLE:
        return node.isNumber() && Double.isFinite(node.doubleValue()) ? node.doubleValue() : null;
      case BIG_DECIMAL:
        return node.isNumber() ? node.decimalValue() : null;
      case BIG_INTEGER:
        BigDecimal exact = integral(node);
        return exact == null ? null : exact.toBigIntegerExact();
      case CHAR:
        return node.isTextual() && node.textValue().length() == 1
            ? node.textValue().charAt(0)
            : null;
      case STRING:
        return node.isTextual() ? node.textValue() : null;
      case JSON_OBJECT:
        return node.isObject() ? node : null;
      default:
        return node.isTextual() ? parse(node.textValue()) : null;
    }
  }

  /** Parses the string forms; a string that does not parse is a mismatch, not an error. */
  private Object parse(String text) {
    try {
      switch (this) {
        case UUID:
          java.util.UUID uuid = java.util.UUID.fromString(text);
          return uuid.toString().equalsIgnoreCase(text) ? uuid : null;
        case URI:
          return new java.net.URI(text);
        case INSTANT:
          return Instant.parse(text);
        case LOCAL_DATE:
          return LocalDate.parse(text);
        case LOCAL_DATE_TIME:
          return LocalDateTime.parse(text);
        case OFFSET_DATE_TIME:
          return OffsetDateTime.parse(text);
        case DURATION:
          return Duration.parse(text);
        case BYTES:
          return Base64.getDecoder().decode(text);
        default:
          throw new AssertionError(this);
      }
    } catch (IllegalArgumentException | DateTimeParseException | URISyntaxException e) {
      return null;
    }
  }

  /** Returns the node's exact integral value when it lies within the range, else null. */
  private static Long inRange(JsonNode node, long min, long max) {
    Long value = exactLong(node);
    return value != null && value >= min && value <= max ? value : null;
  }

  /**
   * Returns an integral JSON number (3 or 3.0) as a long, or null when it is not one or overflows.
   */
  private static Long exactLong(JsonNode node) {
    if (node.isInt() || node.isLong()) {
      return node.longValue();
    }
    BigDecimal exact = integral(node);
    if (exact == null) {
      return null;
    }
    try {
      return exact.longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  private static BigDecimal integral(JsonNode node) {
    if (!node.isNumber()) {
      return null;
    }
    BigDecimal value = node.decimalValue();
    return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0 ? value : null;
  }
}
