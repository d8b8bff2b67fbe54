package dev.toolsmith.processor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The index of a pack's previous version, named by the processor option {@value #OPTION}: a jar, or
 * a directory (such as an unpacked jar or a {@code target/classes}) holding {@code
 * META-INF/toolsmith/<class>.json}. Read from the file system, never the network.
 */
final class Baseline {
  /** The processor option naming the previous version's jar or directory. */
  static final String OPTION = "toolsmith.baseline";

  /** The processor option that accepts breaking changes: {@code all}, or names of features. */
  static final String ACCEPT_OPTION = "toolsmith.acceptBreakingChanges";

  private Baseline() {}

  /**
   * Returns each class's index, by class name.
   *
   * @throws IOException when the location cannot be read, holds no index, or an index is not JSON
   */
  static Map<String, Map<String, Object>> read(Path location) throws IOException {
    Map<String, Map<String, Object>> indexes = new TreeMap<>();
    if (Files.isDirectory(location)) {
      Path folder = location.resolve(RuntimeNames.INDEX_FOLDER);
      if (Files.isDirectory(folder)) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
          for (Path file : files) {
            put(indexes, file.getFileName().toString(), Files.readString(file));
          }
        }
      }
    } else if (Files.isRegularFile(location)) {
      try (ZipFile jar = new ZipFile(location.toFile())) {
        for (Enumeration<? extends ZipEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
          ZipEntry entry = entries.nextElement();
          String name = entry.getName();
          if (name.startsWith(RuntimeNames.INDEX_FOLDER)
              && name.endsWith(".json")
              && name.indexOf('/', RuntimeNames.INDEX_FOLDER.length()) < 0) {
            try (InputStream in = jar.getInputStream(entry)) {
              put(
                  indexes,
                  name.substring(RuntimeNames.INDEX_FOLDER.length()),
                  new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
          }
        }
      }
    } else {
      throw new IOException("there is no file or directory " + location);
    }
    if (indexes.isEmpty()) {
      throw new IOException(
          location + " holds no " + RuntimeNames.INDEX_FOLDER + "<class>.json index");
    }
    return indexes;
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Map<String, Object>> indexes, String file, String json)
      throws IOException {
    Object index = JsonReader.read(json);
    if (!(index instanceof Map)) {
      throw new IOException(file + " is not a JSON object");
    }
    indexes.put(file.substring(0, file.length() - ".json".length()), (Map<String, Object>) index);
  }
}
