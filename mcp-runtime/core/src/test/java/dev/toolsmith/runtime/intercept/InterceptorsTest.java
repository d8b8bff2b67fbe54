package dev.toolsmith.runtime.intercept;

import static dev.toolsmith.runtime.testing.Mcp.error;
import static dev.toolsmith.runtime.testing.Mcp.legacy;
import static dev.toolsmith.runtime.testing.Mcp.modern;
import static dev.toolsmith.runtime.testing.Mcp.result;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.Identity;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.testing.EchoPack;
import dev.toolsmith.runtime.testing.LibraryPack;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Interceptors around requests and invocations, in both eras, over the Streamable HTTP rules. */
class InterceptorsTest {
  private static McpServer server(Interceptor... interceptors) {
    McpServer.Builder builder =
        McpServer.builder()
            .name("intercepted")
            .tools(new EchoPack(), new LibraryPack())
            .discoverTools(false);
    for (Interceptor interceptor : interceptors) {
      builder.interceptor(interceptor);
    }
    return builder.build();
  }

  private static final String ECHO = "\"name\":\"echo\",\"arguments\":{\"text\":\"hello\"}";

  @Test
  void interceptors_runInOrderBefore_andInReverseAfter() throws Exception {
    List<String> calls = new CopyOnWriteArrayList<>();
    McpServer server = server(new Recorder("outer", calls), new Recorder("inner", calls));

    assertThat(
            result(server.handle(modern("tools/call", "echo", ECHO)))
                .at("/content/0/text")
                .asText())
        .isEqualTo("hello");

    assertThat(calls)
        .containsExactly(
            "outer beforeRequest tools/call echo MODERN 2026-07-28",
            "inner beforeRequest tools/call echo MODERN 2026-07-28",
            "outer beforeInvocation TOOL echo {\"text\":\"hello\"} request=true",
            "inner beforeInvocation TOOL echo {\"text\":\"hello\"} request=true",
            "inner afterInvocation OK {\"content\":[{\"type\":\"text\",\"text\":\"hello\"}]}",
            "outer afterInvocation OK {\"content\":[{\"type\":\"text\",\"text\":\"hello\"}]}",
            "inner afterRequest OK",
            "outer afterRequest OK");
  }

  @Test
  void requestsWithoutInvocations_areSeenToo_withTheirResultAsJson() throws Exception {
    List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    List<InterceptedRequest> requests = new CopyOnWriteArrayList<>();
    McpServer server =
        server(
            new Interceptor() {
              @Override
              public void afterRequest(InterceptedRequest request, Outcome outcome) {
                requests.add(request);
                outcomes.add(outcome);
              }
            });

    server.handle(legacy("tools/list", ""));

    assertThat(requests.get(0).method()).isEqualTo("tools/list");
    assertThat(requests.get(0).era()).isEqualTo(InterceptedRequest.Era.HANDSHAKE);
    assertThat(requests.get(0).protocolVersion()).contains("2025-11-25");
    assertThat(requests.get(0).name()).isEmpty();
    assertThat(requests.get(0).identity().isAuthenticated()).isFalse();
    assertThat(outcomes.get(0).status()).isEqualTo(Outcome.Status.OK);
    assertThat(outcomes.get(0).result().at("/tools/0/name").asText()).isEqualTo("echo");
    assertThat(outcomes.get(0).durationNanos()).isPositive();
  }

  @Test
  void toolErrors_andProtocolErrors_reachTheOutcome() throws Exception {
    List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    McpServer server = server(observing(outcomes));

    server.handle(legacy("tools/call", "\"name\":\"refuse\",\"arguments\":{}"));
    server.handle(legacy("tools/call", "\"name\":\"nope\",\"arguments\":{}"));

    assertThat(outcomes.get(0).status()).isEqualTo(Outcome.Status.TOOL_ERROR);
    assertThat(outcomes.get(0).errorMessage())
        .contains("The city 'Atlantis' is not covered. Try a real city.");
    assertThat(outcomes.get(1).status()).isEqualTo(Outcome.Status.ERROR);
    assertThat(outcomes.get(1).errorCode()).hasValue(-32602);
    assertThat(outcomes.get(1).result().path("message").asText()).contains("nope");
  }

