package dev.toolsmith.runtime.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.spi.ToolDescriptor;
import java.io.IOException;

/**
 * The result objects the engine answers with, each writing its own fields with the streaming
 * generator. The engine decides a result completely (a tool has run, a page is chosen) before any
 * byte is written, so a failure can still become an error reply.
 *
 * <p>Small named types rather than lambdas: a Lambda cold start then bootstraps no
 * {@code invokedynamic} call site on the request path.
 */
sealed interface Result {

  /** Writes the result object's fields; the caller writes its braces and any era-specific fields. */
  void writeFields(JsonGenerator gen) throws IOException;

  /** Returns whether the result has fields of its own for {@code _meta}. */
  default boolean hasMeta() {
    return false;
  }

  /** Writes the result's own {@code _meta} fields; the caller writes the braces and the server info. */
  default void writeMetaFields(JsonGenerator gen) throws IOException {}

  /** {@code ping}: exactly {@code {}}. */
  enum Empty implements Result {
    INSTANCE;

    @Override
    public void writeFields(JsonGenerator gen) {}
  }

  /** {@code initialize}: the negotiated version, capabilities, server info and instructions. */
  record Initialize(String version, ServerInfo info, boolean tools) implements Result {
    @Override
    public void writeFields(JsonGenerator gen) throws IOException {
      gen.writeStringField("protocolVersion", version);
      writeCapabilities(gen, tools);
      writeServerInfo(gen, "serverInfo", info);
      if (info.instructions() != null) {
        gen.writeStringField("instructions", info.instructions());
      }
    }
  }

  /** {@code server/discover}: the modern versions, capabilities, instructions and caching hints. */
  record Discover(ServerInfo info, boolean tools, ListOptions caching) implements Result {
    @Override
    public void writeFields(JsonGenerator gen) throws IOException {
      gen.writeArrayFieldStart("supportedVersions");
      for (String version : ProtocolVersions.MODERN_VERSIONS) {
        gen.writeString(version);
      }
      gen.writeEndArray();
      writeCapabilities(gen, tools);
      if (info.instructions() != null) {
        gen.writeStringField("instructions", info.instructions());
      }
      caching.writeCaching(gen);
    }
  }

  /** {@code tools/list}: one page, with caching hints on the modern wire ({@code caching} null otherwise). */
  record ToolList(ToolRegistry.Page page, ListOptions caching) implements Result {
    @Override
    public void writeFields(JsonGenerator gen) throws IOException {
      gen.writeArrayFieldStart("tools");
      for (ToolDescriptor tool : page.tools()) {
        gen.writeRawValue(tool.json());
      }
      gen.writeEndArray();
      if (page.nextCursor() != null) {
        gen.writeStringField("nextCursor", page.nextCursor());
      }
      if (caching != null) {
        caching.writeCaching(gen);
      }
    }
  }

  /**
   * {@code tools/call}: the tool's {@code CallToolResult}.
   *
   * @param sessionHandle the session to hand back to a client without protocol sessions, or
   *     {@code null}; it is added as a last text block the model reads and under
   *     {@value #META_SESSION_HANDLE} in {@code _meta} for programs
   */
  record ToolCall(ToolResult result, String sessionHandle) implements Result {
    static final String META_SESSION_HANDLE = "dev.toolsmith/sessionHandle";

    @Override
    public void writeFields(JsonGenerator gen) throws IOException {
      ResultWriter.writeToolResult(gen, result, sessionHandle);
    }

    @Override
    public boolean hasMeta() {
      return sessionHandle != null;
    }

    @Override
    public void writeMetaFields(JsonGenerator gen) throws IOException {
      if (sessionHandle != null) {
        gen.writeStringField(META_SESSION_HANDLE, sessionHandle);
      }
    }
  }

  private static void writeCapabilities(JsonGenerator gen, boolean tools) throws IOException {
    gen.writeObjectFieldStart("capabilities");
    if (tools) {
      gen.writeObjectFieldStart("tools");
      gen.writeEndObject();
    }
    gen.writeEndObject();
  }

  /** Writes {@code {"name": ..., "version": ...}} under the given field. */
  static void writeServerInfo(JsonGenerator gen, String field, ServerInfo info) throws IOException {
    gen.writeObjectFieldStart(field);
    gen.writeStringField("name", info.name());
    gen.writeStringField("version", info.version());
    gen.writeEndObject();
  }
}
