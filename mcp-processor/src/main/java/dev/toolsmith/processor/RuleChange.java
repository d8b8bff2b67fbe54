package dev.toolsmith.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a tool's rules across arguments ({@code allOf}, {@code if}/{@code then}/{@code else}, from
 * {@code @McpRequireAnyOf} and {@code @McpRequiredIf}) changed since the baseline. A new or changed
 * rule can refuse calls that worked, so it is breaking; one that went away only accepts more.
 *
 * @param breaking whether the change is breaking, not additive
 * @param what the change, in words
 */
record RuleChange(boolean breaking, String what) {
  private static final List<String> KEYWORDS = List.of("allOf", "if", "then", "else");

  /** Returns the change between two input schemas' rules, or null when they are the same. */
  static RuleChange between(Map<String, Object> was, Map<String, Object> is) {
    List<String> added = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    for (String key : KEYWORDS) {
      if (is.get(key) != null && !Objects.equals(was.get(key), is.get(key))) {
        added.add(key);
      } else if (was.get(key) != null && is.get(key) == null) {
        dropped.add(key);
      }
    }
    if (!added.isEmpty()) {
      return new RuleChange(
          true, "has a new or changed rule across arguments (" + String.join(", ", added) + ")");
    }
    if (!dropped.isEmpty()) {
      return new RuleChange(
          false, "no longer has a rule across arguments (" + String.join(", ", dropped) + ")");
    }
    return null;
  }
}
