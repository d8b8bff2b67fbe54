package dev.toolsmith.runtime.testing;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;

/** The architecture rules every runtime module's own classes must keep, checked by its tests. */
public final class Architecture {
  private Architecture() {}

  /**
   * Fails when the packages of this module's main classes ({@code target/classes}, the working
   * directory being the module's) depend on each other in a cycle, naming the classes that close
   * it.
   */
  public static void assertNoPackageCycles() {
    assertNoPackageCycles(Path.of("target", "classes"));
  }

  /** Fails when the packages of the classes under a directory depend on each other in a cycle. */
  public static void assertNoPackageCycles(Path classes) {
    if (!Files.isDirectory(classes)) {
      throw new AssertionError(
          "No "
              + classes.toAbsolutePath()
              + ": run the test from the module's directory, "
              + "after compiling.");
    }
    JavaClasses imported = new ClassFileImporter().importPath(classes);
    slices().matching("dev.toolsmith.(**)").should().beFreeOfCycles().check(imported);
  }
}
