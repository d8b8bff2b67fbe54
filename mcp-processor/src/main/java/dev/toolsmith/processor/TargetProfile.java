package dev.toolsmith.processor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A place a tool's schema goes that accepts less than JSON Schema 2020-12, with what it cannot
 * express at all (reported by {@link TargetChecker}) and the keywords it keeps (everything else is
 * restated in the description by {@link TargetSchemas}). docs/targets.md gives each rule's source.
 */
enum TargetProfile {
  /**
   * Amazon Bedrock AgentCore Gateway Lambda targets: the {@code SchemaDefinition} of the
   * control-plane API has {@code type}, {@code description}, {@code properties}, {@code required}
   * and {@code items} only.
   */
  AGENTCORE_GATEWAY(
      "agentcore-gateway",
      "AgentCore Gateway",
      false,
      Set.of("type", "description", "properties", "required", "items"),
      Set.of()),
  /**
   * OpenAI strict function calling ({@code strict: true}): every property required (optional ones
   * nullable), {@code additionalProperties: false} on every object, a restricted keyword set.
   */
  OPENAI_STRICT(
      "openai-strict",
      "OpenAI strict mode",
      true,
      Set.of(
          "type",
          "description",
          "properties",
          "required",
          "additionalProperties",
          "items",
          "enum",
          "anyOf",
          "$ref",
          "$defs",
          "pattern",
          "format",
          "minimum",
          "maximum",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "multipleOf",
          "minItems",
          "maxItems"),
      Set.of("date-time", "time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "uuid")),
  /**
   * Gemini function declarations: the OpenAPI 3.0 {@code Schema} subset of the Gemini API, without
   * references.
   */
  GEMINI(
      "gemini",
      "Gemini",
      false,
      Set.of(
          "type",
          "description",
          "properties",
          "required",
          "items",
          "enum",
          "format",
          "nullable",
          "minimum",
          "maximum",
          "minItems",
          "maxItems"),
      Set.of("date-time"));

  /** The processor option that lists the profiles to check and export. */
  static final String OPTION = "toolsmith.targets";

  /** The processor option that makes violations warnings instead of errors. */
  static final String VIOLATIONS_OPTION = "toolsmith.targetViolations";

  final String id;
  final String displayName;
  final boolean allowsRecursion;
  final Set<String> keywords;
  final Set<String> formats;

  TargetProfile(
      String id,
      String displayName,
      boolean allowsRecursion,
      Set<String> keywords,
      Set<String> formats) {
    this.id = id;
    this.displayName = displayName;
    this.allowsRecursion = allowsRecursion;
    this.keywords = keywords;
    this.formats = formats;
  }

  /** Returns the folder under {@code META-INF/toolsmith/} its export goes to. */
  String exportFolder() {
    return RuntimeNames.INDEX_FOLDER + id + "/";
  }

  /**
   * Parses the option's value, such as {@code "agentcore-gateway, openai-strict"}.
   *
   * @param unknown receives each name that is no profile
   */
  static Set<TargetProfile> parse(String option, List<String> unknown) {
    Set<TargetProfile> profiles = new LinkedHashSet<>();
    if (option == null) {
      return profiles;
    }
    for (String name : option.split(",")) {
      String id = name.strip().toLowerCase(Locale.ROOT);
      if (id.isEmpty()) {
        continue;
      }
      TargetProfile found = null;
      for (TargetProfile profile : values()) {
        found = profile.id.equals(id) ? profile : found;
      }
      if (found == null) {
        unknown.add(name.strip());
      } else {
        profiles.add(found);
      }
    }
    return profiles;
  }

  /** Returns the profiles' names, for messages. */
  static String names() {
    List<String> names = new ArrayList<>();
    for (TargetProfile profile : values()) {
      names.add(profile.id);
    }
    return String.join(", ", names);
  }
}
