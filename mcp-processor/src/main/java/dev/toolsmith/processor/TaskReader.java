package dev.toolsmith.processor;

import dev.toolsmith.annotations.McpTask;
import dev.toolsmith.annotations.McpTool;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/** Reads a tool's {@code @McpTask}: whether, and how, it runs as a task of the tasks extension. */
final class TaskReader {
  private TaskReader() {}

  /**
   * Returns how the tool runs as a task, or {@code null} when it has no {@code @McpTask}; reports a
   * task tool that takes a session, which a task running after its request cannot keep.
   */
  static ToolModel.Task read(ExecutableElement method, boolean usesSession, Report report) {
    McpTask task = method.getAnnotation(McpTask.class);
    if (task == null) {
      return null;
    }
    if (usesSession) {
      report.add(
          Message.INVALID_TASK,
          method,
          method.getSimpleName(),
          "takes a Session, which a task cannot keep: it runs after its request has ended, and"
              + " sessions belong to requests. Keep what the task needs in its arguments, or drop"
              + " @McpTask");
    }
    return new ToolModel.Task(task.required(), task.startInline());
  }

  /** Reports every {@code @McpTask} on a method that is not a tool, where it would do nothing. */
  static void reportStray(Set<? extends Element> annotated, Messager messager) {
    for (Element element : annotated) {
      if (element.getAnnotation(McpTool.class) == null) {
        messager.printMessage(
            Message.INVALID_TASK.kind(),
            Message.INVALID_TASK.format(
                element.getSimpleName(),
                "is not on an @McpTool method, so it would do nothing: add @McpTool, or remove"
                    + " @McpTask"),
            element);
      }
    }
  }
}
