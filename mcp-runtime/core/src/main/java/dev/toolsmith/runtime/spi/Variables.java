package dev.toolsmith.runtime.spi;

import dev.toolsmith.runtime.InvalidArgumentsException;
import java.util.List;
import java.util.UUID;

/**
 * Reads URI template variables for generated {@link ToolPack#read} methods, converting each to its
 * parameter's type. A value that does not convert is reported with the variable's name and what was
 * expected, and the client gets -32602.
 */
@UsedByGeneratedCode
public final class Variables {
  private Variables() {}

  /** Returns a variable as text. */
  public static String text(ResourceCall call, String name) {
    String value = call.variables().get(name);
    if (value == null) {
      throw new InvalidArgumentsException(List.of(name + ": missing from the URI"));
    }
    return value;
  }

  /** Returns a variable as an {@code int}. */
  public static int integer(ResourceCall call, String name) {
    String value = text(call, name);
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw mismatch(name, "an integer", value);
    }
  }

  /** Returns a variable as a {@code long}. */
  public static long longInteger(ResourceCall call, String name) {
    String value = text(call, name);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw mismatch(name, "an integer", value);
    }
  }

  /** Returns a variable as a {@code UUID}. */
  public static UUID uuid(ResourceCall call, String name) {
    String value = text(call, name);
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw mismatch(name, "a UUID", value);
    }
  }

  private static InvalidArgumentsException mismatch(String name, String expected, String value) {
    return new InvalidArgumentsException(
        List.of(name + ": expected " + expected + ", got \"" + value + "\""));
  }
}
