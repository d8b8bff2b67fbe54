package dev.toolsmith.examples.toolbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.toolsmith.runtime.auth.Authenticator;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.http.HttpRequest;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.server.McpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What a role without {@code s3:ListAllMyBuckets} sees. S3Mock has no IAM, so a loopback endpoint
 * answers ListBuckets with the error document S3 itself sends for a denied call; the AWS SDK parses
 * it as it would parse S3's.
 */
class S3AccessDeniedTest {
  private static final String ACCESS_DENIED =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code>"
          + "<Message>User: arn:aws:sts::123456789012:assumed-role/toolbox/fn is not authorized to perform: "
          + "s3:ListAllMyBuckets because no identity-based policy allows the s3:ListAllMyBuckets action</Message>"
          + "<RequestId>R1</RequestId><HostId>H1</HostId></Error>";

  @Test
  void accessDenied_isAnErrorResultNamingTheMissingAction_notA500() throws Exception {
    HttpServer deniedS3 =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    deniedS3.createContext(
        "/",
        exchange -> {
          byte[] body = ACCESS_DENIED.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/xml");
          exchange.sendResponseHeaders(403, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    deniedS3.start();
    try {
      ToolboxTools tools =
          new ToolboxTools(
              Backends.s3Client(URI.create("http://127.0.0.1:" + deniedS3.getAddress().getPort())));
      McpServer server = ToolboxServer.create(Authenticator.NONE, tools);
      // A 2026-07-28 call: no session needed, though the toolbox keeps them for handshake-era
      // clients.
      Headers headers =
          Headers.builder()
              .add("Content-Type", "application/json")
              .add("Accept", "application/json, text/event-stream")
              .add("MCP-Protocol-Version", "2026-07-28")
              .add("Mcp-Method", "tools/call")
              .add("Mcp-Name", "count_s3_buckets")
              .build();
      String call =
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"count_s3_buckets\","
              + "\"arguments\":{},\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
              + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
      var response =
          server.handle(
              HttpRequest.of("POST", "/mcp", headers, call.getBytes(StandardCharsets.UTF_8)));
      assertThat(response.status()).isEqualTo(200);
      JsonNode result = Json.parse(response.body()).path("result");
      assertThat(result.path("isError").asBoolean()).isTrue();
      assertThat(result.at("/content/0/text").asText())
          .contains("lacks s3:ListAllMyBuckets")
          .contains("template.yaml");
    } finally {
      deniedS3.stop(0);
    }
  }
}
