package dev.toolsmith.runtime.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Iterator;
import java.util.List;

/**
 * The properties of one JSON object being decoded: a tool's arguments or a record.
 *
 * <p>Creating it reports every property the schema does not know ({@code "additionalProperties":
 * false}); each {@link #required} or {@link #optional} read reports its own problems, so after the
 * last read {@link Problems#throwIfAny()} lists them all.
 */
@UsedByGeneratedCode
public final class Fields {
  private final JsonNode object;
  private final Problems problems;
  private final boolean rejected;

  private Fields(JsonNode object, Problems problems, boolean rejected) {
    this.object = object;
    this.problems = problems;
    this.rejected = rejected;
  }

  /**
   * Starts decoding a tool call's arguments; absent arguments count as an empty object.
   *
   * @param names every property the tool's schema declares
   */
  public static Fields arguments(ToolCall call, List<String> names) {
    Problems problems = new Problems();
    JsonNode arguments = call.arguments();
    if (arguments == null || arguments.isNull() || arguments.isMissingNode()) {
      return new Fields(MissingNode.getInstance(), problems, false);
    }
    if (!arguments.isObject()) {
      problems.mismatch("an object", arguments);
      return new Fields(MissingNode.getInstance(), problems, true);
    }
    reportUnknown(arguments, names, problems);
    return new Fields(arguments, problems, false);
  }

  /**
   * Starts decoding a nested object, or reports a mismatch and returns {@code null} when the value
   * is not an object.
   *
   * @param names every property the object's schema declares
   */
  public static Fields nested(JsonNode node, Problems problems, List<String> names) {
    if (!node.isObject()) {
      problems.mismatch("an object", node);
      return null;
    }
    reportUnknown(node, names, problems);
    return new Fields(node, problems, false);
  }

  private static void reportUnknown(JsonNode object, List<String> names, Problems problems) {
    // When every property present is a known one there is nothing to report, and counting them
    // allocates nothing; only an object with an unknown property is walked.
    int known = 0;
    for (int i = 0; i < names.size(); i++) {
      if (object.has(names.get(i))) {
        known++;
      }
    }
    if (known == object.size()) {
      return;
    }
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!names.contains(name)) {
        problems.unknown(name, names);
      }
    }
  }

  /** Returns an {@code OptionalInt} of a value read with {@link #optional}. */
  public static java.util.OptionalInt optionalInt(Integer value) {
    return value == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(value);
  }

  /** Returns an {@code OptionalLong} of a value read with {@link #optional}. */
  public static java.util.OptionalLong optionalLong(Long value) {
    return value == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(value);
  }

  /** Returns an {@code OptionalDouble} of a value read with {@link #optional}. */
  public static java.util.OptionalDouble optionalDouble(Double value) {
    return value == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(value);
  }

  /** Returns where this object's problems are collected. */
  public Problems problems() {
    return problems;
  }

  /**
   * Reads a property that must be present and not {@code null}. When the arguments were not an
   * object at all, that one problem is enough, so missing properties are not reported too.
   */
  public <T> T required(String name, ValueReader<T> reader) {
    JsonNode node = object.get(name);
    problems.enter(name);
    try {
      if (node == null) {
        if (!rejected) {
          problems.missing(reader.expected());
        }
        return null;
      }
      return reader.read(node, problems);
    } finally {
      problems.leave();
    }
  }

  /** Reads a property that may be absent or {@code null}; either gives {@code null}. */
  public <T> T optional(String name, ValueReader<T> reader) {
    JsonNode node = object.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    problems.enter(name);
    try {
      return reader.read(node, problems);
    } finally {
      problems.leave();
    }
  }

  /**
   * Reports when none of the named properties is given ({@code @McpRequireAnyOf}): present and not
   * {@code null}.
   */
  public void requireAnyOf(String... names) {
    for (String name : names) {
      if (given(name)) {
        return;
      }
    }
    if (!rejected) {
      problems.report("needs at least one of " + String.join(", ", names) + "; none was given");
    }
  }

  /**
   * Reports when the property a condition requires is not given ({@code @McpRequiredIf}): {@code
   * then} when {@code param} has the value {@code equals} (as JSON writes it), else {@code
   * otherwise}, which may be empty for none.
   */
  public void requireIf(String param, String equals, String then, String otherwise) {
    JsonNode decider = object.get(param);
    boolean matches = decider != null && decider.isValueNode() && equals.equals(decider.asText());
    String needed = matches ? then : otherwise;
    if (rejected || needed.isEmpty() || given(needed)) {
      return;
    }
    problems.report(
        "needs "
            + needed
            + (matches
                ? " when " + param + " is " + equals
                : " unless " + param + " is " + equals + " (then it needs " + then + ")"));
  }

  private boolean given(String name) {
    JsonNode node = object.get(name);
    return node != null && !node.isNull();
  }
}
