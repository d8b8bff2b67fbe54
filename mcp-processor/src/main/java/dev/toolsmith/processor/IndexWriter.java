package dev.toolsmith.processor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the tool-pack index: one {@code META-INF/toolsmith/<class>.json} per class, holding its
 * tools in {@code tools/list} shape (and its resources, templates and prompts in theirs), as soon
 * as the class is processed; and, once the last round is over, the sorted {@code META-INF/services}
 * entry listing every pack {@code ServiceLoader} can create.
 */
final class IndexWriter {
  private final Filer filer;
  private final SortedSet<String> services = new TreeSet<>();
  private final List<Element> serviceOrigins = new ArrayList<>();

  IndexWriter(Filer filer) {
    this.filer = filer;
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
    FileObject file =
        filer.createResource(
            StandardLocation.CLASS_OUTPUT,
            "",
            RuntimeNames.INDEX_FOLDER + toolClass + ".json",
            origin);
    try (Writer out =
        new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
      out.write(JsonText.print(index));
    }
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
    for (String earlier : earlierServices()) {
      if (elements.getTypeElement(earlier) != null) {
        all.add(earlier);
      }
    }
    if (all.isEmpty()) {
      return;
    }
    FileObject file =
        filer.createResource(
            StandardLocation.CLASS_OUTPUT,
            "",
            RuntimeNames.SERVICE_FILE,
            serviceOrigins.toArray(new Element[0]));
    try (Writer out =
        new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
      for (String service : all) {
        out.write(service);
        out.write('\n');
      }
    }
  }

  /** Returns the packs the services file in the class output lists, or none when it has none. */
  private List<String> earlierServices() {
    List<String> earlier = new ArrayList<>();
    try {
      FileObject file =
          filer.getResource(StandardLocation.CLASS_OUTPUT, "", RuntimeNames.SERVICE_FILE);
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
