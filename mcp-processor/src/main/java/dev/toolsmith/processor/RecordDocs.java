package dev.toolsmith.processor;

import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Carries records' Javadoc across module and jar boundaries. javac keeps no doc comments in class
 * files, so a record compiled in a {@code model} module would reach the {@code tools} module that
 * uses it without descriptions. Wherever the processor runs, it writes each documented record's
 * descriptions to {@code META-INF/toolsmith/descriptions/<binary name>.properties} beside its
 * class; a later compilation that meets the record only as a class file reads them from the class
 * path.
 */
final class RecordDocs {
  static final String FOLDER = "META-INF/toolsmith/descriptions/";
  private static final String DESCRIPTION = "description";
  private static final String PARAM = "param.";

  private final Elements elements;
  private final Filer filer;
  private final Trees trees;

  RecordDocs(ProcessingEnvironment environment) {
    this.elements = environment.getElementUtils();
    this.filer = environment.getFiler();
    this.trees = treesOf(environment);
  }

  private static Trees treesOf(ProcessingEnvironment environment) {
    try {
      return Trees.instance(environment);
    } catch (IllegalArgumentException | LinkageError e) {
      // Not javac (an IDE's own compiler): records are then never taken for class files.
      return null;
    }
  }

  /** Returns whether javac met the type as a class file, with no source and so no doc comments. */
  boolean isClassFile(TypeElement type) {
    return trees != null && trees.getPath(type) == null;
  }

  /** What the class path says about a record met as a class file: its Javadoc, or none. */
  record Found(Javadoc doc, boolean fromClassPath) {}

  /**
   * Returns a record's Javadoc: its doc comment when javac has the source, else the descriptions an
   * earlier compilation wrote for it, else {@link Javadoc#NONE}.
   */
  Found of(TypeElement record) {
    String comment = elements.getDocComment(record);
    if (comment != null) {
      return new Found(Javadoc.parse(comment), false);
    }
    Properties written = read(record);
    if (written == null) {
      return new Found(Javadoc.NONE, false);
    }
    Map<String, String> params = new TreeMap<>();
    for (String key : written.stringPropertyNames()) {
      if (key.startsWith(PARAM)) {
        params.put(key.substring(PARAM.length()), written.getProperty(key));
      }
    }
    return new Found(new Javadoc(written.getProperty(DESCRIPTION, ""), params), true);
  }

  /** Writes the descriptions of every documented record among the elements, nested ones too. */
  void writeAll(Iterable<? extends Element> roots) {
    for (TypeElement type : ElementFilter.typesIn(roots)) {
      if (type.getKind() == ElementKind.RECORD) {
        write(type);
      }
      writeAll(type.getEnclosedElements());
    }
  }

  private void write(TypeElement record) {
    String comment = elements.getDocComment(record);
    if (comment == null) {
      return;
    }
    Javadoc doc = Javadoc.parse(comment);
    Properties properties = new Properties();
    properties.setProperty(DESCRIPTION, doc.description());
    for (RecordComponentElement component : record.getRecordComponents()) {
      String text = doc.params().get(component.getSimpleName().toString());
      if (text != null) {
        properties.setProperty(PARAM + component.getSimpleName(), text);
      }
    }
    try {
      FileObject file =
          filer.createResource(StandardLocation.CLASS_OUTPUT, "", path(record), record);
      try (OutputStream out = file.openOutputStream()) {
        // No date comment: the same sources give the same bytes.
        properties.store(new CommentlessStream(out), null);
      }
    } catch (IOException | RuntimeException e) {
      // A second round meeting the same record, or a build tool with no class output: the
      // descriptions stay where javac has them, in the source.
    }
  }

  private Properties read(TypeElement record) {
    try {
      FileObject file = filer.getResource(StandardLocation.CLASS_PATH, "", path(record));
      try (InputStream in = file.openInputStream()) {
        Properties properties = new Properties();
        properties.load(in);
        return properties;
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private String path(TypeElement record) {
    return FOLDER + elements.getBinaryName(record) + ".properties";
  }

  /** Drops the comment lines {@link Properties#store} starts with (its timestamp). */
  private static final class CommentlessStream extends java.io.FilterOutputStream {
    private boolean lineStart = true;
    private boolean inComment;

    CommentlessStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      if (lineStart && b == '#') {
        inComment = true;
      }
      if (!inComment) {
        out.write(b);
      }
      lineStart = b == '\n';
      if (lineStart) {
        inComment = false;
      }
    }
  }
}
