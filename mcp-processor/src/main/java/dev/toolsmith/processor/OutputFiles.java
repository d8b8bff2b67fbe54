package dev.toolsmith.processor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/** Reads what an earlier compilation left in the class output, for incremental builds. */
final class OutputFiles {
  private OutputFiles() {}

  /** Returns the file's text, or {@code null} when there is none (or no output to read). */
  static String read(Filer filer, String path) {
    try {
      FileObject file = filer.getResource(StandardLocation.CLASS_OUTPUT, "", path);
      try (InputStream in = file.openInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }
}
