package dev.toolsmith.runtime.opentelemetry;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The attribute names spans carry: those of the OpenTelemetry semantic conventions for MCP and
 * GenAI (development status), and Toolsmith's own under {@code toolsmith.}.
 */
final class McpAttributes {
  static final AttributeKey<String> METHOD = AttributeKey.stringKey("mcp.method.name");
  static final AttributeKey<String> PROTOCOL_VERSION =
      AttributeKey.stringKey("mcp.protocol.version");
  static final AttributeKey<String> SESSION_ID = AttributeKey.stringKey("mcp.session.id");
  static final AttributeKey<String> RESOURCE_URI = AttributeKey.stringKey("mcp.resource.uri");
  static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("jsonrpc.request.id");
  static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");
  static final AttributeKey<String> PROMPT_NAME = AttributeKey.stringKey("gen_ai.prompt.name");
  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
  static final AttributeKey<String> STATUS_CODE =
      AttributeKey.stringKey("rpc.response.status_code");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<String> ERA = AttributeKey.stringKey("toolsmith.mcp.era");
  static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("toolsmith.mcp.outcome");
  static final AttributeKey<String> ERROR_ID = AttributeKey.stringKey("toolsmith.error.id");

  /** The value of {@link #OPERATION} for tool calls, as the GenAI conventions name it. */
  static final String EXECUTE_TOOL = "execute_tool";

  /** The value of {@link #ERROR_TYPE} for a tool's {@code isError} result. */
  static final String TOOL_ERROR = "tool_error";

  private McpAttributes() {}
}
