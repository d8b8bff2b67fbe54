package dev.toolsmith.examples.toolbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.testing.DynamoDbLocal;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged toolbox jar as an attacker meets it, over raw sockets, with its sessions in DynamoDB
 * Local: bad bytes, bad shapes, bad headers, other people's sessions. Every answer is asserted the
 * same way: a status from the expected set (no 5xx), a JSON body, no Java class or stack frame in
 * it, and no hang.
 */
class AdversarialJarIT {
  private static final Path JAR = Path.of(System.getProperty("toolbox.jar", "target/toolbox.jar"));
  private static final String ALICE = "alice-adversarial-token-0123456789";
  private static final String BOB = "bob-adversarial-token-0123456789";
  private static final Set<Integer> STATUSES =
      Set.of(200, 202, 204, 400, 401, 403, 404, 405, 406, 408, 411, 413, 415, 429, 431, 501, 505);
  private static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"a\",\"version\":\"1\"}}}";
  private static final String INCREMENT =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":"
          + "\"increment_counter\",\"arguments\":{}}}";

  private static DynamoDbLocal dynamo;
  private static Process server;
  private static URI url;

  @BeforeAll
  static void start() throws Exception {
    // Sessions in DynamoDB Local, as on Lambda: ownership is the table's conditions, not memory.
    dynamo = DynamoDbLocal.start();
    dynamo.createSessionTable("adversarial_sessions");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                JAR.toString())
            .redirectError(Files.createTempFile("adversarial", ".err").toFile());
    builder.environment().remove("MCP_AUTH_TOKEN");
    builder.environment().put("MCP_SESSION_TABLE", "adversarial_sessions");
    builder.environment().put("AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString());
    builder.environment().put("AWS_REGION", "us-east-1");
    builder.environment().put("AWS_ACCESS_KEY_ID", "local");
    builder.environment().put("AWS_SECRET_ACCESS_KEY", "local");
    builder.environment().put("MCP_AUTH_TOKENS", "alice=" + ALICE + ",bob=" + BOB);
    builder.environment().put("PORT", "0");
    server = builder.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    String banner = out.readLine();
    assertThat(banner).contains("listening at http://");
    url = URI.create(banner.substring(banner.indexOf("http://")));
  }

  @AfterAll
  static void stop() throws Exception {
    server.destroy();
    assertThat(server.waitFor(15, TimeUnit.SECONDS)).isTrue();
    dynamo.close();
  }

  @Test
  void anotherHoldersSession_doesNotExistForThem() throws Exception {
    Answer init = post(ALICE, null, INITIALIZE);
    String alices = init.header("mcp-session-id");
    assertThat(alices).isNotNull();
    assertThat(count(post(ALICE, alices, INCREMENT))).isEqualTo("1");
    assertThat(count(post(ALICE, alices, INCREMENT))).isEqualTo("2");

    Answer unknown = post(BOB, "x".repeat(43), INCREMENT);
    Answer stolen = post(BOB, alices, INCREMENT);
    assertThat(stolen.status).isEqualTo(404).isEqualTo(unknown.status);
    assertThat(stolen.json().path("error")).isEqualTo(unknown.json().path("error"));
    assertThat(send(raw("DELETE", BOB, alices, "")).status).isEqualTo(404);
    assertThat(send(raw("GET", BOB, alices, "")).status).isEqualTo(404);

    String bobs = post(BOB, null, INITIALIZE).header("mcp-session-id");
    Answer handle =
        post(
            BOB,
            bobs,
            INCREMENT.replace(
                "\"arguments\":{}", "\"arguments\":{\"session_handle\":\"" + alices + "\"}"));
    assertThat(handle.json().at("/result/isError").asBoolean()).isTrue();
    assertThat(count(post(ALICE, alices, INCREMENT))).isEqualTo("3");
  }

