package dev.toolsmith.test.lambda;

import com.amazonaws.services.lambda.runtime.Client;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Lambda {@link Context} as the Lambda runtime passes one, for handler tests: {@code
 * aws-lambda-java-core} ships none. Its logger writes to standard error, as Lambda's goes to
 * CloudWatch.
 *
 * <pre>{@code
 * TestContext.plain();                               // API Gateway, Function URL, ALB
 * TestContext.agentCoreGateway("weather___get_weather"); // an AgentCore Gateway Lambda target
 * }</pre>
 */
public final class TestContext implements Context {
  private final Map<String, String> custom;
  private final String requestId;
  private final int remainingMillis;
  private final String xrayTraceId;

  private TestContext(
      Map<String, String> custom, String requestId, int remainingMillis, String xrayTraceId) {
    this.custom = custom;
    this.requestId = requestId;
    this.remainingMillis = remainingMillis;
    this.xrayTraceId = xrayTraceId;
  }

  /** A context with no client context, as API Gateway, ALB and Function URL invocations have. */
  public static TestContext plain() {
    return new TestContext(null, "8476a536-e9f4-11e8-9739-2dfe598c3fcd", 30_000, null);
  }

  /** A context whose client context carries the given custom map. */
  public static TestContext withCustom(Map<String, String> custom) {
    return new TestContext(Map.copyOf(custom), plain().requestId, plain().remainingMillis, null);
  }

  /**
   * The context of an AgentCore Gateway Lambda target's invocation: its client context names the
   * tool as the gateway exposes it ({@code <target>___<tool>}), with the other keys the gateway
   * sends; the event itself is the tool's arguments.
   */
  public static TestContext agentCoreGateway(String exposedToolName) {
    Map<String, String> custom = new LinkedHashMap<>();
    custom.put("bedrockAgentCoreToolName", Objects.requireNonNull(exposedToolName));
    custom.put("bedrockAgentCoreMessageVersion", "1.0");
    custom.put("bedrockAgentCoreAwsRequestId", "b6f7c1d2-0000-4000-8000-000000000001");
    custom.put("bedrockAgentCoreMcpMessageId", "1");
    custom.put("bedrockAgentCoreGatewayId", "test-gateway-abc123");
    custom.put("bedrockAgentCoreTargetId", "TARGET1");
    return withCustom(custom);
  }

  /** Returns this context with another request id. */
  public TestContext withRequestId(String requestId) {
    return new TestContext(custom, Objects.requireNonNull(requestId), remainingMillis, xrayTraceId);
  }

  /** Returns this context with another remaining time, for tools that look at their deadline. */
  public TestContext withRemainingTimeInMillis(int remainingMillis) {
    return new TestContext(custom, requestId, remainingMillis, xrayTraceId);
  }

  /**
   * Returns this context with the X-Ray trace header the runtime gives a traced invocation, such as
   * {@code Root=1-5f84c7a9-0c0ed5e5bf2ab6b4f0e4b9d1;Parent=53995c3f42cd8ad8;Sampled=1}.
   */
  public TestContext withXrayTraceId(String traceHeader) {
    return new TestContext(custom, requestId, remainingMillis, Objects.requireNonNull(traceHeader));
  }

  @Override
  public String getXrayTraceId() {
    return xrayTraceId;
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/test";
  }

  @Override
  public String getLogStreamName() {
    return "2026/12/01/[$LATEST]abc";
  }

  @Override
  public String getFunctionName() {
    return "test";
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:us-east-1:123456789012:function:test";
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return remainingMillis;
  }

  @Override
  public int getMemoryLimitInMB() {
    return 512;
  }

  @Override
  public ClientContext getClientContext() {
    if (custom == null) {
      return null;
    }
    return new ClientContext() {
      @Override
      public Client getClient() {
        return null;
      }

      @Override
      public Map<String, String> getCustom() {
        return custom;
      }

      @Override
      public Map<String, String> getEnvironment() {
        return Map.of();
      }
    };
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        System.err.print(message);
      }

      @Override
      public void log(byte[] message) {
        System.err.print(new String(message, StandardCharsets.UTF_8));
      }
    };
  }
}
