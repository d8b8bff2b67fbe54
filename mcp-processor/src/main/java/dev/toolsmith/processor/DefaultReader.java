package dev.toolsmith.processor;

import com.palantir.javapoet.CodeBlock;
import dev.toolsmith.annotations.McpParam;
import dev.toolsmith.processor.JsonType.EnumType;
import dev.toolsmith.processor.JsonType.ScalarType;
import java.math.BigDecimal;
import java.math.BigInteger;
import javax.lang.model.element.Element;

/**
 * Reads {@code @McpParam(defaultValue = ...)}: checks at build time that the property's type holds
 * the value, and turns it into the schema's {@code default} and the Java constant the decoder falls
 * back on.
 */
final class DefaultReader {
  private DefaultReader() {}

  /**
   * Returns the default declared on an element, or {@code null} when there is none or it is refused
   * (then reported).
   */
  static Property.Default read(
      Element element, JsonType type, McpParamValues values, Report report) {
    String text = values.defaultValue();
    if (text == null || text.equals(McpParam.NO_DEFAULT)) {
      return null;
    }
    try {
      return parse(text, type);
    } catch (IllegalArgumentException e) {
      report.add(
          Message.INVALID_DEFAULT,
          element,
          values.mirror(),
          null,
          text,
          element.getSimpleName(),
          e.getMessage());
      return null;
    }
  }

  /**
   * Returns a value written as text as JSON writes it for the type (an enum's name, a boolean, a
   * number in the type's range, a string), the way a default is read.
   *
   * @throws IllegalArgumentException saying why the type cannot hold it
   */
  static Object json(String text, JsonType type) {
    return parse(text, type).json();
  }

  private static Property.Default parse(String text, JsonType type) {
    if (type instanceof EnumType enumType) {
      String constant = enumType.constantFor(text);
      if (constant == null) {
        throw new IllegalArgumentException(
            "is not a constant of "
                + enumType.javaType().simpleName()
                + "; use one of "
                + String.join(", ", enumType.wireNames()));
      }
      return new Property.Default(text, CodeBlock.of("$T.$L", enumType.javaType(), constant));
    }
    if (!(type instanceof ScalarType scalar)) {
      throw takesNoDefault(type);
    }
    switch (scalar.scalar()) {
      case STRING:
        return new Property.Default(text, CodeBlock.of("$S", text));
      case CHAR:
        if (text.length() != 1) {
          throw new IllegalArgumentException("is not one character");
        }
        return new Property.Default(text, CodeBlock.of("$L", quotedChar(text.charAt(0))));
      case BOOLEAN:
        if (!text.equals("true") && !text.equals("false")) {
          throw new IllegalArgumentException("is not true or false");
        }
        return new Property.Default(Boolean.valueOf(text), CodeBlock.of("$L", text));
      case BYTE:
        return integral(text, Byte.MIN_VALUE, Byte.MAX_VALUE, "(byte) $L");
      case SHORT:
        return integral(text, Short.MIN_VALUE, Short.MAX_VALUE, "(short) $L");
      case INT:
        return integral(text, Integer.MIN_VALUE, Integer.MAX_VALUE, "$L");
      case LONG:
        return integral(text, Long.MIN_VALUE, Long.MAX_VALUE, "$LL");
      case FLOAT:
        return decimal(text, "$Lf");
      case DOUBLE:
        return decimal(text, "$Ld");
      case BIG_DECIMAL:
        return new Property.Default(
            decimal(text, "$L").json(), CodeBlock.of("new $T($S)", BigDecimal.class, text));
      case BIG_INTEGER:
        return new Property.Default(
            integral(text, Long.MIN_VALUE, Long.MAX_VALUE, "$L").json(),
            CodeBlock.of("new $T($S)", BigInteger.class, text));
      default:
        throw takesNoDefault(type);
    }
  }

  private static IllegalArgumentException takesNoDefault(JsonType type) {
    return new IllegalArgumentException(
        "is on a "
            + type.javaType()
            + "; a default is for strings, numbers, booleans, char and enums, so leave it out and "
            + "handle the missing value in the method");
  }

  private static Property.Default integral(String text, long min, long max, String java) {
    long value;
    try {
      value = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("is not a whole number");
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException("is outside " + min + " to " + max);
    }
    return new Property.Default(
        new JsonText.Number(Long.toString(value)), CodeBlock.of(java, Long.toString(value)));
  }

  private static Property.Default decimal(String text, String java) {
    BigDecimal value;
    try {
      value = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("is not a number");
    }
    return new Property.Default(
        new JsonText.Number(value.toString()), CodeBlock.of(java, value.toString()));
  }

  private static String quotedChar(char c) {
    if (c == '\'' || c == '\\') {
      return "'\\" + c + "'";
    }
    return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("'\\u%04x'", (int) c);
  }
}
