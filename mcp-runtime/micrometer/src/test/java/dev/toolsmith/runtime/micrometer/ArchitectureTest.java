package dev.toolsmith.runtime.micrometer;

import dev.toolsmith.runtime.testing.Architecture;
import org.junit.jupiter.api.Test;

/** Keeps this module's packages free of dependency cycles (see {@link Architecture}). */
class ArchitectureTest {

  @Test
  void packages_formNoCycle() {
    Architecture.assertNoPackageCycles();
  }
}
