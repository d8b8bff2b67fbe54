package dev.toolsmith.runtime.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.session.SessionStore;
import dev.toolsmith.runtime.testing.CounterPack;
import dev.toolsmith.runtime.testing.EchoPack;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Newline-delimited JSON-RPC: one reply line per request, nothing for notifications, errors for
 * junk.
 */
class StdioMcpServerTest {
  private final McpServer server = serving(null, new EchoPack());

  @Test
  void answersEachRequestOnItsOwnLine() throws Exception {
    String[] lines =
        run(
            "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"c\",\"version\":\"1\"}}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
            "",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}}");
    assertThat(lines).hasSize(2);
    // Requests run concurrently, so their answers come in the order they finish.
    java.util.Arrays.sort(lines);
    assertThat(lines[0]).contains("\"id\":0").contains("\"protocolVersion\":\"2025-11-25\"");
    assertThat(lines[1])
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}}");
  }

  @Test
  void writesProgressBeforeTheResponse() throws Exception {
    String[] lines =
        run(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"count\",\"_meta\":{\"progressToken\":\"t\"}}}");
    assertThat(lines).hasSize(4);
    assertThat(lines[0]).contains("notifications/progress");
    assertThat(lines[3]).contains("counted");
  }

  @Test
  void malformedLines_getErrorsAndTheStreamGoesOn() throws Exception {
    String[] lines =
        run("{not json", "[1,2]", "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).contains("\"id\":null").contains("-32700");
    assertThat(lines[1]).contains("-32600").contains("batches are not supported");
    assertThat(lines[2]).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":9,\"result\":{}}");
  }

  @Test
  void sessionTools_keepStateWithTheHandedBackHandle_sinceStdioHasNoSessionHeader()
      throws Exception {
    McpServer counter = serving(SessionStore.inMemory(), new CounterPack());
    String call =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"increment_counter\""
            + ",\"arguments\":{%s}}}";
    JsonNode first = Json.parse(run(counter, String.format(call, ""))[0]).path("result");
    assertThat(first.at("/content/0/text").asText()).isEqualTo("1");
    String handle = first.at("/_meta/dev.toolsmith~1sessionHandle").asText();
    String[] next =
        run(
            counter,
            String.format(call, "\"session_handle\":\"" + handle + "\""),
            String.format(call, "\"session_handle\":\"" + handle + "\""));
    java.util.Set<String> counts = new java.util.HashSet<>();
    for (String line : next) {
      counts.add(Json.parse(line).at("/result/content/0/text").asText());
    }
    assertThat(counts).containsExactlyInAnyOrder("2", "3");
  }

  @Test
  void theProcessIsOneClient_soItsCallsShareOneSession_withoutHandles() throws Exception {
    McpServer counter = serving(SessionStore.inMemory(), new CounterPack());
    String call =
        "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"tools/call\",\"params\":"
            + "{\"name\":\"increment_counter\",\"arguments\":{}}}";
    // One line at a time, so each call sees the one before it.
    java.io.PipedOutputStream feed = new java.io.PipedOutputStream();
    java.io.PipedInputStream in = new java.io.PipedInputStream(feed);
    java.io.PipedInputStream answers = new java.io.PipedInputStream();
    java.io.PipedOutputStream out = new java.io.PipedOutputStream(answers);
    Thread serving =
        new Thread(
            () -> {
              try {
                StdioMcpServer.run(counter, in, out);
                out.close();
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    serving.start();
    java.io.BufferedReader replies =
        new java.io.BufferedReader(new java.io.InputStreamReader(answers, StandardCharsets.UTF_8));
    for (int i = 1; i <= 3; i++) {
      feed.write((String.format(call, i) + "\n").getBytes(StandardCharsets.UTF_8));
      feed.flush();
      JsonNode result = Json.parse(replies.readLine()).path("result");
      assertThat(result.at("/content/0/text").asText()).isEqualTo(Integer.toString(i));
      // The process keeps the session, so the model is not handed its handle.
      assertThat(result.path("content")).hasSize(1);
    }
    feed.close();
    serving.join(10_000);
  }

  @Test
  void aSlowCall_doesNotHoldUpPing() throws Exception {
    McpServer slow = serving(null, new dev.toolsmith.runtime.testing.AskingPack());
    String[] lines =
        run(
            slow,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"nap\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{}}");
    assertThat(lines[1]).contains("rested");
  }

  @Test
  void notificationsCancelled_stopsTheCall_andItsResponseIsNotSent() throws Exception {
    McpServer asking = serving(null, new dev.toolsmith.runtime.testing.AskingPack());
    int before = dev.toolsmith.runtime.testing.AskingPack.CANCELLED_RUNS.get();
    String[] lines =
        run(
            asking,
            "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"until_cancelled\"}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":"
                + "{\"requestId\":5,\"reason\":\"user pressed stop\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"ping\"}");
    assertThat(lines).containsExactly("{\"jsonrpc\":\"2.0\",\"id\":6,\"result\":{}}");
    assertThat(dev.toolsmith.runtime.testing.AskingPack.CANCELLED_RUNS.get()).isEqualTo(before + 1);
  }

  @Test
  void anOversizedLine_isAnsweredAndSkipped_andTheNextOneServed() throws Exception {
    McpServer small =
        McpServer.builder()
            .name("stdio")
            .tools(new EchoPack())
            .discoverTools(false)
            .maxBodyBytes(64)
            .build();
    String[] lines =
        run(
            small,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\""
                + "x".repeat(10_000)
                + "\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).contains("-32600").contains("longer than the 64 bytes");
    assertThat(lines[1]).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{}}");
  }

  @Test
  void invalidUtf8_isAParseError_notAnotherToolName() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] overlong =
        ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"ec"
                + "\u0000\"}}\n")
            .getBytes(StandardCharsets.UTF_8);
    // Replace the NUL with the two bytes of an overlong 'h' (0xC1 0xA8).
    byte[] line = new byte[overlong.length + 1];
    int at = new String(overlong, StandardCharsets.UTF_8).indexOf('\u0000');
    System.arraycopy(overlong, 0, line, 0, at);
    line[at] = (byte) 0xC1;
    line[at + 1] = (byte) 0xA8;
    System.arraycopy(overlong, at + 1, line, at + 2, overlong.length - at - 1);
    StdioMcpServer.run(server, new ByteArrayInputStream(line), out);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("-32700").contains("not valid UTF-8");
  }

  @Test
  @org.junit.jupiter.api.Timeout(20)
  void aClosedStdout_endsTheServer_insteadOfFailingEveryCall() throws Exception {
    java.io.OutputStream closed =
        new java.io.OutputStream() {
          @Override
          public void write(int b) throws java.io.IOException {
            throw new java.io.IOException("Broken pipe");
          }
        };
    // An endless input: the server must stop at the first failed write, not read on forever.
    java.io.InputStream endless =
        new java.io.InputStream() {
          private final byte[] ping =
              "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\n"
                  .getBytes(StandardCharsets.UTF_8);
          private int at;

          @Override
          public int read() {
            return ping[at++ % ping.length];
          }
        };
    StdioMcpServer.run(server, endless, closed);
  }

  private static McpServer serving(SessionStore sessions, dev.toolsmith.runtime.spi.ToolPack pack) {
    McpServer.Builder builder = McpServer.builder().name("stdio").tools(pack).discoverTools(false);
    return (sessions == null ? builder : builder.sessions(sessions)).build();
  }

  private String[] run(String... input) throws Exception {
    return run(server, input);
  }

  private static String[] run(McpServer server, String... input) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StdioMcpServer.run(
        server,
        new ByteArrayInputStream(String.join("\n", input).getBytes(StandardCharsets.UTF_8)),
        out);
    String text = out.toString(StandardCharsets.UTF_8);
    return text.isEmpty() ? new String[0] : text.split("\n");
  }
}
