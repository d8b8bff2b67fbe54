package dev.toolsmith.processor;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes, for each target profile the build turned on, the tools in the form that target is given
 * them: one file per class ({@code META-INF/toolsmith/<target>/<class>.json}) and, after the last
 * round, one merged {@code tools.json} per module, ready to paste or upload:
 *
 * <ul>
 *   <li>{@code agentcore-gateway}: the array of tool definitions a Gateway Lambda target takes
 *       ({@code name}, {@code description}, {@code inputSchema}, {@code outputSchema});
 *   <li>{@code openai-strict}: an array of function tools with {@code strict: true};
 *   <li>{@code gemini}: a {@code functionDeclarations} tool.
 * </ul>
 *
 * The merged file also takes the per-class files an earlier compilation into the same output wrote
 * for classes this one did not recompile, so an incremental build merges what a full one would.
 */
final class TargetExports {
  static final String MERGED = "tools.json";

  private final Filer filer;
  private final Set<TargetProfile> profiles;
  private final Map<TargetProfile, Map<String, String>> entriesByClass = new LinkedHashMap<>();
  private final List<Element> origins = new ArrayList<>();

  TargetExports(Filer filer, Set<TargetProfile> profiles) {
    this.filer = filer;
    this.profiles = profiles;
    for (TargetProfile profile : profiles) {
      entriesByClass.put(profile, new TreeMap<>());
    }
  }

  /** Writes a class's per-target files and keeps its entries for the merged ones. */
  void add(String toolClass, List<Map<String, Object>> descriptors, Element origin)
      throws IOException {
    if (profiles.isEmpty()) {
      return;
    }
    origins.add(origin);
    for (TargetProfile profile : profiles) {
      List<Object> entries = new ArrayList<>();
      for (Map<String, Object> descriptor : descriptors) {
        entries.add(entry(profile, descriptor));
      }
      String text = JsonText.print(entries);
      entriesByClass.get(profile).put(toolClass, text);
      write(profile.exportFolder() + toolClass + ".json", text, origin);
    }
  }

  /**
   * Writes each target's merged file: this compilation's classes and the earlier ones named.
   *
   * @param earlierClasses classes an earlier compilation processed and this one did not recompile
   */
  void writeMerged(Collection<String> earlierClasses) throws IOException {
    for (TargetProfile profile : profiles) {
      Map<String, String> all = new TreeMap<>(entriesByClass.get(profile));
      for (String earlier : earlierClasses) {
        String text = OutputFiles.read(filer, profile.exportFolder() + earlier + ".json");
        if (text != null) {
          all.putIfAbsent(earlier, text);
        }
      }
      if (all.isEmpty()) {
        // No pack here, such as a test compilation sharing the compiler arguments: an empty
        // tools.json would shadow the main one on a test class path.
        continue;
      }
      List<String> items = new ArrayList<>();
      for (String text : all.values()) {
        String inner = inner(text);
        if (!inner.isEmpty()) {
          items.add(inner);
        }
      }
      String array = items.isEmpty() ? "[]" : "[\n" + String.join(",\n", items) + "\n]";
      String merged =
          profile == TargetProfile.GEMINI
              ? "{\n  \"functionDeclarations\": " + array.replace("\n", "\n  ") + "\n}\n"
              : array + "\n";
      write(profile.exportFolder() + MERGED, merged, origins.toArray(new Element[0]));
    }
  }

  /** Returns one tool as the target takes it. */
  private static Map<String, Object> entry(TargetProfile profile, Map<String, Object> tool) {
    Map<String, Object> entry = new LinkedHashMap<>();
    @SuppressWarnings("unchecked")
    Map<String, Object> input =
        TargetSchemas.downlevel(profile, (Map<String, Object>) tool.get("inputSchema"));
    if (profile == TargetProfile.OPENAI_STRICT) {
      entry.put("type", "function");
    }
    entry.put("name", tool.get("name"));
    entry.put("description", tool.getOrDefault("description", ""));
    switch (profile) {
      case AGENTCORE_GATEWAY -> {
        entry.put("inputSchema", input);
        if (tool.get("outputSchema") instanceof Map<?, ?> output) {
          @SuppressWarnings("unchecked")
          Map<String, Object> schema = (Map<String, Object>) output;
          entry.put("outputSchema", TargetSchemas.downlevel(profile, schema));
        }
      }
      case OPENAI_STRICT -> {
        entry.put("parameters", input);
        entry.put("strict", true);
      }
      case GEMINI -> entry.put("parameters", input);
    }
    return entry;
  }

  /** Returns the entries of a printed array, without its brackets, still indented. */
  private static String inner(String array) {
    String trimmed = array.strip();
    return trimmed.substring(1, trimmed.length() - 1).replaceAll("^\n|\n$", "").stripTrailing();
  }

  private void write(String path, String text, Element... originating) throws IOException {
    FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path, originating);
    try (Writer out = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
      out.write(text);
    }
  }
}
