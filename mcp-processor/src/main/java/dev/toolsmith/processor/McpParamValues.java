package dev.toolsmith.processor;

import dev.toolsmith.annotations.McpParam;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/** The attributes of an {@code @McpParam}, or empty values when there is none. */
record McpParamValues(
    String name, String description, String defaultValue, String header, AnnotationMirror mirror) {
  static McpParamValues of(Element element) {
    McpParam param = element.getAnnotation(McpParam.class);
    if (param == null) {
      return new McpParamValues("", "", McpParam.NO_DEFAULT, "", null);
    }
    AnnotationMirror mirror = null;
    for (var candidate : element.getAnnotationMirrors()) {
      if (candidate.getAnnotationType().toString().equals(McpParam.class.getCanonicalName())) {
        mirror = candidate;
      }
    }
    return new McpParamValues(
        param.name(), param.description(), param.defaultValue(), param.header(), mirror);
  }

  String nameOr(String javaName) {
    return name.isEmpty() ? javaName : name;
  }
}
