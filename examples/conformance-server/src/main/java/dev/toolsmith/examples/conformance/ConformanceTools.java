package dev.toolsmith.examples.conformance;

import dev.toolsmith.annotations.McpParam;
import dev.toolsmith.annotations.McpTool;
import dev.toolsmith.runtime.Content;
import dev.toolsmith.runtime.RequestContext;
import dev.toolsmith.runtime.ToolException;
import dev.toolsmith.runtime.ToolResult;

/** The conformance suite's tool fixtures. */
public class ConformanceTools {

  /** Returns a fixed text. */
  @McpTool(name = "test_simple_text", readOnly = true)
  public String simpleText() {
    return "This is a simple text response for testing.";
  }

  /** Returns a small PNG image. */
  @McpTool(name = "test_image_content", readOnly = true)
  public ToolResult imageContent() {
    return ToolResult.of(Content.image(Samples.PNG, "image/png"));
  }

  /** Returns a short WAV clip. */
  @McpTool(name = "test_audio_content", readOnly = true)
  public ToolResult audioContent() {
    return ToolResult.of(Content.audio(Samples.WAV, "audio/wav"));
  }

  /** Returns an embedded text resource. */
  @McpTool(name = "test_embedded_resource", readOnly = true)
  public ToolResult embeddedResource() {
    return ToolResult.of(
        Content.resource(
            "test://embedded-resource", "text/plain", "This is an embedded resource content."));
  }

  /** Returns text, an image and an embedded resource together. */
  @McpTool(name = "test_multiple_content_types", readOnly = true)
  public ToolResult multipleContentTypes() {
    return ToolResult.of(
        Content.text("Multiple content types test:"),
        Content.image(Samples.PNG, "image/png"),
        Content.resource(
            "test://mixed-content-resource",
            "application/json",
            "{\"test\":\"data\",\"value\":123}"));
  }

  /**
   * Echoes a region that clients also send as the {@code Mcp-Param-Region} header (SEP-2243), for
   * the suite's http-custom-header-server-validation scenario.
   *
   * @param region the region to deploy to, such as "us-west1"
   */
  @McpTool(name = "test_header_params", readOnly = true)
  public String headerParams(@McpParam(header = "Region") String region) {
    return "region=" + region;
  }

  /** Always fails, as a tool reports failures the model should read. */
  @McpTool(name = "test_error_handling", readOnly = true)
  public String errorHandling() {
    throw new ToolException("This tool intentionally returns an error for testing");
  }

  /** Reports progress at 0, 50 and 100 percent, then answers. */
  @McpTool(name = "test_tool_with_progress", readOnly = true)
  public String toolWithProgress(RequestContext context) throws InterruptedException {
    for (int step = 0; step <= 100; step += 50) {
      context.progress(step, 100, null);
      if (step < 100) {
        Thread.sleep(50);
      }
    }
    return "Progress test completed";
  }

  /** Needs the client's sampling capability, and says so when it is missing. */
  @McpTool(name = "test_missing_capability")
  public String missingCapability(RequestContext context) {
    context.requireClientCapability("sampling");
    return "The client can sample.";
  }

  /** Answers in one response, sending no request to the client while it runs. */
  @McpTool(name = "test_streaming_elicitation", readOnly = true)
  public String streamingElicitation() {
    return "Answered without asking the client anything.";
  }
}
