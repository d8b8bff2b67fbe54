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

  private final String name;
  private final MinifiedJson json;
  private final boolean usesSession;
  private final List<String> requiredScopes;

  private ToolDescriptor(String name, String sourceJson, boolean usesSession) {
    this(name, new MinifiedJson(sourceJson), usesSession, List.of());
  }

  private ToolDescriptor(
      String name, MinifiedJson json, boolean usesSession, List<String> requiredScopes) {
    this.name = Objects.requireNonNull(name, "name");
    this.json = json;
    this.usesSession = usesSession;
    this.requiredScopes = List.copyOf(requiredScopes);
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
    return new ToolDescriptor(name, json, usesSession, List.of(scopes));
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

  @Override
  public String toString() {
    return "ToolDescriptor{" + name + "}";
  }
}
