package dev.toolsmith.runtime.intercept;

import static dev.toolsmith.runtime.testing.Mcp.error;
import static dev.toolsmith.runtime.testing.Mcp.legacy;
import static dev.toolsmith.runtime.testing.Mcp.modern;
import static dev.toolsmith.runtime.testing.Mcp.result;
import static dev.toolsmith.runtime.testing.Mcp.withHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.Content;
import dev.toolsmith.runtime.Identity;
import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.auth.AuthDecision;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.testing.EchoPack;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The audit log, guardrails and rate limiter that ship with the core. */
class ShippedInterceptorsTest {
  private static final Pattern SSN = Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b");

  private static McpServer server(Interceptor... interceptors) {
    McpServer.Builder builder =
        McpServer.builder()
            .name("shipped")
            .tools(new EchoPack())
            .discoverTools(false)
            // Each caller is who its Authorization header says, so limits can be told apart.
            .auth(
                headers -> {
                  String who = headers.first("Authorization");
                  return who == null
                      ? AuthDecision.allow()
                      : AuthDecision.allow(Identity.of(who, Set.of(), Json.object()));
                });
    for (Interceptor interceptor : interceptors) {
      builder.interceptor(interceptor);
    }
    return builder.build();
  }

  private static String echo(String text) {
    return "\"name\":\"echo\",\"arguments\":{\"text\":\"" + text + "\"}";
  }

  @Test
  void auditLog_writesOneJsonLinePerInvocation_withoutArgumentsUnlessAsked() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    McpServer server = server(AuditLog.to(lines::add));

    server.handle(withHeader(legacy("tools/call", echo("my secret")), "Authorization", "alice"));
    server.handle(legacy("tools/call", "\"name\":\"refuse\",\"arguments\":{}"));
    server.handle(legacy("tools/list", ""));