  @Test
  void anUnexpectedFailure_callsOnError_andTheOutcomeNamesTheErrorIdTheClientGot()
      throws Exception {
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    List<InvocationOutcome> invocations = new CopyOnWriteArrayList<>();
    List<Outcome> requests = new CopyOnWriteArrayList<>();
    McpServer server =
        server(
            new Interceptor() {
              @Override
              public void onError(Invocation invocation, Throwable failure) {
                failures.add(failure);
              }

              @Override
              public void afterInvocation(Invocation invocation, InvocationOutcome outcome) {
                invocations.add(outcome);
              }

              @Override
              public void afterRequest(InterceptedRequest request, Outcome outcome) {
                requests.add(outcome);
              }
            });

    JsonNode result =
        result(server.handle(legacy("tools/call", "\"name\":\"crash\",\"arguments\":{}")));

    assertThat(failures).singleElement().isInstanceOf(IllegalStateException.class);
    String errorId = invocations.get(0).errorId().orElseThrow();
    assertThat(result.at("/content/0/text").asText()).contains(errorId);
    assertThat(invocations.get(0).failure()).containsSame(failures.get(0));
    assertThat(requests.get(0).status()).isEqualTo(Outcome.Status.TOOL_ERROR);
    assertThat(requests.get(0).errorId()).contains(errorId);
  }

  @Test
  void aToolException_isNoUnexpectedFailure() throws Exception {
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    List<InvocationOutcome> invocations = new CopyOnWriteArrayList<>();
    McpServer server =
        server(
            new Interceptor() {
              @Override
              public void onError(Invocation invocation, Throwable failure) {
                failures.add(failure);
              }

              @Override
              public void afterInvocation(Invocation invocation, InvocationOutcome outcome) {
                invocations.add(outcome);
              }
            });

    server.handle(legacy("tools/call", "\"name\":\"refuse\",\"arguments\":{}"));

    assertThat(failures).isEmpty();
    assertThat(invocations.get(0).failure().orElseThrow())
        .isInstanceOf(dev.toolsmith.runtime.ToolException.class);
    assertThat(invocations.get(0).errorId()).isEmpty();
  }

  @Test
  void aRejectionBeforeATool_isAnIsErrorResult_andOnlyTheInterceptorsThatRanSeeItsEnd()
      throws Exception {
    List<String> calls = new CopyOnWriteArrayList<>();
    McpServer server =
        server(
            new Recorder("outer", calls),
            new Interceptor() {
              @Override
              public void beforeInvocation(Invocation invocation) {
                throw Rejection.of("Echoing is switched off today; ask again tomorrow.");
              }
            },
            new Recorder("inner", calls));

    JsonNode result = result(server.handle(modern("tools/call", "echo", ECHO)));

    assertThat(result.path("isError").asBoolean()).isTrue();
    assertThat(result.at("/content/0/text").asText())
        .isEqualTo("Echoing is switched off today; ask again tomorrow.");
    assertThat(calls).noneMatch(call -> call.startsWith("inner") && call.contains("Invocation"));
    assertThat(calls)
        .contains(
            "outer afterInvocation TOOL_ERROR {\"content\":[{\"type\":\"text\",\"text\":"
                + "\"Echoing is switched off today; ask again tomorrow.\"}],\"isError\":true}",
            "outer afterRequest TOOL_ERROR");
  }

  @Test
  void aRejectionToRetryLater_isA429WithRetryAfter() throws Exception {
    McpServer server =
        server(
            new Interceptor() {
              @Override
              public void beforeInvocation(Invocation invocation) {
                throw Rejection.retryAfter("Slow down.", java.time.Duration.ofMillis(1500));
              }
            });

    HttpResponse response = server.handle(modern("tools/call", "echo", ECHO));

    assertThat(response.status()).isEqualTo(429);
    assertThat(response.headers()).containsEntry("Retry-After", "2");
    JsonNode error = error(response);
    assertThat(error.path("message").asText()).isEqualTo("Slow down.");
    assertThat(error.at("/data/retryAfterSeconds").asLong()).isEqualTo(2);
  }

  @Test
  void aRejectionBeforeARequest_isAJsonRpcErrorWithTheReason() throws Exception {
    McpServer server =
        server(
            new Interceptor() {
              @Override
              public void beforeRequest(InterceptedRequest request) {
                if (request.method().equals("prompts/list")) {
                  throw Rejection.of("Prompts are not listed for you.");
                }
              }
            });

    JsonNode error = error(server.handle(legacy("prompts/list", "")));

    assertThat(error.path("code").asInt()).isEqualTo(-32600);
    assertThat(error.path("message").asText()).isEqualTo("Prompts are not listed for you.");
    assertThat(result(server.handle(legacy("tools/list", ""))).path("tools")).isNotEmpty();
  }

