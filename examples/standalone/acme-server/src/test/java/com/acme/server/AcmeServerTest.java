package com.acme.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolsmith.runtime.jetty.McpHttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The pack jar on the class path, served over real HTTP. */
class AcmeServerTest {

  @Test
  void servesThePacksToolOverHttp() throws Exception {
    try (McpHttpServer http =
        McpHttpServer.builder(AcmeServer.create()).port(0).stopOnSignal(false).start()) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(http.url().toString()))
                      .header("Content-Type", "application/json")
                      .header("Accept", "application/json, text/event-stream")
                      .header("MCP-Protocol-Version", "2025-11-25")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                                  + "{\"name\":\"acme_quote_shipping\",\"arguments\":{\"parcels\":"
                                  + "[{\"weightGrams\":2500,\"destination\":\"ES\"}]}}}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), response.body());
      assertTrue(
          response.body().contains("\"structuredContent\":{\"cents\":650,\"days\":4}"),
          response.body());
    }
  }
}
