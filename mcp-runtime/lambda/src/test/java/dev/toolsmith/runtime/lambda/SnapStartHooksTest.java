package dev.toolsmith.runtime.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.auth.BearerTokenAuthenticator;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.internal.lifecycle.Priming;
import dev.toolsmith.runtime.lifecycle.Lifespan;
import dev.toolsmith.runtime.lifecycle.ManagedResource;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.session.SessionSnapshot;
import dev.toolsmith.runtime.session.SessionStore;
import dev.toolsmith.runtime.spi.Dispatch;
import dev.toolsmith.runtime.spi.ToolCall;
import dev.toolsmith.runtime.spi.ToolDescriptor;
import dev.toolsmith.runtime.spi.ToolPack;
import dev.toolsmith.runtime.testing.Mcp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The checkpoint and restore a SnapStart JVM would run, driven through the hooks the handler
 * registers: no JVM here has CRaC, so the test plays the part of Lambda's checkpoint.
 */
class SnapStartHooksTest {
  private final List<String> events = new ArrayList<>();

  @Test
  void primesThroughTheWholeHandlerThenReleasesConnectionsAndReopensAfterRestore()
      throws Exception {
    Handler handler = new Handler(events);

    SnapStartCheckpoint.beforeCheckpoint(handler);

    assertThat(events).containsExactly("connect", "read by " + Priming.SUBJECT, "disconnect");
    events.clear();
    SnapStartCheckpoint.afterRestore(handler);
    assertThat(events).containsExactly("connect");
  }

  @Test
  void aSessionStoreThatTakesPartInSnapshotsPrimesAfterTheRequestsAndRestoresFirst()
      throws Exception {
    Handler handler = new Handler(events, new SnapshottingStore(events));

    SnapStartCheckpoint.beforeCheckpoint(handler);

    assertThat(events)
        .containsExactly("connect", "read by " + Priming.SUBJECT, "store primed", "disconnect");
    events.clear();
    SnapStartCheckpoint.afterRestore(handler);
    assertThat(events).containsExactly("store restored", "connect");
  }

  @Test
  void everyPrimingRequestIsAnsweredAndTheToolsScopeIsGranted() {
    Handler handler = new Handler(events);

    assertThat(SnapStartCheckpoint.prime(handler)).containsExactly(200, 200, 200);
    assertThat(events).contains("read by " + Priming.SUBJECT);
  }

  @Test
  void thePrimingCredentialOpensNothingOutsidePriming() throws Exception {
    Handler handler = new Handler(events);
    McpServer server = handler.server();
    Priming priming = server.priming();
    priming.open();
    String stolen = priming.headers(priming.requests().get(2)).get("Authorization");
    priming.close();

    HttpResponse replay =
        server.handle(
            Mcp.post(
                Mcp.jsonHeaders()
                    .add("Authorization", stolen)
                    .add("MCP-Protocol-Version", "2026-07-28")
                    .add("Mcp-Method", "tools/call")
                    .add("Mcp-Name", "read")
                    .build(),
                priming.requests().get(2).body()));
    HttpResponse forged =
        server.handle(
            Mcp.post(
                Mcp.jsonHeaders()
                    .add("Authorization", "Bearer ")
                    .add("MCP-Protocol-Version", "2026-07-28")
                    .add("Mcp-Method", "tools/list")
                    .build(),
                priming.requests().get(1).body()));

    assertThat(replay.status()).isEqualTo(401);
    assertThat(forged.status()).isEqualTo(401);
    assertThat(events).doesNotContain("read by " + Priming.SUBJECT);
  }

  @Test
  void theRealCredentialStillWorksAndGetsTheToolsScopeCheck() throws Exception {
    Handler handler = new Handler(events);

    HttpResponse response =
        handler
            .server()
            .handle(
                Mcp.post(
                    Mcp.jsonHeaders()
                        .add("Authorization", "Bearer s3cret-token-value")
                        .add("MCP-Protocol-Version", "2026-07-28")
                        .add("Mcp-Method", "tools/call")
                        .add("Mcp-Name", "read")
                        .build(),
                    handler.server().priming().requests().get(2).body()));

    // The shared token grants no scopes, so the scoped tool is refused: priming's grant is its own.
    assertThat(response.status()).isEqualTo(403);
    JsonNode body = Json.parse(response.body());
    assertThat(body.path("error").path("message").asText()).contains("messages:read");
  }

  static final class Handler extends McpLambdaHandler {
    Handler(List<String> events) {
      super(server(events).build());
    }

    Handler(List<String> events, SessionStore store) {
      super(server(events).sessions(store).build());
    }

    private static McpServer.Builder server(List<String> events) {
      Lifespan lifespan = new Lifespan();
      Connection connection = lifespan.manage(new Connection(events));
      return McpServer.builder()
          .name("primed")
          .discoverTools(false)
          .auth(BearerTokenAuthenticator.of("s3cret-token-value"))
          .lifespan(lifespan)
          .tools(new ReadingPack(connection))
          .primingCall("read", "{}");
    }
  }

  /** An in-memory store that records its snapshot hooks, as the DynamoDB store has them. */
  static final class SnapshottingStore implements SessionStore, ManagedResource {
    private final SessionStore sessions = SessionStore.inMemory();
    private final List<String> events;

    SnapshottingStore(List<String> events) {
      this.events = events;
    }

    @Override
    public void beforeCheckpoint() {
      events.add("store primed");
    }

    @Override
    public void afterRestore() {
      events.add("store restored");
    }

    @Override
    public void close() {}

    @Override
    public void create(String id, String owner, Instant expiresAt) {
      sessions.create(id, owner, expiresAt);
    }

    @Override
    public Optional<SessionSnapshot> load(String id, Instant now) {
      return sessions.load(id, now);
    }

    @Override
    public WriteOutcome replace(
        String id, long expectedVersion, ObjectNode data, Instant expiresAt, Instant now) {
      return sessions.replace(id, expectedVersion, data, expiresAt, now);
    }

    @Override
    public boolean delete(String id, String owner, Instant now) {
      return sessions.delete(id, owner, now);
    }
  }

  /** A connection that opens lazily, like a database pool's. */
  static final class Connection implements ManagedResource {
    private final List<String> events;
    private boolean open;

    Connection(List<String> events) {
      this.events = events;
    }

    void use() {
      if (!open) {
        events.add("connect");
        open = true;
      }
    }

    @Override
    public void beforeCheckpoint() {
      if (open) {
        events.add("disconnect");
        open = false;
      }
    }

    @Override
    public void afterRestore() {
      use();
    }

    @Override
    public void close() {
      beforeCheckpoint();
    }
  }

  static final class ReadingPack implements ToolPack {
    private static final List<ToolDescriptor> TOOLS =
        List.of(
            ToolDescriptor.of("read", "{\"name\":\"read\",\"inputSchema\":{\"type\":\"object\"}}")
                .requiringScopes("messages:read"));
    private final Connection connection;

    ReadingPack(Connection connection) {
      this.connection = connection;
    }

    @Override
    public List<ToolDescriptor> tools() {
      return TOOLS;
    }

    @Override
    public ToolResult call(String tool, ToolCall call) {
      if (!tool.equals("read")) {
        throw Dispatch.unknownTool(tool, TOOLS);
      }
      connection.use();
      connection.events.add("read by " + call.context().identity().subject());
      return ToolResult.text("ok");
    }
  }
}