  @Test
  void aBrokenInterceptor_failsItsInvocationClosed_withoutLeakingDetails() throws Exception {
    McpServer server =
        server(
            new Interceptor() {
              @Override
              public void afterInvocation(Invocation invocation, InvocationOutcome outcome) {
                throw new IllegalStateException("guardrail bug, secret sauce");
              }
            });

    HttpResponse response = server.handle(legacy("tools/call", ECHO));
    JsonNode result = result(response);

    assertThat(result.path("isError").asBoolean()).isTrue();
    assertThat(result.at("/content/0/text").asText()).contains("error id");
    assertThat(response.bodyText()).doesNotContain("hello").doesNotContain("secret sauce");
  }

  @Test
  void aBrokenObserverAfterARequest_leavesTheReplyAsItWas() throws Exception {
    McpServer server =
        server(
            new Interceptor() {
              @Override
              public void afterRequest(InterceptedRequest request, Outcome outcome) {
                throw new IllegalStateException("metrics backend down");
              }
            });

    assertThat(result(server.handle(legacy("tools/call", ECHO))).at("/content/0/text").asText())
        .isEqualTo("hello");
  }

  @Test
  void promptsAndResources_areInvocationsToo() throws Exception {
    List<String> calls = new CopyOnWriteArrayList<>();
    McpServer server = server(new Recorder("only", calls));

    server.handle(
        legacy(
            "prompts/get",
            "\"name\":\"review\",\"arguments\":{\"book\":\"emma\",\"tone\":\"kind\"}"));
    server.handle(modern("resources/read", "library://catalog", "\"uri\":\"library://catalog\""));

    assertThat(calls)
        .contains(
            "only beforeInvocation PROMPT review {\"book\":\"emma\",\"tone\":\"kind\"} request=true",
            "only beforeInvocation RESOURCE library://catalog {} request=true",
            "only beforeRequest resources/read library://catalog MODERN 2026-07-28");
  }

  @Test
  void aRejectedPrompt_isInvalidParams() throws Exception {
    McpServer server =
        server(
            Guardrails.builder()
                .input(
                    call ->
                        call.kind() == Invocation.Kind.PROMPT
                            ? java.util.Optional.of("Prompts need approval.")
                            : java.util.Optional.empty())
                .build());

    JsonNode error =
        error(server.handle(legacy("prompts/get", "\"name\":\"review\",\"arguments\":{}")));

    assertThat(error.path("code").asInt()).isEqualTo(-32602);
    assertThat(error.path("message").asText()).isEqualTo("Prompts need approval.");
  }

  @Test
  void attachments_passStateFromBeforeToAfter() throws Exception {
    List<Long> seen = new CopyOnWriteArrayList<>();
    McpServer server =
        server(
            new Interceptor() {
              @Override
              public void beforeRequest(InterceptedRequest request) {
                request.attach(Long.class, 42L);
              }

              @Override
              public void afterRequest(InterceptedRequest request, Outcome outcome) {
                seen.add(request.attached(Long.class).orElse(-1L));
                seen.add(request.attached(String.class).isPresent() ? 1L : 0L);
              }
            });

    server.handle(legacy("tools/list", ""));

    assertThat(seen).containsExactly(42L, 0L);
  }

  private static Interceptor observing(List<Outcome> outcomes) {
    return new Interceptor() {
      @Override
      public void afterRequest(InterceptedRequest request, Outcome outcome) {
        outcomes.add(outcome);
      }
    };
  }

  /** Writes down every call it gets, with what it sees. */
  private static final class Recorder implements Interceptor {
    private final String name;
    private final List<String> calls;

    Recorder(String name, List<String> calls) {
      this.name = name;
      this.calls = calls;
    }

    @Override
    public void beforeRequest(InterceptedRequest request) {
      calls.add(
          name
              + " beforeRequest "
              + request.method()
              + " "
              + request.name().orElse("-")
              + " "
              + request.era()
              + " "
              + request.protocolVersion().orElse("-"));
    }

    @Override
    public void afterRequest(InterceptedRequest request, Outcome outcome) {
      calls.add(name + " afterRequest " + outcome.status());
    }

    @Override
    public void beforeInvocation(Invocation invocation) {
      Identity identity = invocation.identity();
      assertThat(identity).isNotNull();
      calls.add(
          name
              + " beforeInvocation "
              + invocation.kind()
              + " "
              + invocation.name()
              + " "
              + invocation.arguments()
              + " request="
              + invocation.request().isPresent());
    }

    @Override
    public void afterInvocation(Invocation invocation, InvocationOutcome outcome) {
      calls.add(
          name
              + " afterInvocation "
              + outcome.status()
              + " "
              + (outcome.toolResult().isPresent() ? outcome.result() : "-"));
    }
  }
}
