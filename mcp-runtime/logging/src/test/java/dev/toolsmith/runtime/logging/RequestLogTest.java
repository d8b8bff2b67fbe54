package dev.toolsmith.runtime.logging;

import static dev.toolsmith.runtime.testing.Mcp.legacy;
import static dev.toolsmith.runtime.testing.Mcp.modern;
import static dev.toolsmith.runtime.testing.Mcp.withHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolsmith.runtime.auth.BearerTokenAuthenticator;
import dev.toolsmith.runtime.lambda.McpLambdaHandler;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.testing.EchoPack;
import dev.toolsmith.test.lambda.HttpEvent;
import dev.toolsmith.test.lambda.LambdaResponse;
import dev.toolsmith.test.lambda.TestContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/** The request log's lines, through a real SLF4J backend (Logback), on HTTP and on Lambda. */
class RequestLogTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String TOKEN = "s3cr3t-token-that-must-never-be-logged";

  private ListAppender<ILoggingEvent> appender;
  private Logger logger;

  @BeforeEach
  void captureLines() {
    LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
    logger = logback.getLogger("test.requests." + System.nanoTime());
    logger.setAdditive(false);
    logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
    appender = new ListAppender<>();
    appender.setContext(logback);
    appender.start();
    logger.addAppender(appender);
  }

  private McpServer server(RequestLog.Builder log) {
    return serverWith(log.logger(logger).build());
  }

  private List<JsonNode> jsonLines() throws Exception {
    List<JsonNode> lines = new java.util.ArrayList<>();
    for (ILoggingEvent event : appender.list) {
      lines.add(MAPPER.readTree(event.getFormattedMessage()));
    }
    return lines;
  }

  @Test
  void aModernToolCall_isOneJsonLine_withPowertoolsFieldsAndTheMcpFacts() throws Exception {
    McpServer server = server(RequestLog.builder().service("weather"));

    server.handle(
        withHeader(
            modern(
                "tools/call",
                "echo",
                "\"name\":\"echo\",\"arguments\":{\"text\":\"private words\"}"),
            "Authorization",
            "Bearer " + TOKEN));

    assertThat(appender.list).hasSize(1);
    assertThat(appender.list.get(0).getLevel()).isEqualTo(ch.qos.logback.classic.Level.INFO);
    String raw = appender.list.get(0).getFormattedMessage();
    assertThat(raw).doesNotContain(TOKEN).doesNotContain("private words").doesNotContain("\n");
    JsonNode line = jsonLines().get(0);
    assertThat(line.path("level").asText()).isEqualTo("INFO");
    assertThat(line.path("message").asText()).matches("tools/call echo ok in [0-9.]+ ms");
    assertThat(line.path("timestamp").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(line.path("service").asText()).isEqualTo("weather");
    assertThat(line.has("cold_start")).as("cold_start describes a Lambda environment").isFalse();
    assertThat(line.path("mcp_method").asText()).isEqualTo("tools/call");
    assertThat(line.path("mcp_name").asText()).isEqualTo("echo");
    assertThat(line.path("mcp_era").asText()).isEqualTo("modern");
    assertThat(line.path("mcp_protocol_version").asText()).isEqualTo("2026-07-28");
    assertThat(line.path("mcp_request_id").asInt()).isEqualTo(1);
    assertThat(line.path("mcp_outcome").asText()).isEqualTo("ok");
    assertThat(line.path("duration_ms").isNumber()).isTrue();
    assertThat(line.path("subject").asText()).isEqualTo("shared-bearer-token");
    assertThat(line.has("function_request_id")).isFalse();
    assertThat(line.has("arguments")).isFalse();
  }

  @Test
  void toolErrorsAndRefusalsAreWarnings_andFailuresAreErrorsWithTheirId() throws Exception {
    McpServer server = server(RequestLog.builder());

    server.handle(auth(modern("tools/call", "refuse", "\"name\":\"refuse\",\"arguments\":{}")));
    server.handle(auth(modern("tools/call", "crash", "\"name\":\"crash\",\"arguments\":{}")));
    server.handle(auth(modern("tools/call", "nope", "\"name\":\"nope\",\"arguments\":{}")));

    List<JsonNode> lines = jsonLines();
    assertThat(lines).hasSize(3);
    JsonNode refused = lines.get(0);
    assertThat(refused.path("level").asText()).isEqualTo("WARN");
    assertThat(refused.path("mcp_outcome").asText()).isEqualTo("tool_error");
    assertThat(refused.path("mcp_error").asText()).contains("Atlantis");
    JsonNode crashed = lines.get(1);
    assertThat(crashed.path("level").asText()).isEqualTo("ERROR");
    assertThat(crashed.path("error_id").asText()).isNotEmpty();
    assertThat(crashed.toString()).doesNotContain("hunter2");
    assertThat(appender.list.get(1).getLevel()).isEqualTo(ch.qos.logback.classic.Level.ERROR);
    JsonNode unknown = lines.get(2);
    assertThat(unknown.path("mcp_outcome").asText()).isEqualTo("error");
    assertThat(unknown.path("mcp_error_code").asInt()).isEqualTo(-32602);
    assertThat(unknown.path("mcp_error").asText()).contains("nope");
    assertThat(unknown.path("level").asText()).isEqualTo("WARN");
  }

  @Test
  void theLevelThreshold_dropsQuieterLines() throws Exception {
    McpServer server = server(RequestLog.builder().level(Level.WARN));

    server.handle(
        auth(modern("tools/call", "echo", "\"name\":\"echo\",\"arguments\":{\"text\":\"a\"}")));
    server.handle(auth(modern("tools/call", "refuse", "\"name\":\"refuse\",\"arguments\":{}")));

    assertThat(jsonLines())
        .extracting(line -> line.path("mcp_name").asText())
        .containsExactly("refuse");
  }

  @Test
  void argumentsAreLogged_onlyWhenAskedFor() throws Exception {
    McpServer server = server(RequestLog.builder().withArguments());

    String arguments =
        "{\"text\":\"kept\",\"more\":[1,-2.5,true,null,{\"big\":123456789012345678901234567890}]}";
    server.handle(
        auth(modern("tools/call", "echo", "\"name\":\"echo\",\"arguments\":" + arguments)));

    assertThat(jsonLines().get(0).path("arguments"))
        .isEqualTo(new ObjectMapper().readTree(arguments));
  }

  @Test
  void textLines_readAsASentence_forATerminal() {
    McpServer server = server(RequestLog.builder().format(RequestLog.Format.TEXT));

    server.handle(auth(legacy("tools/call", "\"name\":\"refuse\",\"arguments\":{}")));

    assertThat(appender.list.get(0).getFormattedMessage())
        .matches(
            "tools/call refuse tool_error in [0-9.]+ ms \\(shared-bearer-token, 2025-11-25\\): "
                + "The city 'Atlantis' is not covered\\. Try a real city\\.");
  }

  @Test
  void onLambda_theLineCarriesTheInvocationsFunctionFields() throws Exception {
    McpLambdaHandler handler =
        new McpLambdaHandler(server(RequestLog.builder().service("board"))) {};
    TestContext context =
        TestContext.plain()
            .withRequestId("req-1")
            .withXrayTraceId(
                "Root=1-5f84c7a9-0c0ed5e5bf2ab6b4f0e4b9d1;Parent=53995c3f42cd8ad8;Sampled=1");

    LambdaResponse.invoke(
        handler,
        HttpEvent.apiGatewayV2().toolCall("echo", "{\"text\":\"hi\"}").bearer(TOKEN).toJson(),
        context);
    LambdaResponse.invoke(
        handler,
        HttpEvent.apiGatewayV2().toolCall("echo", "{\"text\":\"again\"}").bearer(TOKEN).toJson(),
        TestContext.plain().withRequestId("req-2"));

    List<JsonNode> lines = jsonLines();
    assertThat(lines).hasSize(2);
    JsonNode first = lines.get(0);
    assertThat(first.path("function_request_id").asText()).isEqualTo("req-1");
    assertThat(first.path("function_name").asText()).isEqualTo(context.getFunctionName());
    assertThat(first.path("function_arn").asText()).isEqualTo(context.getInvokedFunctionArn());
    assertThat(first.path("function_memory_size").asInt()).isEqualTo(context.getMemoryLimitInMB());
    assertThat(first.path("xray_trace_id").asText())
        .isEqualTo("1-5f84c7a9-0c0ed5e5bf2ab6b4f0e4b9d1");
    assertThat(first.path("cold_start").isBoolean()).isTrue();
    JsonNode second = lines.get(1);
    assertThat(second.path("function_request_id").asText()).isEqualTo("req-2");
    assertThat(second.has("xray_trace_id")).as("an untraced invocation names no trace").isFalse();
    assertThat(second.path("cold_start").asBoolean())
        .as("a later invocation is never the cold one")
        .isFalse();
  }

  @Test
  void theEnvironment_configuresServiceLevelAndFormat_andNamesWhatIsWrong() {
    assertThat(RequestLog.fromEnvironment(Map.of()).toString())
        .contains("text lines for service service_undefined", "level INFO", RequestLog.LOGGER_NAME);
    assertThat(
            RequestLog.fromEnvironment(
                    Map.of(
                        "AWS_LAMBDA_FUNCTION_NAME",
                        "f",
                        RequestLog.SERVICE_VARIABLE,
                        "weather",
                        RequestLog.LEVEL_VARIABLE,
                        "warning"))
                .toString())
        .contains("json lines for service weather", "level WARN");
    assertThat(RequestLog.fromEnvironment(Map.of(RequestLog.FORMAT_VARIABLE, "JSON")).toString())
        .contains("json lines");
    assertThatThrownBy(() -> RequestLog.fromEnvironment(Map.of(RequestLog.LEVEL_VARIABLE, "LOUD")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "POWERTOOLS_LOG_LEVEL is 'LOUD'; set it to one of TRACE, DEBUG, INFO, WARN or ERROR, or leave it unset for INFO");
    assertThatThrownBy(() -> RequestLog.fromEnvironment(Map.of(RequestLog.FORMAT_VARIABLE, "xml")))
        .hasMessageStartingWith("TOOLSMITH_LOG_FORMAT is 'xml'; set it to json or text");
  }

  @Test
  void aLoggerWhoseLevelIsOff_costsNoLine() {
    logger.setLevel(ch.qos.logback.classic.Level.OFF);
    McpServer server = server(RequestLog.builder());

    server.handle(auth(modern("tools/list", null, "")));

    assertThat(appender.list.stream().map(ILoggingEvent::getMessage).collect(Collectors.toList()))
        .isEmpty();
  }

  @Test
  void printedLines_areTheSameJsonDocuments_oneWholeLineEach_evenFromManyThreads()
      throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(bytes, false, StandardCharsets.ISO_8859_1);
    RequestLog log =
        RequestLog.builder()
            .fromEnvironment(Map.of("AWS_LAMBDA_FUNCTION_NAME", "f"))
            .service("printed")
            .level(Level.INFO)
            .printTo(stream)
            .build();
    McpServer server = serverWith(log);
    int threads = 4;
    int calls = 100;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < calls; i++) {
                    server.handle(
                        auth(
                            modern(
                                "tools/call",
                                "echo",
                                "\"name\":\"echo\",\"arguments\":{\"text\":\"é\"}")));
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(log.toString()).contains("json lines for service printed", "printed");
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).endsWith(System.lineSeparator());
    List<String> lines = text.lines().collect(Collectors.toList());
    assertThat(lines).hasSize(threads * calls);
    for (String line : lines) {
      JsonNode json = MAPPER.readTree(line);
      assertThat(json.path("service").asText()).isEqualTo("printed");
      assertThat(json.path("mcp_name").asText()).isEqualTo("echo");
    }
    assertThat(appender.list).as("nothing went to a logger").isEmpty();
  }

  @Test
  void printedLines_keepTheLevelThreshold_andALoggerSetLaterTakesOver() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    McpServer quiet =
        serverWith(
            RequestLog.builder()
                .level(Level.WARN)
                .printTo(new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .build());
    quiet.handle(
        auth(modern("tools/call", "echo", "\"name\":\"echo\",\"arguments\":{\"text\":\"a\"}")));
    quiet.handle(auth(modern("tools/call", "refuse", "\"name\":\"refuse\",\"arguments\":{}")));
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(MAPPER.readTree(line).path("mcp_name").asText()).isEqualTo("refuse"));

    McpServer logged =
        serverWith(
            RequestLog.builder()
                .printTo(new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .logger(logger)
                .build());
    logged.handle(auth(modern("tools/list", null, "")));
    assertThat(appender.list).hasSize(1);
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
  }

  @Test
  void timestamps_areUtcToTheMillisecond_asTheJdkWritesThem() {
    java.util.Random random = new java.util.Random(42);
    long[] instants = new long[2000];
    instants[0] = 0;
    instants[1] = 253402300799999L; // 9999-12-31T23:59:59.999Z
    instants[2] = 951782400000L; // 2000-02-29T00:00:00Z
    for (int i = 3; i < instants.length; i++) {
      instants[i] = (long) (random.nextDouble() * 253402300799999L);
    }
    for (long millis : instants) {
      String expected =
          java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
              .withZone(java.time.ZoneOffset.UTC)
              .format(java.time.Instant.ofEpochMilli(millis));
      assertThat(LineWriter.timestamp(millis)).as("%d", millis).isEqualTo(expected);
    }
    assertThat(LineWriter.timestamp(-1)).isEqualTo("1969-12-31T23:59:59.999Z");
  }

  private McpServer serverWith(RequestLog log) {
    return McpServer.builder()
        .name("logged")
        .tools(new EchoPack())
        .discoverTools(false)
        .auth(BearerTokenAuthenticator.of(TOKEN))
        .interceptor(log)
        .build();
  }

  private static dev.toolsmith.runtime.http.HttpRequest auth(
      dev.toolsmith.runtime.http.HttpRequest request) {
    return withHeader(request, "Authorization", "Bearer " + TOKEN);
  }
}
