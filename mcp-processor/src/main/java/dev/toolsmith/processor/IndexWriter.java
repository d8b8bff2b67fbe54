package dev.toolsmith.processor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the tool-pack index: one {@code META-INF/toolsmith/<class>.json} per class, holding its
 * tools in {@code tools/list} shape (and its resources, templates and prompts in theirs) and where
 * the pack comes from, as soon as the class is processed; and, once the last round is over, the
 * sorted {@code META-INF/services} entry listing every pack {@code ServiceLoader} can create and
 * the {@value RuntimeNames#TOOL_NAMES_FILE} ledger of every class's tool names.
 *
 * <p>Both files merge with what an earlier compilation into the same output wrote, keeping entries
 * whose classes still exist: an IDE or an incremental build recompiles only the files that changed,
 * and the packs (and tool names) of the others must survive the rewrite, as AutoService keeps them.
 */
final class IndexWriter {
  private final Filer filer;
  private final PackOrigin origin;
  private final SortedSet<String> services = new TreeSet<>();
  private final List<Element> serviceOrigins = new ArrayList<>();
  private final SortedMap<String, List<String>> toolNames = new TreeMap<>();
  private final List<Element> toolNameOrigins = new ArrayList<>();
  private final SortedMap<String, String> texts = new TreeMap<>();

  IndexWriter(Filer filer, PackOrigin origin) {
    this.filer = filer;
    this.origin = origin;
  }

  /**
   * Writes a class's index: its tools in {@code tools/list} shape, and, when it has them, its
   * resources, resource templates and prompts in the shape of their list methods.
   */
  void writeIndex(
      String toolClass,
      List<Map<String, Object>> tools,
      List<FeatureModel.Resource> resources,
      List<FeatureModel.Prompt> prompts,
      Element origin)
      throws IOException {
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("tools", tools);
    List<Map<String, Object>> statics = new ArrayList<>();
    List<Map<String, Object>> templates = new ArrayList<>();
    for (FeatureModel.Resource resource : resources) {
      (resource.isTemplate() ? templates : statics).add(FeatureDescriptors.resource(resource));
    }
    if (!statics.isEmpty()) {
      index.put("resources", statics);
    }
    if (!templates.isEmpty()) {
      index.put("resourceTemplates", templates);
    }
    List<Map<String, Object>> promptList = new ArrayList<>();
    for (FeatureModel.Prompt prompt : prompts) {
      promptList.add(FeatureDescriptors.prompt(prompt));
    }
    if (!promptList.isEmpty()) {
      index.put("prompts", promptList);
    }
    index.put("toolsmith", metadata());
    FileObject file =
        filer.createResource(
            StandardLocation.CLASS_OUTPUT,
            "",
            RuntimeNames.INDEX_FOLDER + toolClass + ".json",
            origin);
    try (Writer out =
        new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
      String text = JsonText.print(index);
      texts.put(toolClass, text);
      out.write(text);
    }
  }

  /** Where the pack comes from; not part of any list method's shape, so it comes last. */
  private Map<String, Object> metadata() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    if (!origin.coordinates().isEmpty()) {
      metadata.put("coordinates", origin.coordinates());
    }
    metadata.put("processorVersion", origin.processorVersion());
    metadata.put("spiLevel", RuntimeNames.SPI_LEVEL);
    return metadata;
  }

  /**
   * Returns every class's index text: this compilation's, and the earlier classes' as an earlier
   * compilation left them in the output.
   */
  Map<String, String> indexTexts(Collection<String> earlierClasses) {
    SortedMap<String, String> all = new TreeMap<>(texts);
    for (String earlier : earlierClasses) {
      if (!all.containsKey(earlier)) {
        String text = OutputFiles.read(filer, RuntimeNames.INDEX_FOLDER + earlier + ".json");
        if (text != null) {
          all.put(earlier, text);
        }
      }
    }
    return all;
  }

  /** Records the tool names of a class whose pack this compilation generated. */
  void addToolNames(String toolClass, List<String> names, Element origin) {
    toolNames.put(toolClass, List.copyOf(names));
    toolNameOrigins.add(origin);
  }

  void addService(String pack, Element origin) {
    services.add(pack);
    serviceOrigins.add(origin);
  }

  /**
   * Writes the services file: this compilation's packs, and those an earlier compilation listed
   * whose classes still exist. An IDE or an incremental build recompiles only the files that
   * changed, so the packs of the others must survive the rewrite (as AutoService keeps them); a
   * pack whose class is gone is dropped.
   */
  void writeServices(Elements elements) throws IOException {
    SortedSet<String> all = new TreeSet<>(services);
    for (String earlier : earlierLines(RuntimeNames.SERVICE_FILE)) {
      if (elements.getTypeElement(earlier) != null) {
        all.add(earlier);
      }
    }
    writeLines(RuntimeNames.SERVICE_FILE, new ArrayList<>(all), serviceOrigins);
  }

  /**
   * Returns the tool names an earlier compilation into this output recorded for classes that still
   * exist and that this compilation does not compile again, by class: the tools the cross-class
   * duplicate check must still see when only some files are recompiled.
   *
   * @param recompiled the top-level classes of this compilation
   */
  Map<String, List<String>> earlierToolNames(Elements elements, Set<String> recompiled) {
    Map<String, List<String>> earlier = new LinkedHashMap<>();
    for (String line : earlierLines(RuntimeNames.TOOL_NAMES_FILE)) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String toolClass = line.substring(0, colon).strip();
      TypeElement type = elements.getTypeElement(toolClass);
      if (type != null && !recompiled.contains(outermost(type))) {
        String names = line.substring(colon + 1).strip();
        earlier.put(toolClass, names.isEmpty() ? List.of() : List.of(names.split(" +")));
      }
    }
    return earlier;
  }

  /**
   * Writes the ledger of tool names, one {@code <class>: <tool> <tool>...} line per class: this
   * compilation's and the {@linkplain #earlierToolNames earlier} ones it did not replace.
   */
  void writeToolNames(Map<String, List<String>> earlier) throws IOException {
    SortedMap<String, List<String>> all = new TreeMap<>(earlier);
    all.putAll(toolNames);
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, List<String>> entry : all.entrySet()) {
      lines.add(entry.getKey() + ": " + String.join(" ", entry.getValue()));
    }
    writeLines(RuntimeNames.TOOL_NAMES_FILE, lines, toolNameOrigins);
  }

  /** Writes a file of lines into the class output, unless there are none. */
  private void writeLines(String path, List<String> lines, List<Element> origins)
      throws IOException {
    if (lines.isEmpty()) {
      return;
    }
    FileObject file =
        filer.createResource(
            StandardLocation.CLASS_OUTPUT, "", path, origins.toArray(new Element[0]));
    try (Writer out =
        new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
      for (String line : lines) {
        out.write(line);
        out.write('\n');
      }
    }
  }

  private static String outermost(TypeElement type) {
    Element top = type;
    while (top.getEnclosingElement() instanceof TypeElement enclosing) {
      top = enclosing;
    }
    return ((TypeElement) top).getQualifiedName().toString();
  }

  /**
   * Returns the lines of a file in the class output, without comments, or none when it has none.
   */
  private List<String> earlierLines(String path) {
    List<String> earlier = new ArrayList<>();
    try {
      FileObject file = filer.getResource(StandardLocation.CLASS_OUTPUT, "", path);
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(file.openInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          int comment = line.indexOf('#');
          String name = (comment < 0 ? line : line.substring(0, comment)).strip();
          if (!name.isEmpty()) {
            earlier.add(name);
          }
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      // No earlier compilation wrote one (or the build tool gives no class output to read).
    }
    return earlier;
  }
}
