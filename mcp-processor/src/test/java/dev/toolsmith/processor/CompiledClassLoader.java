package dev.toolsmith.processor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Defines the classes a compilation produced, so the test can use them like a jar on the classpath.
 */
final class CompiledClassLoader extends ClassLoader {
  private final Map<String, byte[]> classes = new HashMap<>();
  private final Map<String, byte[]> resources = new HashMap<>();

  CompiledClassLoader(List<JavaFileObject> files, ClassLoader parent) {
    super(parent);
    for (JavaFileObject file : files) {
      String path = file.toUri().getPath().replaceFirst("^/CLASS_OUTPUT/", "");
      try (var in = file.openInputStream()) {
        byte[] bytes = in.readAllBytes();
        if (file.getKind() == JavaFileObject.Kind.CLASS) {
          classes.put(path.replace('/', '.').replaceAll("\\.class$", ""), bytes);
        } else {
          resources.put(path, bytes);
        }
      } catch (java.io.IOException | UnsupportedOperationException e) {
        // Sources are not opened as streams here; only class files and resources matter.
      }
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classes.get(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }

  @Override
  protected java.net.URL findResource(String name) {
    byte[] bytes = resources.get(name);
    if (bytes == null) {
      return null;
    }
    try {
      return new java.net.URL(
          null,
          "bytes:///" + name,
          new java.net.URLStreamHandler() {
            @Override
            protected java.net.URLConnection openConnection(java.net.URL url) {
              return new java.net.URLConnection(url) {
                @Override
                public void connect() {}

                @Override
                public java.io.InputStream getInputStream() {
                  return new java.io.ByteArrayInputStream(bytes);
                }
              };
            }
          });
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected java.util.Enumeration<java.net.URL> findResources(String name) {
    java.net.URL url = findResource(name);
    return java.util.Collections.enumeration(url == null ? List.of() : List.of(url));
  }
}
