package dev.toolsmith.runtime.spi;

import java.util.List;
import java.util.Objects;

/**
 * A tool as {@code tools/list} shows it: its name and its description object as JSON text.
 *
 * <p>Generated code keeps the description as an indented text block so it reads well in source;
 * {@link #json()} turns it into compact wire form the first time it is asked for, not at start-up,
 * so start-up cost does not grow with the number of tools.
 */
@UsedByGeneratedCode
public final class ToolDescriptor {
  /**
   * The argument that names a session for clients without protocol sessions; see {@link
   * #withSession}.
   */
  public static final String SESSION_HANDLE = "session_handle";

  /** How a tool takes part in the tasks extension ({@code @McpTask}). */
  public enum TaskSupport {
    /** Never a task: the default. */
    FORBIDDEN,
    /** A task when the client declares the tasks extension; an ordinary call otherwise. */
    OPTIONAL,
    /** Only a task: a client that did not declare the extension is refused with -32021. */
    REQUIRED;

    /** Returns the value of {@code execution.taskSupport} in a tool's listing. */
    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final String name;
  private final MinifiedJson json;
  private final boolean usesSession;
  private final List<String> requiredScopes;
  private final TaskSupport taskSupport;
  private final boolean startsInline;
  private volatile String modernJson;

  private ToolDescriptor(String name, String sourceJson, boolean usesSession) {
    this(name, new MinifiedJson(sourceJson), usesSession, List.of(), null, false);
  }

  private ToolDescriptor(
      String name,
      MinifiedJson json,
      boolean usesSession,
      List<String> requiredScopes,
      TaskSupport taskSupport,
      boolean startsInline) {
    this.name = Objects.requireNonNull(name, "name");
    this.json = json;
    this.usesSession = usesSession;
    this.requiredScopes = List.copyOf(requiredScopes);
    // null for FORBIDDEN, so a server without task tools never loads the enum.
    this.taskSupport = taskSupport;
    this.startsInline = startsInline;
  }

  /**
   * Returns a descriptor.
   *
   * @param name the tool's name, as in the JSON
   * @param json the tool's {@code tools/list} entry: a JSON object with {@code name}, {@code
   *     inputSchema} and optionally {@code title}, {@code description}, {@code outputSchema},
   *     {@code annotations}
   */
  public static ToolDescriptor of(String name, String json) {
    return new ToolDescriptor(name, json, false);
  }

  /**
   * Returns the descriptor of a tool that takes a {@link dev.toolsmith.runtime.session.Session}.
   * Its input schema declares the optional {@value #SESSION_HANDLE} string argument, which the
   * runtime reads (the tool does not) to find the session when the client has no protocol session.
   */
  public static ToolDescriptor withSession(String name, String json) {
    return new ToolDescriptor(name, json, true);
  }

  /**
   * Returns this descriptor for a tool that only callers whose token grants every one of these
   * OAuth scopes may call ({@code @McpScopes}).
   */
  public ToolDescriptor requiringScopes(String... scopes) {
    return new ToolDescriptor(name, json, usesSession, List.of(scopes), taskSupport, startsInline);
  }

  /**
   * Returns this descriptor for a tool that may run as a task ({@code @McpTask}).
   *
   * @param support whether the tool may, or must, run as a task
   * @param startsInline whether the call starts as an ordinary one and becomes a task only when the
   *     tool calls {@link dev.toolsmith.runtime.RequestContext#continueAsTask()}
   * @throws IllegalArgumentException for a tool that takes a session, whose session a task could
   *     not keep
   */
  public ToolDescriptor runningAsTask(TaskSupport support, boolean startsInline) {
    if (usesSession && Objects.requireNonNull(support, "support") != TaskSupport.FORBIDDEN) {
      throw new IllegalArgumentException(
          "Tool '" + name + "' takes a Session, so it cannot run as a task");
    }
    return new ToolDescriptor(
        name,
        json,
        usesSession,
        requiredScopes,
        support == TaskSupport.FORBIDDEN ? null : support,
        startsInline);
  }

  /** Returns how the tool takes part in the tasks extension. */
  public TaskSupport taskSupport() {
    return taskSupport == null ? TaskSupport.FORBIDDEN : taskSupport;
  }

  /** Returns whether the tool may run as a task: its {@link #taskSupport()} is not forbidden. */
  public boolean runsAsTask() {
    return taskSupport != null;
  }

  /**
   * Returns whether a task call starts as an ordinary call, becoming a task only when the tool
   * asks.
   */
  public boolean startsInline() {
    return startsInline;
  }

  /** Returns the scopes a caller needs, empty when anyone may call the tool. */
  public List<String> requiredScopes() {
    return requiredScopes;
  }

  /**
   * Returns whether the tool takes a session, and so accepts a {@value #SESSION_HANDLE} argument.
   */
  public boolean usesSession() {
    return usesSession;
  }

  /** Returns the tool's name. */
  public String name() {
    return name;
  }

  /** Returns the tool's {@code tools/list} entry as compact JSON text. */
  public String json() {
    return json.get();
  }

  /**
   * Returns the tool's {@code tools/list} entry on the 2026-07-28 wire: {@link #json()} with {@code
   * execution.taskSupport} for a tool that may run as a task. Handshake-era clients do not see it:
   * their tasks are the older experimental ones, which Toolsmith does not serve.
   */
  public String modernJson() {
    if (taskSupport == null) {
      return json();
    }
    String modern = modernJson;
    if (modern == null) {
      String legacy = json();
      modern =
          legacy.substring(0, legacy.lastIndexOf('}'))
              + ",\"execution\":{\"taskSupport\":\""
              + taskSupport.wire()
              + "\"}}";
      modernJson = modern;
    }
    return modern;
  }

  @Override
  public String toString() {
    return "ToolDescriptor{" + name + "}";
  }
}
