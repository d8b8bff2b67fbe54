package dev.toolsmith.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The list entries of resources, templates and prompts, as {@code resources/list} and {@code
 * prompts/list} show them.
 */
final class FeatureDescriptors {
  private FeatureDescriptors() {}

  /**
   * Returns a resource's {@code resources/list} entry, or a template's {@code
   * resources/templates/list} entry.
   */
  static Map<String, Object> resource(FeatureModel.Resource resource) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put(resource.isTemplate() ? "uriTemplate" : "uri", resource.uri());
    entry.put("name", resource.name());
    putIfPresent(entry, "title", resource.title());
    putIfPresent(entry, "description", resource.description());
    putIfPresent(entry, "mimeType", resource.mimeType());
    return entry;
  }

  /** Returns a prompt's {@code prompts/list} entry. */
  static Map<String, Object> prompt(FeatureModel.Prompt prompt) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", prompt.name());
    putIfPresent(entry, "title", prompt.title());
    putIfPresent(entry, "description", prompt.description());
    List<Map<String, Object>> arguments = new ArrayList<>();
    for (FeatureModel.Argument argument : prompt.arguments()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("name", argument.name());
      putIfPresent(item, "description", argument.description());
      item.put("required", argument.required());
      arguments.add(item);
    }
    if (!arguments.isEmpty()) {
      entry.put("arguments", arguments);
    }
    return entry;
  }

  private static void putIfPresent(Map<String, Object> entry, String key, String value) {
    if (value != null && !value.isEmpty()) {
      entry.put(key, value);
    }
  }
}
