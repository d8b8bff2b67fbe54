package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.toolsmith.runtime.Content;
import dev.toolsmith.runtime.ToolResult;
import java.io.IOException;
import java.util.List;

/**
 * Writes tool results and content blocks with the streaming generator; no tree is built for a
 * response.
 */
final class ResultWriter {
  private ResultWriter() {}

  /**
   * Writes the fields of a {@code CallToolResult}.
   *
   * @param sessionHandle a session handle to tell the model about in a last text block, or {@code
   *     null}
   */
  static void writeToolResult(JsonGenerator gen, ToolResult result, String sessionHandle)
      throws IOException {
    gen.writeArrayFieldStart("content");
    List<Content> content = result.content();
    for (int i = 0; i < content.size(); i++) {
      writeContent(gen, content.get(i));
    }
    if (sessionHandle != null) {
      writeContent(gen, Content.text(SessionHandles.note(sessionHandle)));
    }
    gen.writeEndArray();
    if (result.structuredContent() != null) {
      gen.writeFieldName("structuredContent");
      gen.writeRawValue(result.structuredContent());
    }
    if (result.isError()) {
      gen.writeBooleanField("isError", true);
    }
  }

  /** Writes one content block as a JSON object. */
  static void writeContent(JsonGenerator gen, Content block) throws IOException {
    gen.writeStartObject();
    if (block instanceof Content.Text text) {
      gen.writeStringField("type", "text");
      gen.writeStringField("text", text.text());
    } else if (block instanceof Content.Image image) {
      gen.writeStringField("type", "image");
      gen.writeStringField("data", image.data());
      gen.writeStringField("mimeType", image.mimeType());
    } else if (block instanceof Content.Audio audio) {
      gen.writeStringField("type", "audio");
      gen.writeStringField("data", audio.data());
      gen.writeStringField("mimeType", audio.mimeType());
    } else if (block instanceof Content.ResourceLink link) {
      gen.writeStringField("type", "resource_link");
      gen.writeStringField("uri", link.uri());
      gen.writeStringField("name", link.name());
      writeOptional(gen, "description", link.description());
      writeOptional(gen, "mimeType", link.mimeType());
    } else if (block instanceof Content.EmbeddedResource resource) {
      gen.writeStringField("type", "resource");
      gen.writeObjectFieldStart("resource");
      gen.writeStringField("uri", resource.uri());
      writeOptional(gen, "mimeType", resource.mimeType());
      writeOptional(gen, "text", resource.text());
      writeOptional(gen, "blob", resource.blob());
      gen.writeEndObject();
    }
    gen.writeEndObject();
  }

  private static void writeOptional(JsonGenerator gen, String name, String value)
      throws IOException {
    if (value != null) {
      gen.writeStringField(name, value);
    }
  }
}
