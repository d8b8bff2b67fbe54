package dev.toolsmith.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Loads test sources and compiles them with the processor, the way a user's build would. */
final class Fixtures {
  private static final List<String> SUPPORT =
      List.of(
          "jakarta/validation/constraints/Min.java", "jakarta/validation/constraints/Max.java",
          "jakarta/validation/constraints/Positive.java",
              "jakarta/validation/constraints/PositiveOrZero.java",
          "jakarta/validation/constraints/Negative.java",
              "jakarta/validation/constraints/NegativeOrZero.java",
          "jakarta/validation/constraints/NotBlank.java",
              "jakarta/validation/constraints/NotEmpty.java",
          "jakarta/validation/constraints/Email.java", "jakarta/validation/constraints/Size.java",
          "jakarta/validation/constraints/Pattern.java",
              "jakarta/validation/constraints/DecimalMin.java",
          "jakarta/validation/constraints/DecimalMax.java",
              "org/jspecify/annotations/Nullable.java");

  /** The services file that lists the packs {@code ServiceLoader} can create. */
  static final String SERVICES = "META-INF/services/dev.toolsmith.runtime.spi.ToolPack";

  private Fixtures() {}

  /** Returns a source from {@code src/test/resources/good}. */
  static JavaFileObject good(String path) {
    return resource("good/" + path);
  }

  /** Returns an inline source. */
  static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  /** Compiles sources (plus the constraint and nullness stand-ins) with the Toolsmith processor. */
  static Compilation compile(JavaFileObject... sources) {
    return compileWith(List.of(), sources);
  }

  /**
   * Compiles as {@link #compile}, with processor options such as {@code -Atoolsmith.targets=...}.
   */
  static Compilation compileWith(List<String> options, JavaFileObject... sources) {
    List<JavaFileObject> all = new ArrayList<>(List.of(sources));
    for (String support : SUPPORT) {
      all.add(resource("support/" + support));
    }
    List<String> allOptions = new ArrayList<>(List.of("-Xlint:all,-processing", "-parameters"));
    allOptions.addAll(options);
    return javac().withProcessors(new McpToolProcessor()).withOptions(allOptions).compile(all);
  }

  /**
   * Returns the one pack a successful compilation generated, loaded the way a server finds it:
   * through {@code ServiceLoader} and the services file the processor wrote.
   */
  static dev.toolsmith.runtime.spi.ToolPack onlyPack(Compilation compilation) {
    ClassLoader loader =
        new CompiledClassLoader(compilation.generatedFiles(), Fixtures.class.getClassLoader());
    return java.util.ServiceLoader.load(dev.toolsmith.runtime.spi.ToolPack.class, loader)
        .iterator()
        .next();
  }

  /**
   * Returns the text of a generated resource such as {@code
   * META-INF/toolsmith/com.acme.Weather.json}.
   */
  static String generatedResource(Compilation compilation, String path) {
    return compilation
        .generatedFile(StandardLocation.CLASS_OUTPUT, path)
        .map(Fixtures::content)
        .orElseThrow(() -> new AssertionError("not generated: " + path));
  }

  /** Returns the text of a generated source by its qualified class name. */
  static String generatedSource(Compilation compilation, String qualifiedName) {
    return compilation
        .generatedSourceFile(qualifiedName)
        .map(Fixtures::content)
        .orElseThrow(() -> new AssertionError("not generated: " + qualifiedName));
  }

  static String content(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String resource) {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JavaFileObject resource(String path) {
    URL url = Fixtures.class.getClassLoader().getResource(path);
    if (url == null) {
      throw new IllegalArgumentException("no test resource " + path);
    }
    return JavaFileObjects.forResource(url);
  }
}
