package dev.toolsmith.processor;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the tool-pack index: one {@code META-INF/toolsmith/<class>.json} per tool class, in
 * {@code tools/list} shape, as soon as the class is processed; and, once the last round is over, the
 * sorted {@code META-INF/services} entry listing every pack {@code ServiceLoader} can create.
 */
final class IndexWriter {
  private final Filer filer;
  private final SortedSet<String> services = new TreeSet<>();
  private final List<Element> serviceOrigins = new ArrayList<>();

  IndexWriter(Filer filer) {
    this.filer = filer;
  }

  void writeToolList(String toolClass, List<Map<String, Object>> descriptors, Element origin) throws IOException {
    FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", RuntimeNames.INDEX_FOLDER + toolClass + ".json", origin);
    try (Writer out = new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
      out.write(JsonText.print(Map.of("tools", descriptors)));
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
    FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", RuntimeNames.SERVICE_FILE,
        serviceOrigins.toArray(new Element[0]));
    try (Writer out = new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
      for (String service : services) {
        out.write(service);
        out.write('\n');
      }
    }
  }
}
