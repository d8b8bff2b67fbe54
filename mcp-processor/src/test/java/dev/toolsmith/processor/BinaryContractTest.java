package dev.toolsmith.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated packs are published to Maven Central and run against later runtimes, so what their
 * class files link against is a contract: {@code java.*}, the SPI, the values tool methods exchange
 * with the runtime, and whatever the user's own class already uses (a Jackson {@code JsonNode}
 * parameter, a Lambda {@code Context}). This compiles every fixture and reads the class files.
 */
class BinaryContractTest {
  /**
   * The user-facing API types generated code may name, besides the SPI package. {@code Identity}
   * and {@code Session} travel through generated code only as values, so its class files name them
   * only when a signature does.
   */
  static final Set<String> API_TYPES =
      Set.of(
          "dev.toolsmith.runtime.ToolResult",
          "dev.toolsmith.runtime.PromptResult",
          "dev.toolsmith.runtime.ResourceContents",
          "dev.toolsmith.runtime.Completion",
          "dev.toolsmith.runtime.RequestContext",
          "dev.toolsmith.runtime.Identity",
          "dev.toolsmith.runtime.session.Session");

  @Test
  void generatedPacks_linkOnlyAgainstJavaTheSpiTheApiAndWhatTheToolClassUses(@TempDir Path classes)
      throws IOException {
    Compilation compilation =
        Fixtures.compile(
            Fixtures.good("com/acme/Board.java"),
            Fixtures.good("com/acme/Counter.java"),
            Fixtures.good("com/acme/Greeter.java"),
            Fixtures.good("com/acme/Kitchen.java"),
            Fixtures.good("com/acme/Library.java"),
            Fixtures.good("com/acme/Trips.java"),
            Fixtures.good("com/acme/Weather.java"),
            Fixtures.good("com/acme/nested/Outer.java"));
    assertThat(compilation).succeeded();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        Path target = classes.resolve(file.getName().replaceFirst("^/?CLASS_OUTPUT/", ""));
        Files.createDirectories(target.getParent());
        try (InputStream in = file.openInputStream()) {
          Files.copy(in, target);
        }
      }
    }
    JavaClasses imported = new ClassFileImporter().importPath(classes);

    Set<String> violations = new TreeSet<>();
    Set<String> apiUsed = new TreeSet<>();
    int packs = 0;
    for (JavaClass pack : imported) {
      if (!pack.getSimpleName().endsWith("_McpTools")) {
        continue;
      }
      packs++;
      Set<String> userDependencies = dependenciesOf(userClassOf(pack, imported));
      for (String target : dependenciesOf(pack)) {
        if (API_TYPES.contains(target)) {
          apiUsed.add(target);
        } else if (!allowed(target) && !userDependencies.contains(target)) {
          violations.add(pack.getName() + " -> " + target);
        }
      }
    }

    assertThat(packs).isEqualTo(8);
    assertThat(violations).as("generated code linking outside the binary contract").isEmpty();
    assertThat(apiUsed)
        .as("API types the fixtures' packs name")
        .contains(
            "dev.toolsmith.runtime.ToolResult",
            "dev.toolsmith.runtime.RequestContext",
            "dev.toolsmith.runtime.Completion");
  }

  private static boolean allowed(String type) {
    return type.startsWith("java.")
        || type.equals("javax.annotation.processing.Generated")
        || type.startsWith("dev.toolsmith.runtime.spi.")
        || type.startsWith("com.acme.");
  }

  private static JavaClass userClassOf(JavaClass pack, JavaClasses imported) {
    String name = pack.getName().substring(0, pack.getName().length() - "_McpTools".length());
    int underscore = name.lastIndexOf('_');
    // Nested tool classes: com.acme.nested.Outer_Inner_McpTools serves com.acme.nested.Outer$Inner.
    String nested =
        underscore > name.lastIndexOf('.')
            ? name.substring(0, underscore) + "$" + name.substring(underscore + 1)
            : name;
    for (JavaClass candidate : imported) {
      if (candidate.getName().equals(name) || candidate.getName().equals(nested)) {
        return candidate;
      }
    }
    throw new AssertionError("No tool class for " + pack.getName());
  }

  private static Set<String> dependenciesOf(JavaClass type) {
    Set<String> names = new TreeSet<>();
    for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
      JavaClass target = dependency.getTargetClass();
      while (target.isArray()) {
        target = target.getComponentType();
      }
      if (!target.isPrimitive()) {
        names.add(target.getName().replaceAll("\\$.*", ""));
      }
    }
    return names;
  }
}
