package dev.toolsmith.processor;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.testing.compile.Compilation;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.spi.ToolPack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The argument decoders the processor generates, for every supported type, record, enum and
 * constraint (the Kitchen and Trips fixtures), against any arguments: each call is answered, and a
 * wrong argument is an invalid-arguments tool error, never an internal error (which would mean a
 * decoder threw where it should have reported).
 */
class ArgumentDecoderFuzzTest {
  private static final String[] TOOLS = {
    "scalars", "containers", "price", "forget", "later", "echo", "forecast", "plan_route", "book"
  };
  private static final McpServer SERVER = serve();

  private static McpServer serve() {
    Compilation compilation =
        Fixtures.compile(
            Fixtures.good("com/acme/Kitchen.java"), Fixtures.good("com/acme/Trips.java"));
    if (compilation.status() != Compilation.Status.SUCCESS) {
      throw new IllegalStateException("The fixtures must compile: " + compilation.diagnostics());
    }
    ClassLoader loader =
        new CompiledClassLoader(
            compilation.generatedFiles(), ArgumentDecoderFuzzTest.class.getClassLoader());
    List<ToolPack> packs = new ArrayList<>();
    ServiceLoader.load(ToolPack.class, loader).forEach(packs::add);
    return McpServer.builder()
        .name("fuzz")
        .tools(packs.toArray(new ToolPack[0]))
        .discoverTools(false)
        .build();
  }

  @FuzzTest(maxDuration = "30s")
  void anyArguments_areDecodedOrReportedAsInvalid(FuzzedDataProvider data) throws IOException {
    String tool = data.pickValue(TOOLS);
    String arguments = data.consumeRemainingAsString();
    byte[] answer =
        SERVER.handleMessage(
            ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\""
                    + tool
                    + "\",\"arguments\":"
                    + arguments
                    + "}}")
                .getBytes(StandardCharsets.UTF_8),
            null,
            null);
    JsonNode reply = Json.parse(answer);
    JsonNode result = reply.path("result");
    if (reply.has("error")) {
      int code = reply.path("error").path("code").asInt();
      // Not JSON, or not a request: the envelope the fuzzer broke, not a decoder.
      if (code != -32700 && code != -32600 && code != -32602) {
        throw new AssertionError("Unexpected error for " + tool + ": " + reply);
      }
      return;
    }
    // What the runtime says when a decoder throws; property names a client sent are quoted in an
    // "Invalid arguments" answer, so only a text that is not one counts.
    String text = result.at("/content/0/text").asText();
    if (result.path("isError").asBoolean()
        && !text.startsWith("Invalid arguments for tool")
        && text.contains("failed with an internal error (error id")) {
      throw new AssertionError("A decoder failed instead of reporting: " + reply);
    }
  }
}
