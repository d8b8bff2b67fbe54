package dev.toolsmith.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites a JSON Schema 2020-12 the processor wrote into the form a target profile takes: keywords
 * the target keeps stay, and what the others said moves into the description in words ("One of:
 * "economy", "express". At least 1."), so the model still reads it while the generated decoder
 * still enforces it. For OpenAI strict mode every property becomes required, an optional one
 * nullable, as strict mode asks.
 *
 * <p>Only schemas {@link TargetChecker} passed get here: no maps, no free JSON and, where the
 * target has no references, no {@code $ref}.
 */
final class TargetSchemas {
  private TargetSchemas() {}

  /** Returns the schema in the target's form; the input is not changed. */
  static Map<String, Object> downlevel(TargetProfile profile, Map<String, Object> schema) {
    if (!profile.keywords.contains("$ref") && schema.get("$defs") instanceof Map<?, ?> defs) {
      schema = SchemaRefs.inline(schema, asMap(defs));
    }
    return downlevelLevel(profile, schema);
  }

  private static Map<String, Object> downlevelLevel(
      TargetProfile profile, Map<String, Object> schema) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    for (Map.Entry<String, Object> entry : schema.entrySet()) {
      String key = entry.getKey();
      Object value = entry.getValue();
      if (key.equals("description")) {
        out.put(key, value);
      } else if (!profile.keywords.contains(key)
          || (key.equals("format") && !profile.formats.contains(value))
          || (key.equals("additionalProperties") && !(value instanceof Boolean))) {
        String note = key.equals("if") ? conditionNote(schema) : note(key, value);
        if (note != null) {
          notes.add(note);
        }
      } else if (key.equals("properties") || key.equals("$defs")) {
        out.put(key, downlevelEach(profile, asMap(value)));
      } else if (key.equals("items")) {
        out.put(key, downlevelLevel(profile, asMap(value)));
      } else {
        out.put(key, value);
      }
    }
    if (!notes.isEmpty()) {
      Object described = out.get("description");
      String text =
          (described == null ? "" : described + (described.toString().endsWith(".") ? " " : ". "))
              + String.join(" ", notes);
      Map<String, Object> ordered = new LinkedHashMap<>();
      for (Map.Entry<String, Object> entry : out.entrySet()) {
        if (entry.getKey().equals("description")) {
          continue;
        }
        ordered.put(entry.getKey(), entry.getValue());
        if (entry.getKey().equals("type")) {
          ordered.put("description", text);
        }
      }
      ordered.putIfAbsent("description", text);
      out = ordered;
    }
    if (profile == TargetProfile.OPENAI_STRICT && "object".equals(out.get("type"))) {
      requireEveryProperty(out);
    }
    return out;
  }

  private static Map<String, Object> downlevelEach(
      TargetProfile profile, Map<String, Object> schemas) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : schemas.entrySet()) {
      out.put(entry.getKey(), downlevelLevel(profile, asMap(entry.getValue())));
    }
    return out;
  }

  /** Strict mode: every property in {@code required}, the optional ones allowing {@code null}. */
  private static void requireEveryProperty(Map<String, Object> object) {
    Map<String, Object> properties =
        object.containsKey("properties") ? asMap(object.get("properties")) : Map.of();
    List<?> required = object.get("required") instanceof List<?> list ? list : List.of();
    Map<String, Object> rewritten = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : properties.entrySet()) {
      Map<String, Object> property = asMap(entry.getValue());
      rewritten.put(
          entry.getKey(), required.contains(entry.getKey()) ? property : nullable(property));
    }
    object.put("properties", rewritten);
    object.put("required", new ArrayList<>(properties.keySet()));
    object.put("additionalProperties", false);
  }

  private static Map<String, Object> nullable(Map<String, Object> property) {
    if (property.containsKey("$ref")) {
      Map<String, Object> either = new LinkedHashMap<>();
      either.put("anyOf", List.of(property, Map.of("type", "null")));
      return either;
    }
    Map<String, Object> out = new LinkedHashMap<>(property);
    if (out.get("type") instanceof String type) {
      out.put("type", List.of(type, "null"));
    }
    if (out.get("enum") instanceof List<?> values) {
      List<Object> withNull = new ArrayList<>(values);
      withNull.add(new JsonText.Number("null"));
      out.put("enum", withNull);
    }
    return out;
  }

  /** Returns the words that restate a keyword the target drops, or null for one that says none. */
  private static String note(String key, Object raw) {
    Object value = raw instanceof JsonText.Number number ? number.text() : raw;
    return switch (key) {
      case "enum" -> "One of: " + quotedList(value) + ".";
      case "format" -> "Format: " + value + ".";
      case "minimum" -> "At least " + value + ".";
      case "maximum" -> "At most " + value + ".";
      case "exclusiveMinimum" -> "Greater than " + value + ".";
      case "exclusiveMaximum" -> "Less than " + value + ".";
      case "multipleOf" -> "A multiple of " + value + ".";
      case "minLength" -> "At least " + count(value, "character") + ".";
      case "maxLength" -> "At most " + count(value, "character") + ".";
      case "pattern" -> "Matches the regular expression " + value + ".";
      case "minItems" -> "At least " + count(value, "item") + ".";
      case "maxItems" -> "At most " + count(value, "item") + ".";
      case "uniqueItems" -> Boolean.TRUE.equals(value) ? "No duplicates." : null;
      case "default" -> "Default: " + (value instanceof String text ? quoted(text) : value) + ".";
      case "contentEncoding" -> "Encoded as " + value + ".";
      // additionalProperties: false only tightens, and the generated decoder still refuses
      // unknown properties. $ref and $defs reach here only when violations are warnings.
      case "additionalProperties", "$schema", "$ref", "$defs", "x-mcp-header", "$anchor" -> null;
      // Said with "if", which sees all three.
      case "then", "else" -> null;
      case "allOf" -> anyOfNote(value);
      default -> key + ": " + value + ".";
    };
  }

  /** Restates the {@code allOf} of {@code @McpRequireAnyOf} groups: "Give at least one of a, b." */
  private static String anyOfNote(Object allOf) {
    List<String> notes = new ArrayList<>();
    for (Object part : (List<?>) allOf) {
      List<String> names = new ArrayList<>();
      if (part instanceof Map<?, ?> group && group.get("anyOf") instanceof List<?> alternatives) {
        for (Object alternative : alternatives) {
          if (alternative instanceof Map<?, ?> one && one.get("required") instanceof List<?> list) {
            list.forEach(name -> names.add(String.valueOf(name)));
          }
        }
      }
      notes.add(
          names.isEmpty()
              ? "allOf: " + part + "."
              : "Give at least one of: " + String.join(", ", names) + ".");
    }
    return String.join(" ", notes);
  }

  /**
   * Restates {@code if}/{@code then}/{@code else} as {@code @McpRequiredIf} writes them: "When
   * contactMethod is "phone", phone is required; otherwise email is."
   */
  private static String conditionNote(Map<String, Object> schema) {
    Map<String, Object> condition = asMap(schema.get("if"));
    Map<String, Object> properties = asMap(condition.get("properties"));
    Map.Entry<String, Object> decider = properties.entrySet().iterator().next();
    Object value = asMap(decider.getValue()).get("const");
    String shown =
        value instanceof String text
            ? quoted(text)
            : value instanceof JsonText.Number number ? number.text() : String.valueOf(value);
    StringBuilder note =
        new StringBuilder("When ")
            .append(decider.getKey())
            .append(" is ")
            .append(shown)
            .append(", ")
            .append(required(schema.get("then")))
            .append(" is required");
    if (schema.get("else") != null) {
      note.append("; otherwise ").append(required(schema.get("else"))).append(" is");
    }
    return note.append('.').toString();
  }

  private static String required(Object schema) {
    List<String> names = new ArrayList<>();
    ((List<?>) asMap(schema).get("required")).forEach(name -> names.add(String.valueOf(name)));
    return String.join(", ", names);
  }

  private static String count(Object value, String noun) {
    return value + " " + noun + ("1".equals(String.valueOf(value)) ? "" : "s");
  }

  private static String quotedList(Object value) {
    List<String> items = new ArrayList<>();
    for (Object item : (List<?>) value) {
      items.add(item instanceof String text ? quoted(text) : String.valueOf(item));
    }
    return String.join(", ", items);
  }

  private static String quoted(String text) {
    StringBuilder out = new StringBuilder();
    JsonText.quote(out, text);
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return (Map<String, Object>) value;
  }
}
