package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.spi.ToolDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments each tool mirrors into HTTP headers: the top-level input properties that carry
 * {@code "x-mcp-header": "Region"} (SEP-2243), which a 2026-07-28 client sends again as {@code
 * Mcp-Param-Region} so intermediaries can route on them without reading the body.
 *
 * <p>Read once from the descriptors when the server is built; only descriptors that mention the
 * keyword are parsed, so a server without such tools pays one substring search per tool.
 */
public final class ParamHeaders {
  /** The schema keyword that names a property's header. */
  public static final String KEYWORD = "x-mcp-header";

  /** One mirrored argument: the header's name after {@code Mcp-Param-}, and the property. */
  public record ParamHeader(String name, String property) {
    /** Returns the full header name, such as {@code Mcp-Param-Region}. */
    public String header() {
      return "Mcp-Param-" + name;
    }
  }

  private final Map<String, List<ParamHeader>> byTool;

  ParamHeaders(List<ToolDescriptor> tools) {
    Map<String, List<ParamHeader>> found = new HashMap<>();
    for (ToolDescriptor tool : tools) {
      if (tool.json().contains("\"" + KEYWORD + "\"")) {
        List<ParamHeader> headers = declared(tool.json());
        if (!headers.isEmpty()) {
          found.put(tool.name(), List.copyOf(headers));
        }
      }
    }
    this.byTool = Map.copyOf(found);
  }

  /** Returns the tool's mirrored arguments, none for a tool without them or an unknown one. */
  public List<ParamHeader> of(String tool) {
    List<ParamHeader> headers = byTool.get(tool);
    return headers == null ? List.of() : headers;
  }

  private static List<ParamHeader> declared(String descriptor) {
    JsonNode tool;
    try {
      tool = Json.parse(descriptor);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<ParamHeader> headers = new ArrayList<>();
    for (Map.Entry<String, JsonNode> property :
        tool.path("inputSchema").path("properties").properties()) {
      JsonNode name = property.getValue().get(KEYWORD);
      if (name != null && name.isTextual()) {
        headers.add(new ParamHeader(name.textValue(), property.getKey()));
      }
    }
    return headers;
  }
}
