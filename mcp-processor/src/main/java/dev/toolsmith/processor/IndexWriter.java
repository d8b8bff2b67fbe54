package dev.toolsmith.processor;

import java.io.IOException;
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

  void writeServices() throws IOException {
    if (services.isEmpty()) {
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
      for (String service : services) {
        out.write(service);
        out.write('\n');
      }
    }
  }
}
