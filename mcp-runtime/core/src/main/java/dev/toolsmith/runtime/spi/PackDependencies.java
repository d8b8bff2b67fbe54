package dev.toolsmith.runtime.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The values a server provides for the constructors of discovered tool classes, by type: how a pack
 * found on the class path gets its settings and clients without a no-argument constructor.
 *
 * <pre>{@code
 * public class AcmeTools {
 *   public AcmeTools(AcmeSettings settings) { ... } // discovered, and built with the server's
 * }
 * McpServer.builder().provide(AcmeSettings.class, AcmeSettings.fromEnvironment()).build();
 * }</pre>
 *
 * <p>Values are looked up by the exact type the constructor declares, so provide a data source as
 * {@code provide(DataSource.class, pool)}, not as its implementation class.
 */
@UsedByGeneratedCode
public final class PackDependencies {
  private static final PackDependencies NONE = new PackDependencies(Map.of());

  private final Map<Class<?>, Object> values;

  private PackDependencies(Map<Class<?>, Object> values) {
    this.values = values;
  }

  /** Returns dependencies that provide nothing. */
  public static PackDependencies none() {
    return NONE;
  }

  /**
   * Returns dependencies that provide these values, each under its type.
   *
   * @throws IllegalArgumentException when a value is not an instance of its type
   */
  public static PackDependencies of(Map<Class<?>, ?> values) {
    for (Map.Entry<Class<?>, ?> entry : values.entrySet()) {
      if (!entry.getKey().isInstance(entry.getValue())) {
        throw new IllegalArgumentException(
            "The value provided as " + entry.getKey().getName() + " is not one");
      }
    }
    return values.isEmpty() ? NONE : new PackDependencies(Map.copyOf(values));
  }

  /**
   * Returns the value provided for a type, for the constructor of a pack's tool class.
   *
   * @param pack the pack that needs it, named in the error when nothing provides one
   * @throws IllegalStateException when nothing provides a value of that type
   */
  public <T> T get(Class<T> type, ToolPack pack) {
    Object value = values.get(Objects.requireNonNull(type, "type"));
    if (value == null) {
      String packName = pack.getClass().getName();
      throw new IllegalStateException(
          packName
              + " was found on the class path, and its tool class takes a "
              + type.getName()
              + " in its constructor, which the server does not provide"
              + (values.isEmpty() ? "" : " (it provides " + providedTypes() + ")")
              + ". Provide one with McpServer.builder().provide("
              + type.getSimpleName()
              + ".class, ...), add the pack yourself with tools(new "
              + pack.getClass().getSimpleName()
              + "(...)), or leave it out with excludePack("
              + pack.getClass().getSimpleName()
              + ".class).");
    }
    return type.cast(value);
  }

  private String providedTypes() {
    List<String> names = new ArrayList<>();
    for (Class<?> type : values.keySet()) {
      names.add(type.getName());
    }
    names.sort(null);
    return String.join(", ", names);
  }
}
