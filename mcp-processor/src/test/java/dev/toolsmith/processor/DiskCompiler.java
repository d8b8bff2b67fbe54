package dev.toolsmith.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles files on disk into a directory, the way Maven and IDEs do, for what compile-testing's
 * in-memory compilations cannot show: output directories that outlive a compilation, and class
 * files of one module on the class path of the next.
 */
final class DiskCompiler {
  private DiskCompiler() {}

  /** Writes a source file under {@code root} from its package and lines. */
  static Path source(Path root, String qualifiedName, String... lines) throws IOException {
    Path file = root.resolve(qualifiedName.replace('.', '/') + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines));
    return file;
  }

  /**
   * Compiles into {@code out}, generated sources beside it, with {@code out} and {@code classPath}
   * on the class path, and returns javac's diagnostics.
   *
   * @param processor whether the Toolsmith processor runs
   */
  static String compile(Path out, List<Path> classPath, boolean processor, Path... files)
      throws IOException {
    return run(out, classPath, processor, true, files);
  }

  /** Compiles with the processor, as {@link #compile}, asserting that it fails. */
  static String compileExpectingFailure(Path out, List<Path> classPath, Path... files)
      throws IOException {
    return run(out, classPath, true, false, files);
  }

  private static String run(
      Path out, List<Path> classPath, boolean processor, boolean succeeds, Path... files)
      throws IOException {
    Files.createDirectories(out);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager manager =
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units =
          manager.getJavaFileObjectsFromPaths(List.of(files));
      List<String> path = new ArrayList<>();
      path.add(out.toString());
      for (Path entry : classPath) {
        path.add(entry.toString());
      }
      path.add(System.getProperty("java.class.path"));
      List<String> options = new ArrayList<>();
      options.add("-d");
      options.add(out.toString());
      options.add("-s");
      options.add(
          Files.createDirectories(out.resolveSibling(out.getFileName() + "-generated")).toString());
      options.add("-classpath");
      options.add(String.join(File.pathSeparator, path));
      options.add("-implicit:none");
      if (!processor) {
        options.add("-proc:none");
      }
      JavaCompiler.CompilationTask task =
          javac.getTask(diagnostics, manager, null, options, null, units);
      if (processor) {
        task.setProcessors(List.of(new McpToolProcessor()));
      }
      assertThat(task.call()).as(diagnostics.toString()).isEqualTo(succeeds);
    }
    return diagnostics.toString();
  }
}
