package com.acme.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolsmith.runtime.jetty.McpHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The pack jar on the class path, served over real HTTP. */
class AcmeServerTest {

  @Test
  void startingTheServer_logsThePackWithItsCoordinates() {
    PrintStream original = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      AcmeServer.create();
    } finally {
      System.setErr(original);
    }
    assertTrue(
        log.toString(StandardCharsets.UTF_8)
            .contains(
                "[toolsmith] Server 'acme' serves com.acme.tools.ShippingTools_McpTools from "
                    + "com.acme:acme-tools:1.1.0 (Toolsmith processor "),
        log.toString(StandardCharsets.UTF_8));
  }

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