    assertThat(lines).hasSize(2);
    JsonNode first = Json.parse(lines.get(0));
    assertThat(first.path("subject").asText()).isEqualTo("alice");
    assertThat(first.path("kind").asText()).isEqualTo("tool");
    assertThat(first.path("name").asText()).isEqualTo("echo");
    assertThat(first.path("protocolVersion").asText()).isEqualTo("2025-11-25");
    assertThat(first.path("outcome").asText()).isEqualTo("ok");
    assertThat(first.path("durationMs").isNumber()).isTrue();
    assertThat(first.path("timestamp").asText()).endsWith("Z");
    assertThat(lines.get(0)).doesNotContain("my secret");
    assertThat(Json.parse(lines.get(1)).path("outcome").asText()).isEqualTo("tool_error");
  }

  @Test
  void auditLog_withArguments_recordsThem() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    server(AuditLog.to(lines::add).withArguments())
        .handle(modern("tools/call", "echo", echo("kept")));

    assertThat(Json.parse(lines.get(0)).at("/arguments/text").asText()).isEqualTo("kept");
  }

  @Test
  void auditLog_seesWhatALaterInterceptorRefused() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    McpServer server =
        server(AuditLog.to(lines::add), RateLimiter.perIdentity(1, Duration.ofHours(1)));

    server.handle(legacy("tools/call", echo("one")));
    server.handle(legacy("tools/call", echo("two")));

    assertThat(Json.parse(lines.get(1)).path("outcome").asText()).isEqualTo("error");
    assertThat(Json.parse(lines.get(1)).path("errorCode").asInt()).isEqualTo(-32000);
  }

  @Test
  void inputGuardrail_refusesWithItsReason_asAnIsErrorResult() throws Exception {
    McpServer server =
        server(
            Guardrails.builder()
                .input(
                    call ->
                        call.arguments().path("text").asText().contains("DROP TABLE")
                            ? Optional.of("SQL is not accepted as text; describe the data instead.")
                            : Optional.empty())
                .build());

    JsonNode refused = result(server.handle(legacy("tools/call", echo("DROP TABLE users"))));
    JsonNode allowed = result(server.handle(legacy("tools/call", echo("users"))));

    assertThat(refused.path("isError").asBoolean()).isTrue();
    assertThat(refused.at("/content/0/text").asText())
        .isEqualTo("SQL is not accepted as text; describe the data instead.");
    assertThat(allowed.at("/content/0/text").asText()).isEqualTo("users");
  }

  @Test
  void redaction_replacesMatchesInTheResultTheClientGets() throws Exception {
    McpServer server = server(Guardrails.builder().redact(SSN, "[redacted]").build());

    JsonNode result =
        result(server.handle(modern("tools/call", "echo", echo("SSN 123-45-6789, ok"))));

    assertThat(result.at("/content/0/text").asText()).isEqualTo("SSN [redacted], ok");
    assertThat(result.path("isError").asBoolean()).isFalse();
  }

  @Test
  void redaction_coversStructuredContentAndEmbeddedText_andKeepsJsonValid() {
    ToolResult structured =
        ToolResult.structured("{\"id\":\"123-45-6789\",\"n\":[\"x 987-65-4321\"]}");
    ToolResult embedded =
        ToolResult.of(Content.resource("file:///a.txt", "text/plain", "id 123-45-6789"));
    Guardrails.OutputCheck check = Guardrails.redacting(SSN, "$1 [r]");

    ToolResult redacted = check.check(null, structured);
    ToolResult redactedText = check.check(null, embedded);

    assertThat(redacted.structuredContent()).isEqualTo("{\"id\":\"$1 [r]\",\"n\":[\"x $1 [r]\"]}");
    assertThat(((Content.Text) redacted.content().get(0)).text()).doesNotContain("6789");
    assertThat(((Content.EmbeddedResource) redactedText.content().get(0)).text())
        .isEqualTo("id $1 [r]");
    ToolResult clean = ToolResult.text("nothing here");
    assertThat(check.check(null, clean)).isSameAs(clean);
  }

  @Test
  void outputGuardrail_mayWithholdAResult() throws Exception {
    McpServer server =
        server(
            Guardrails.builder()
                .output(
                    (call, result) -> {
                      throw Rejection.of("The answer mentioned an internal host; it was withheld.");
                    })
                .build());

    JsonNode result = result(server.handle(legacy("tools/call", echo("db.internal"))));

    assertThat(result.path("isError").asBoolean()).isTrue();
    assertThat(result.toString()).doesNotContain("db.internal\"");
  }

  @Test
  void rateLimiter_refusesACallerPastItsShare_with429AndRetryAfter_andOthersGoOn()
      throws Exception {
    McpServer server = server(RateLimiter.perIdentity(2, Duration.ofHours(1)));

    for (int i = 0; i < 2; i++) {
      assertThat(
              server
                  .handle(withHeader(legacy("tools/call", echo("a")), "Authorization", "alice"))
                  .status())
          .isEqualTo(200);
    }
    HttpResponse refused =
        server.handle(withHeader(legacy("tools/call", echo("a")), "Authorization", "alice"));
    HttpResponse other =
        server.handle(withHeader(legacy("tools/call", echo("b")), "Authorization", "bob"));

    assertThat(refused.status()).isEqualTo(429);
    long retryAfter = Long.parseLong(refused.headers().get("Retry-After"));
    assertThat(retryAfter).isBetween(1790L, 1800L);
    assertThat(error(refused).path("message").asText())
        .startsWith("Rate limit reached: each caller may make 2 calls per hour. Wait ");
    assertThat(other.status()).isEqualTo(200);
    assertThat(
            result(server.handle(withHeader(legacy("tools/list", ""), "Authorization", "alice")))
                .path("tools"))
        .as("listing is no invocation")
        .isNotEmpty();
  }

  @Test
  void rateLimiter_refillsEvenlyOverItsPeriod() {
    AtomicLong now = new AtomicLong(0);
    RateLimiter limiter = new RateLimiter(2, Duration.ofSeconds(10), now::get);
    Invocation call = new FakeInvocation("carol");

    limiter.beforeInvocation(call);
    limiter.beforeInvocation(call);
    assertThatThrownBy(() -> limiter.beforeInvocation(call))
        .isInstanceOfSatisfying(
            Rejection.class, r -> assertThat(r.retryAfterSeconds()).isEqualTo(5));
    now.addAndGet(Duration.ofSeconds(5).toNanos());
    limiter.beforeInvocation(call);
    assertThatThrownBy(() -> limiter.beforeInvocation(call)).isInstanceOf(Rejection.class);
  }

  @Test
  void rateLimiter_refusesNonsense() {
    assertThatThrownBy(() -> RateLimiter.perIdentity(0, Duration.ofSeconds(1)))
        .hasMessageContaining("at least 1 call");
    assertThatThrownBy(() -> RateLimiter.perIdentity(1, Duration.ZERO))
        .hasMessageContaining("must be positive");
  }

  @Test
  void rejection_needsAReason_andRoundsItsWaitUp() {
    assertThatThrownBy(() -> Rejection.of(" ")).hasMessageContaining("reason");
    assertThat(Rejection.retryAfter("x", Duration.ofMillis(1)).retryAfterSeconds()).isEqualTo(1);
    assertThat(Rejection.retryAfter("x", Duration.ofMillis(2001)).retryAfterSeconds()).isEqualTo(3);
    assertThat(Rejection.of("x").retryAfter()).isEmpty();
  }

  /** An invocation of the echo tool by one caller, for the limiter's own clock. */
  private record FakeInvocation(String subject) implements Invocation {
    @Override
    public Kind kind() {
      return Kind.TOOL;
    }

    @Override
    public String name() {
      return "echo";
    }

    @Override
    public JsonNode arguments() {
      return Json.object();
    }

    @Override
    public Identity identity() {
      return Identity.of(subject, Set.of(), Json.object());
    }

    @Override
    public String protocolVersion() {
      return "2026-07-28";
    }

    @Override
    public Optional<InterceptedRequest> request() {
      return Optional.of(new InterceptedRequestStub());
    }

    @Override
    public dev.toolsmith.runtime.RequestContext context() {
      return dev.toolsmith.runtime.RequestContext.none();
    }

    @Override
    public long startNanos() {
      return 0;
    }

    @Override
    public <T> void attach(Class<T> type, T value) {}

    @Override
    public <T> Optional<T> attached(Class<T> type) {
      return Optional.empty();
    }
  }

  private static final class InterceptedRequestStub implements InterceptedRequest {
    @Override
    public String method() {
      return "tools/call";
    }

    @Override
    public Optional<String> name() {
      return Optional.of("echo");
    }

    @Override
    public JsonNode id() {
      return Json.nodes().numberNode(1);
    }

    @Override
    public JsonNode params() {
      return Json.object();
    }

    @Override
    public Era era() {
      return Era.MODERN;
    }

    @Override
    public Optional<String> protocolVersion() {
      return Optional.of("2026-07-28");
    }

    @Override
    public Identity identity() {
      return Identity.anonymous();
    }

    @Override
    public <T> Optional<T> transportAttribute(Class<T> type) {
      return Optional.empty();
    }

    @Override
    public long startNanos() {
      return 0;
    }

    @Override
    public <T> void attach(Class<T> type, T value) {}

    @Override
    public <T> Optional<T> attached(Class<T> type) {
      return Optional.empty();
    }
  }
}
