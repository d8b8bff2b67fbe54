package dev.toolsmith.runtime.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build check on the binary contract with compiled tool packs: the public signatures of the SPI
 * package, and of the API types generated code names, must equal the committed baseline of the
 * current {@link ToolPack#SPI_LEVEL} ({@code src/test/resources/spi/level-N.txt}).
 *
 * <p>A change, even an addition, means packs compiled against it need more than an older runtime of
 * the same level has, so it must come with a deliberate new level: raise {@code ToolPack.SPI_LEVEL}
 * (and the processor's {@code RuntimeNames.SPI_LEVEL}), then write the new baseline with {@code
 * UPDATE_SPI_BASELINE=true ./mvnw -pl mcp-runtime/core test} and review it.
 */
class SpiSignaturesTest {
  /** API types generated code names; only their declarations are part of the contract. */
  private static final List<String> API_TYPES =
      List.of(
          "dev.toolsmith.runtime.ToolResult",
          "dev.toolsmith.runtime.PromptResult",
          "dev.toolsmith.runtime.ResourceContents",
          "dev.toolsmith.runtime.Completion",
          "dev.toolsmith.runtime.Identity",
          "dev.toolsmith.runtime.session.Session");

  /**
   * API types generated code calls methods of; their whole public surface is part of the contract.
   */
  private static final List<String> CALLED_API_TYPES =
      List.of("dev.toolsmith.runtime.RequestContext");

  @Test
  void signatures_matchTheBaselineOfTheCurrentSpiLevel() throws Exception {
    String actual = String.join("\n", signatures()) + "\n";
    Path baseline =
        Path.of("src", "test", "resources", "spi", "level-" + ToolPack.SPI_LEVEL + ".txt");
    if (Boolean.parseBoolean(System.getenv("UPDATE_SPI_BASELINE"))) {
      Files.writeString(baseline, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(baseline)
        .as(
            "the baseline of SPI level %s; create it with UPDATE_SPI_BASELINE=true",
            ToolPack.SPI_LEVEL)
        .exists();
    assertThat(actual)
        .as(
            "The SPI's public signatures differ from SPI level %s's baseline (%s). Packs on Maven Central link "
                + "against them: raise ToolPack.SPI_LEVEL and RuntimeNames.SPI_LEVEL, then regenerate the baseline with "
                + "UPDATE_SPI_BASELINE=true",
            ToolPack.SPI_LEVEL, baseline)
        .isEqualTo(Files.readString(baseline, StandardCharsets.UTF_8));
  }

  @Test
  void levels_areConsistent() {
    assertThat(ToolPack.OLDEST_SUPPORTED_SPI_LEVEL).isBetween(1, ToolPack.SPI_LEVEL);
  }

  private static List<String> signatures() throws ClassNotFoundException, IOException {
    TreeSet<String> lines = new TreeSet<>();
    for (Class<?> type : spiTypes()) {
      describe(type, true, lines);
    }
    for (String name : API_TYPES) {
      describe(Class.forName(name), false, lines);
    }
    for (String name : CALLED_API_TYPES) {
      describe(Class.forName(name), true, lines);
    }
    return new ArrayList<>(lines);
  }

  private static List<Class<?>> spiTypes() throws ClassNotFoundException, IOException {
    Path folder = Path.of("target", "classes", "dev", "toolsmith", "runtime", "spi");
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        String name = file.getFileName().toString();
        if (name.endsWith(".class") && !name.equals("package-info.class")) {
          Class<?> type =
              Class.forName("dev.toolsmith.runtime.spi." + name.substring(0, name.length() - 6));
          if (isVisible(type.getModifiers())
              && (type.getEnclosingClass() == null
                  || isVisible(type.getEnclosingClass().getModifiers()))) {
            types.add(type);
          }
        }
      }
    }
    return types;
  }

  private static void describe(Class<?> type, boolean members, TreeSet<String> lines) {
    String name = type.getName();
    StringBuilder declaration =
        new StringBuilder(name)
            .append(": ")
            .append(Modifier.toString(type.getModifiers() & ~Modifier.INTERFACE))
            .append(type.isInterface() ? " interface" : type.isEnum() ? " enum" : " class");
    if (type.getGenericSuperclass() != null
        && type.getSuperclass() != Object.class
        && !type.isEnum()) {
      declaration.append(" extends ").append(type.getGenericSuperclass().getTypeName());
    }
    for (java.lang.reflect.Type implemented : type.getGenericInterfaces()) {
      declaration.append(" implements ").append(implemented.getTypeName());
    }
    lines.add(declaration.toString());
    if (!members) {
      return;
    }
    for (Field field : type.getDeclaredFields()) {
      if (isVisible(field.getModifiers()) && !field.isSynthetic()) {
        lines.add(name + ": " + field.toGenericString());
      }
    }
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      if (isVisible(constructor.getModifiers()) && !constructor.isSynthetic()) {
        lines.add(name + ": " + constructor.toGenericString());
      }
    }
    for (Method method : type.getDeclaredMethods()) {
      if (isVisible(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()) {
        lines.add(name + ": " + method.toGenericString());
      }
    }
  }

  private static boolean isVisible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }
}
