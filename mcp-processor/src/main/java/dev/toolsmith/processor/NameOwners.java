package dev.toolsmith.processor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.TypeElement;

/**
 * Who in a compilation already has each tool name, resource URI and prompt name, for the duplicate
 * checks across classes: a server lists every pack's features together, so two classes compiled
 * together must not share one. Each owner is described as the message names it.
 */
final class NameOwners {
  private final Map<String, String> tools = new LinkedHashMap<>();
  private final Map<String, String> resources = new LinkedHashMap<>();
  private final Map<String, String> prompts = new LinkedHashMap<>();

  /**
   * Counts the tools an earlier compilation into the same output gave classes this one does not
   * recompile, as a full build would.
   */
  void rememberEarlier(Map<String, List<String>> toolNamesByClass) {
    for (Map.Entry<String, List<String>> entry : toolNamesByClass.entrySet()) {
      for (String tool : entry.getValue()) {
        tools.putIfAbsent(tool, entry.getKey() + ", compiled earlier into the same output");
      }
    }
  }

  /** Returns who has the tool name, or null. */
  String toolOwner(String name) {
    return tools.get(name);
  }

  /** Adds a validated resource unless its URI is taken in this class or the compilation. */
  void addResource(
      FeatureModel.Resource resource,
      TypeElement type,
      List<FeatureModel.Resource> classResources,
      Report report) {
    if (resource == null) {
      return;
    }
    String owner = resources.get(resource.uri());
    for (FeatureModel.Resource other : classResources) {
      owner =
          other.uri().equals(resource.uri())
              ? type.getQualifiedName() + "." + other.methodName()
              : owner;
    }
    if (owner != null) {
      report.add(Message.DUPLICATE_RESOURCE, resource.method(), resource.uri(), owner);
      return;
    }
    classResources.add(resource);
  }

  /** Adds a validated prompt unless its name is taken in this class or the compilation. */
  void addPrompt(
      FeatureModel.Prompt prompt,
      TypeElement type,
      List<FeatureModel.Prompt> classPrompts,
      Report report) {
    if (prompt == null) {
      return;
    }
    String owner = prompts.get(prompt.name());
    for (FeatureModel.Prompt other : classPrompts) {
      owner =
          other.name().equals(prompt.name())
              ? type.getQualifiedName() + "." + other.methodName()
              : owner;
    }
    if (owner != null) {
      report.add(Message.DUPLICATE_PROMPT_NAME, prompt.method(), prompt.name(), owner);
      return;
    }
    classPrompts.add(prompt);
  }

  /** Records the names of a class whose pack was generated. */
  void claim(
      TypeElement type,
      List<ToolModel> classTools,
      List<FeatureModel.Resource> classResources,
      List<FeatureModel.Prompt> classPrompts) {
    String owner = type.getQualifiedName().toString();
    for (ToolModel tool : classTools) {
      tools.put(tool.name(), owner + "." + tool.methodName() + " in this compilation");
    }
    for (FeatureModel.Resource resource : classResources) {
      resources.put(resource.uri(), owner + "." + resource.methodName());
    }
    for (FeatureModel.Prompt prompt : classPrompts) {
      prompts.put(prompt.name(), owner + "." + prompt.methodName());
    }
  }
}
