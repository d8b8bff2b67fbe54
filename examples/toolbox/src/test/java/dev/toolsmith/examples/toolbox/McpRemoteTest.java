package dev.toolsmith.examples.toolbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.testing.NodeTools;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's Claude Desktop entry, run as Claude Desktop runs it: {@code mcp-remote} (npm,
 * pinned) started with exactly those arguments and environment, a stdio client on one side and the
 * toolbox on the other. One connection is one session, so the counter climbs without a handle.
 */
class McpRemoteTest {

  @Test
  void claudeDesktopEntry_bridgesStdioToTheToolbox_andKeepsTheSession() throws Exception {
    NodeTools node = NodeTools.installed();
    Backends backends = Backends.get();
    List<String> command =
        node.command(
            "mcp-remote",
            backends.url(),
            "--transport",
            "http-only",
            "--header",
            "Authorization:${MCP_TOKEN}");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectError(Files.createTempFile("mcp-remote", ".err").toFile());
    builder.environment().put("MCP_TOKEN", "Bearer " + Backends.TOKEN);
    builder
        .environment()
        .put("MCP_REMOTE_CONFIG_DIR", Files.createTempDirectory("mcp-remote").toString());
    Process bridge = builder.start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(bridge.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  lines.add(line);
                }
              } catch (java.io.IOException ignored) {
                // The bridge was stopped.
              }
            });
    reader.setDaemon(true);
    reader.start();
    try (OutputStream in = bridge.getOutputStream()) {
      JsonNode init =
          request(
              in,
              lines,
              0,
              "initialize",
              "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                  + "\"clientInfo\":{\"name\":\"claude-desktop-test\",\"version\":\"1\"}}");
      assertThat(init.at("/result/serverInfo/name").asText()).isEqualTo("repo-toolbox");
      send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
      JsonNode tools = request(in, lines, 1, "tools/list", "{}");
      List<String> names = new ArrayList<>();
      tools.at("/result/tools").forEach(tool -> names.add(tool.path("name").asText()));
      assertThat(names).containsExactly("get_time", "count_s3_buckets", "increment_counter");
      for (int expected = 1; expected <= 3; expected++) {
        JsonNode call =
            request(
                in,
                lines,
                1 + expected,
                "tools/call",
                "{\"name\":\"increment_counter\",\"arguments\":{}}");
        assertThat(call.at("/result/content/0/text").asText())
            .isEqualTo(Integer.toString(expected));
      }
    } finally {
      bridge.destroy();
      if (!bridge.waitFor(10, TimeUnit.SECONDS)) {
        bridge.destroyForcibly();
      }
    }
  }

  private static void send(OutputStream in, String json) throws Exception {
    in.write((json + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  /**
   * Sends a request and returns the response with its id, skipping anything else the bridge prints.
   */
  private static JsonNode request(
      OutputStream in, BlockingQueue<String> lines, int id, String method, String params)
      throws Exception {
    send(
        in,
        "{\"jsonrpc\":\"2.0\",\"id\":"
            + id
            + ",\"method\":\""
            + method
            + "\",\"params\":"
            + params
            + "}");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if (line == null || !line.startsWith("{")) {
        continue;
      }
      JsonNode message = Json.parse(line);
      if (message.path("id").asInt(-1) == id && (message.has("result") || message.has("error"))) {
        return message;
      }
    }
    throw new AssertionError(
        "mcp-remote gave no response to " + method + " (id " + id + ") within 60 s");
  }
}
