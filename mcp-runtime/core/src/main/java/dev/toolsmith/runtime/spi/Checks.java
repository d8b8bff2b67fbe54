package dev.toolsmith.runtime.spi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The constraints generated code applies: Jakarta Bean Validation's, recognised by the processor by
 * name, with the same meaning.
 */
@UsedByGeneratedCode
public final class Checks {
  private Checks() {}

  // A deliberately plain shape (one @, no spaces, a dot in the domain): what JSON Schema's "email"
  // format means to most validators, without pretending to implement all of RFC 5322.
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** {@code @Min}: the number is at least {@code min}. */
  public static Check<Number> min(long min) {
    return value -> compare(value, BigDecimal.valueOf(min)) >= 0;
  }

  /** {@code @Max}: the number is at most {@code max}. */
  public static Check<Number> max(long max) {
    return value -> compare(value, BigDecimal.valueOf(max)) <= 0;
  }

  /** {@code @DecimalMin}: the number is above {@code min}, or equal to it when inclusive. */
  public static Check<Number> decimalMin(String min, boolean inclusive) {
    BigDecimal bound = new BigDecimal(min);
    return value -> {
      int order = compare(value, bound);
      return inclusive ? order >= 0 : order > 0;
    };
  }

  /** {@code @DecimalMax}: the number is below {@code max}, or equal to it when inclusive. */
  public static Check<Number> decimalMax(String max, boolean inclusive) {
    BigDecimal bound = new BigDecimal(max);
    return value -> {
      int order = compare(value, bound);
      return inclusive ? order <= 0 : order < 0;
    };
  }

  /** {@code @Positive}: the number is greater than zero. */
  public static Check<Number> positive() {
    return value -> compare(value, BigDecimal.ZERO) > 0;
  }

  /** {@code @PositiveOrZero}: the number is zero or more. */
  public static Check<Number> positiveOrZero() {
    return value -> compare(value, BigDecimal.ZERO) >= 0;
  }

  /** {@code @Negative}: the number is less than zero. */
  public static Check<Number> negative() {
    return value -> compare(value, BigDecimal.ZERO) < 0;
  }

  /** {@code @NegativeOrZero}: the number is zero or less. */
  public static Check<Number> negativeOrZero() {
    return value -> compare(value, BigDecimal.ZERO) <= 0;
  }

  /**
   * {@code @Size}: a string's length, a collection's or map's size, or an array's length is within
   * {@code [min, max]}.
   */
  public static Check<Object> size(int min, int max) {
    return value -> {
      int size = sizeOf(value);
      return size >= min && size <= max;
    };
  }

  /** {@code @NotEmpty}: the string, collection, map or array has at least one element. */
  public static Check<Object> notEmpty() {
    return value -> sizeOf(value) > 0;
  }

  /** {@code @NotBlank}: the string has a character that is not white space. */
  public static Check<CharSequence> notBlank() {
    return value -> !value.toString().isBlank();
  }

  /** {@code @Pattern}: the whole string matches the regular expression. */
  public static Check<CharSequence> pattern(String regex) {
    Pattern pattern = Pattern.compile(regex);
    return value -> pattern.matcher(value).matches();
  }

  /** {@code @Email}: the string looks like an e-mail address. */
  public static Check<CharSequence> email() {
    return value -> EMAIL.matcher(value).matches();
  }

  private static int compare(Number value, BigDecimal bound) {
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).compareTo(bound);
    }
    if (value instanceof BigInteger) {
      return new BigDecimal((BigInteger) value).compareTo(bound);
    }
    if (value instanceof Double || value instanceof Float) {
      return BigDecimal.valueOf(value.doubleValue()).compareTo(bound);
    }
    return BigDecimal.valueOf(value.longValue()).compareTo(bound);
  }

  private static int sizeOf(Object value) {
    if (value instanceof CharSequence) {
      return ((CharSequence) value).length();
    }
    if (value instanceof Collection) {
      return ((Collection<?>) value).size();
    }
    if (value instanceof Map) {
      return ((Map<?, ?>) value).size();
    }
    if (value instanceof Object[]) {
      return ((Object[]) value).length;
    }
    if (value instanceof int[]) {
      return ((int[]) value).length;
    }
    if (value instanceof long[]) {
      return ((long[]) value).length;
    }
    if (value instanceof double[]) {
      return ((double[]) value).length;
    }
    if (value instanceof float[]) {
      return ((float[]) value).length;
    }
    if (value instanceof short[]) {
      return ((short[]) value).length;
    }
    if (value instanceof boolean[]) {
      return ((boolean[]) value).length;
    }
    if (value instanceof char[]) {
      return ((char[]) value).length;
    }
    if (value instanceof byte[]) {
      return ((byte[]) value).length;
    }
    throw new IllegalArgumentException("@Size does not apply to " + value.getClass().getName());
  }
}
