package dev.toolsmith.examples.toolbox;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * Loads the toolbox the way Lambda's Java runtime does, for {@code ToolboxJarIT}: the function's
 * jar in a class loader of its own, set as the thread's context class loader, so none of its
 * classes is on the system class path. Then logs the way the runtime and the AWS SDK do, so the
 * test can read which configuration {@code java.util.logging} took.
 *
 * <p>Usage: {@code java -cp <test classes> ...FunctionClassLoaderLauncher <toolbox.jar>}
 */
public final class FunctionClassLoaderLauncher {
  private FunctionClassLoaderLauncher() {}

  public static void main(String[] args) throws Exception {
    URL jar = Path.of(args[0]).toUri().toURL();
    try (URLClassLoader function = new URLClassLoader(new URL[] {jar})) {
      Thread.currentThread().setContextClassLoader(function);
      Object handler =
          Class.forName("dev.toolsmith.examples.toolbox.ToolboxHandler", true, function)
              .getConstructor()
              .newInstance();
      System.getLogger("dev.toolsmith.runtime")
          .log(System.Logger.Level.WARNING, "logged after " + handler.getClass().getSimpleName());
      Logger sdk = Logger.getLogger("software.amazon.awssdk.core");
      sdk.info("an SDK detail below the toolbox's level");
      sdk.warning("an SDK warning");
    }
  }
}