  @Test
  void badBytesShapesAndHeaders_getJsonAnswers_neverA5xxOrAStackTrace() throws Exception {
    List<byte[]> attacks = new ArrayList<>();
    attacks.add(
        raw(
            "POST",
            ALICE,
            null,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"get_t\u00c1\u009fime\"}}"));
    attacks.add(
        withBody(ALICE, new byte[] {'{', '"', 'a', '"', ':', (byte) 0xC1, (byte) 0x9F, '}'}));
    attacks.add(withBody(ALICE, "{\"a\":1}".getBytes(StandardCharsets.UTF_16)));
    attacks.add(raw("POST", ALICE, null, "[" + "[".repeat(5000) + "]".repeat(5000) + "]"));
    attacks.add(raw("POST", ALICE, null, "[1e99999999999999999999]"));
    attacks.add(raw("POST", ALICE, null, "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":7}"));
    attacks.add(raw("POST", ALICE, null, "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]"));
    attacks.add(
        raw("POST", ALICE, null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"ping\"}"));
    attacks.add(
        raw(
            "POST",
            ALICE,
            null,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"no_such_tool\"}}"));
    attacks.add(
        raw(
            "POST",
            ALICE,
            null,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"increment_counter\",\"arguments\":{\"session_handle\":42}}}"));
    attacks.add(raw("POST", "", null, INITIALIZE));
    // Trailing whitespace is not part of an HTTP field value (RFC 9110 5.5), so Jetty drops it and
    // this one is Alice's token; on raw events (Lambda) the same spelling is refused.
    attacks.add(raw("POST", ALICE + " ", null, INITIALIZE));
    attacks.add(raw("POST", ALICE.replace('a', '\t'), null, INITIALIZE));
    attacks.add(raw("POST", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJib2IifQ.", null, INITIALIZE));
    attacks.add(ascii("POST /mcp HTTP/9.9\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\n{}"));
    attacks.add(
        ascii(
            "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Evil: a\rInjected: b\r\n"
                + "Content-Length: 2\r\n\r\n{}"));
    attacks.add(
        ascii(
            "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "X-Pad: y\r\n".repeat(1000)
                + "Content-Length: 2\r\n\r\n{}"));
    attacks.add(
        ascii(
            "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
                + "z".repeat(1 << 20)
                + "\r\nContent-Length: 2\r\n\r\n{}"));
    attacks.add(
        ascii(
            "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: gzip, rot13\r\n"
                + "\r\n{}"));
    attacks.add(
        ascii(
            "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + ALICE
                + "\r\nContent-Type: application/json\r\nContent-Length: 999999999\r\n\r\n{}"));
    attacks.add(ascii("GET /../../etc/passwd HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    attacks.add(
        ascii("POST /mcp HTTP/1.1\r\nHost: evil.example.com\r\nContent-Length: 2\r\n\r\n{}"));
    attacks.add(
        ascii(
            "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://evil.example.com\r\n"
                + "Content-Length: 2\r\n\r\n{}"));
    for (int i = 0; i < attacks.size(); i++) {
      Answer answer = send(attacks.get(i));
      String what = "attack " + i + ": " + answer;
      assertThat(STATUSES).as(what).contains(answer.status);
      assertThat(answer.body)
          .as(what)
          .doesNotContain("Exception")
          .doesNotContain("\tat ")
          .doesNotContain("org.eclipse")
          .doesNotContain("dev.toolsmith.")
          .doesNotContain("<html");
      if (!answer.body.isEmpty()) {
        assertThat(answer.header("content-type")).as(what).startsWith("application/json");
        Json.parse(answer.body);
      }
    }
    // After all that, the server still serves.
    assertThat(post(ALICE, null, INITIALIZE).status).isEqualTo(200);
  }

  // --- a raw client ---

  private static String count(Answer answer) throws IOException {
    assertThat(answer.status).as(answer.toString()).isEqualTo(200);
    return answer.json().at("/result/content/0/text").asText();
  }

  private static Answer post(String token, String session, String json) throws IOException {
    return send(raw("POST", token, session, json));
  }

  private static byte[] raw(String method, String token, String session, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String head =
        method
            + " /mcp HTTP/1.1\r\nHost: "
            + url.getHost()
            + ":"
            + url.getPort()
            + "\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream"
            + "\r\nMCP-Protocol-Version: 2025-11-25\r\n"
            + (token == null || token.isEmpty() ? "" : "Authorization: Bearer " + token + "\r\n")
            + (session == null ? "" : "Mcp-Session-Id: " + session + "\r\n")
            + "Content-Length: "
            + body.length
            + "\r\n\r\n";
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
    all.writeBytes(body);
    return all.toByteArray();
  }

  private static byte[] withBody(String token, byte[] body) {
    byte[] head = raw("POST", token, null, "x".repeat(body.length));
    byte[] request = head.clone();
    System.arraycopy(body, 0, request, head.length - body.length, body.length);
    return request;
  }

  private static byte[] ascii(String request) {
    return request.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Sends one request on a new connection and reads one response within 10 s. */
  private static Answer send(byte[] request) throws IOException {
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (IOException e) {
        // The server may answer and close before reading a huge request to its end.
      }
      InputStream in = new BufferedInputStream(socket.getInputStream());
      String status = line(in);
      List<String> headers = new ArrayList<>();
      int length = -1;
      boolean chunked = false;
      for (String line = line(in); !line.isEmpty(); line = line(in)) {
        headers.add(line);
        if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
          length = Integer.parseInt(line.substring(15).trim());
        } else if (line.toLowerCase(Locale.ROOT).startsWith("transfer-encoding:")) {
          chunked = true;
        }
      }
      String body;
      if (length >= 0) {
        body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
      } else if (chunked) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line(in).trim(), 16);
            size > 0;
            size = Integer.parseInt(line(in).trim(), 16)) {
          all.writeBytes(in.readNBytes(size));
          line(in);
        }
        body = all.toString(StandardCharsets.UTF_8);
      } else {
        body = "";
      }
      return new Answer(Integer.parseInt(status.substring(9, 12)), headers, body);
    } catch (SocketTimeoutException e) {
      throw new AssertionError("The server did not answer within 10 s", e);
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b == -1) {
        throw new IOException("The server closed the connection without a response");
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  private record Answer(int status, List<String> headers, String body) {
    String header(String name) {
      String prefix = name + ":";
      for (String header : headers) {
        if (header.regionMatches(true, 0, prefix, 0, prefix.length())) {
          return header.substring(prefix.length()).trim();
        }
      }
      return null;
    }

    JsonNode json() throws IOException {
      return Json.parse(body);
    }
  }
}
