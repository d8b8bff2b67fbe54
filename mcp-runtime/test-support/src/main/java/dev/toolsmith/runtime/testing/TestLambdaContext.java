package dev.toolsmith.runtime.testing;

import com.amazonaws.services.lambda.runtime.Client;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A Lambda context as the runtime passes it; aws-lambda-java-core ships none for tests. */
public final class TestLambdaContext implements Context {
  private final Map<String, String> custom;

  private TestLambdaContext(Map<String, String> custom) {
    this.custom = custom;
  }

  /** A context with no client context, as API Gateway, ALB and Function URL invocations have. */
  public static TestLambdaContext plain() {
    return new TestLambdaContext(null);
  }

  /** A context whose client context carries the given custom map, as AgentCore Gateway sends. */
  public static TestLambdaContext withCustom(Map<String, String> custom) {
    return new TestLambdaContext(custom);
  }

  @Override
  public String getAwsRequestId() {
    return "8476a536-e9f4-11e8-9739-2dfe598c3fcd";
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/test";
  }

  @Override
  public String getLogStreamName() {
    return "2026/11/21/[$LATEST]abc";
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
    return 30_000;
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
