package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.spi.ToolDescriptor;
import java.io.IOException;

/**
 * How one protocol revision writes the parts of an answer that differ between revisions: the seam a
 * new revision's shapes are added at. The engine picks the revision once per request, from the
 * version it speaks, and every result is written through it ({@link Result#writeFields}).
 *
 * <p>A revision that changes a shape adds a constant here and overrides what it changes; the
 * revisions before it keep theirs untouched. A tool result with {@code outputVariants}, as SEP-3279
 * proposes, would be a constant overriding {@link #writeToolResult}; new fields in tool listings,
 * one overriding {@link #toolEntry}. Tool methods, generated packs and transports do not change.
 */
enum WireRevision {
  /** The handshake era (2025-03-26 to 2025-11-25): results as they were, without discriminator. */
  HANDSHAKE(false),

  /**
   * 2026-07-28: {@code resultType} and the server's info on every result, and tool listings with
   * {@code execution.taskSupport} for task tools.
   */
  V2026_07_28(true);

  private final boolean discriminated;

  WireRevision(boolean discriminated) {
    this.discriminated = discriminated;
  }

  /** Returns the revision a protocol version is written in. */
  static WireRevision of(String protocolVersion) {
    return ProtocolVersions.isModern(protocolVersion) ? V2026_07_28 : HANDSHAKE;
  }

  /** Returns whether results carry {@code resultType} and the server's info in {@code _meta}. */
  boolean discriminatesResults() {
    return discriminated;
  }

  /**
   * Returns a tool's {@code tools/list} entry as compact JSON text. (Plain fields decide between
   * the two revisions so far, so a cold start loads no subclass per constant; a revision that
   * changes more overrides this in its constant's body.)
   */
  String toolEntry(ToolDescriptor tool) {
    return discriminated ? tool.modernJson() : tool.json();
  }

  /**
   * Writes the fields of a {@code CallToolResult}: the same content, structured content and error
   * flag in every revision so far.
   *
   * @param sessionHandle a session handle to tell the model about in a last text block, or {@code
   *     null}
   */
  void writeToolResult(JsonGenerator gen, ToolResult result, String sessionHandle)
      throws IOException {
    ResultWriter.writeToolResult(gen, result, sessionHandle);
  }
}
