package com.acme.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.http.HttpRequest;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.server.McpServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The pack as a server discovers it: through the services file its build wrote. */
class ShippingToolsTest {
  private final McpServer server = McpServer.builder().name("acme-test").build();

  @Test
  void thePackIsDiscovered() {
    assertEquals(java.util.List.of("acme_quote_shipping"), server.toolNames());
  }

  @Test
  void aQuote_usesTheDefaultSpeed() {
    String body =
        call("{\"parcels\":[{\"weightGrams\":1000,\"destination\":\"PT\"}]}");
    assertTrue(body.contains("\"structuredContent\":{\"cents\":500,\"days\":4}"), body);
  }

  @Test
  void express_isSentByItsJsonName() {
    String body =
        call(
            "{\"parcels\":[{\"weightGrams\":1000,\"destination\":\"PT\"}],\"speed\":\"express\"}");
    assertTrue(body.contains("\"structuredContent\":{\"cents\":1000,\"days\":1}"), body);
  }

  @Test
  void theIndex_carriesTheRecordsDescriptions() throws IOException {
    try (InputStream index =
        getClass().getResourceAsStream("/META-INF/toolsmith/com.acme.tools.ShippingTools.json")) {
      assertNotNull(index, "the processor wrote no index: did it run?");
      String json = new String(index.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(json.contains("its weight in grams"), json);
      assertTrue(json.contains("\"enum\": [\"economy\", \"express\"]"), json);
    }
  }

  private String call(String arguments) {
    HttpResponse response =
        server.handle(
            HttpRequest.of(
                "POST",
                "/mcp",
                Headers.builder()
                    .add("Content-Type", "application/json")
                    .add("Accept", "application/json, text/event-stream")
                    .add("MCP-Protocol-Version", "2025-11-25")
                    .build(),
                ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                        + "{\"name\":\"acme_quote_shipping\",\"arguments\":"
                        + arguments
                        + "}}")
                    .getBytes(StandardCharsets.UTF_8)));
    assertEquals(200, response.status());
    return new String(response.body(), StandardCharsets.UTF_8);
  }
}
