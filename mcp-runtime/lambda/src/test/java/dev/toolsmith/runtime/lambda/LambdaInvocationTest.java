package dev.toolsmith.runtime.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolsmith.runtime.intercept.InterceptedRequest;
import dev.toolsmith.runtime.intercept.Interceptor;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.testing.EchoPack;
import dev.toolsmith.test.lambda.HttpEvent;
import dev.toolsmith.test.lambda.LambdaResponse;
import dev.toolsmith.test.lambda.TestContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What the Lambda adapter records of each invocation for logs, metrics and traces. */
class LambdaInvocationTest {
  private static final String TRACED =
      "Root=1-5f84c7a9-0c0ed5e5bf2ab6b4f0e4b9d1;Parent=53995c3f42cd8ad8;Sampled=1";

  private final List<LambdaInvocation> seen = new CopyOnWriteArrayList<>();

  private McpLambdaHandler handler() {
    Interceptor recorder =
        new Interceptor() {
          @Override
          public void beforeRequest(InterceptedRequest request) {
            seen.add(request.transportAttribute(LambdaInvocation.class).orElse(null));
          }
        };
    return new McpLambdaHandler(
        McpServer.builder()
            .name("recorded")
            .tools(new EchoPack())
            .discoverTools(false)
            .interceptor(recorder)
            .build()) {};
  }

  @Test
  void everyInvocationCarriesItsContextAndTrace_andOnlyOneIsEverCold() throws Exception {
    McpLambdaHandler handler = handler();
    SnapStartCheckpoint.prime(handler);
    TestContext first = TestContext.plain().withRequestId("one").withXrayTraceId(TRACED);

    LambdaResponse.invoke(
        handler, HttpEvent.apiGatewayV2().toolCall("echo", "{\"text\":\"a\"}").toJson(), first);
    LambdaResponse.invoke(
        handler,
        HttpEvent.apiGatewayV2().toolCall("echo", "{\"text\":\"b\"}").toJson(),
        TestContext.plain().withRequestId("two"));

    assertThat(seen).as("priming requests carry no invocation").startsWith((LambdaInvocation) null);
    List<LambdaInvocation> invocations = seen.stream().filter(i -> i != null).toList();
    assertThat(invocations).hasSize(2);
    assertThat(invocations.get(0).context()).isSameAs(first);
    assertThat(invocations.get(0).traceHeader())
        .contains(
            new XrayTraceHeader("1-5f84c7a9-0c0ed5e5bf2ab6b4f0e4b9d1", "53995c3f42cd8ad8", true));
    assertThat(invocations.get(1).context().getAwsRequestId()).isEqualTo("two");
    assertThat(invocations.get(1).isColdStart()).as("a later invocation is never cold").isFalse();
    assertThat(invocations.stream().filter(LambdaInvocation::isColdStart).count())
        .as("priming never takes the cold start; at most the first invocation has it")
        .isLessThanOrEqualTo(1);
  }

  @Test
  void withoutATraceOnTheContext_theRuntimesSystemPropertyIsRead() throws Exception {
    System.setProperty(LambdaInvocation.TRACE_PROPERTY, TRACED);
    try {
      LambdaResponse.invoke(
          handler(),
          HttpEvent.apiGatewayV2().toolCall("echo", "{\"text\":\"a\"}").toJson(),
          TestContext.plain());
    } finally {
      System.clearProperty(LambdaInvocation.TRACE_PROPERTY);
    }

    assertThat(seen.get(0).traceHeader().map(XrayTraceHeader::root))
        .contains("1-5f84c7a9-0c0ed5e5bf2ab6b4f0e4b9d1");
  }

  @Test
  void traceHeaders_areReadLeniently() {
    assertThat(XrayTraceHeader.parse(null)).isEmpty();
    assertThat(XrayTraceHeader.parse("Parent=53995c3f42cd8ad8;Sampled=1")).isEmpty();
    XrayTraceHeader rootOnly =
        XrayTraceHeader.parse(" Root=1-5f84c7a9-0c0ed5e5bf2ab6b4f0e4b9d1 ; Lineage=a87bd80c:1")
            .orElseThrow();
    assertThat(rootOnly.parent()).isNull();
    assertThat(rootOnly.sampled()).isFalse();
    assertThat(rootOnly.w3cTraceId()).contains("5f84c7a90c0ed5e5bf2ab6b4f0e4b9d1");
    assertThat(
            XrayTraceHeader.parse("Root=2-5f84c7a9-0c0ed5e5bf2ab6b4f0e4b9d1")
                .orElseThrow()
                .w3cTraceId())
        .isEmpty();
  }
}
