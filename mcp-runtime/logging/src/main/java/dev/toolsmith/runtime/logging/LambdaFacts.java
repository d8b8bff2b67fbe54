package dev.toolsmith.runtime.logging;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.toolsmith.runtime.intercept.InterceptedRequest;
import java.io.IOException;

/** The Lambda invocation's facts for a line, read from the {@code Context} the runtime passed. */
final class LambdaFacts {
  /** The system property the Lambda runtime client sets to each invocation's trace header. */
  static final String TRACE_PROPERTY = "com.amazonaws.xray.traceHeader";

  private LambdaFacts() {}

  /** Returns the Lambda invocation the request came through, or null when it came otherwise. */
  static Context of(InterceptedRequest request) {
    return request.transportAttribute(Context.class).orElse(null);
  }

  /** Writes the Powertools function fields of the invocation. */
  static void write(JsonGenerator gen, Context context) throws IOException {
    gen.writeStringField("function_name", context.getFunctionName());
    gen.writeStringField("function_version", context.getFunctionVersion());
    gen.writeStringField("function_arn", context.getInvokedFunctionArn());
    gen.writeNumberField("function_memory_size", context.getMemoryLimitInMB());
    gen.writeStringField("function_request_id", context.getAwsRequestId());
    String trace = traceRoot();
    if (trace != null) {
      gen.writeStringField("xray_trace_id", trace);
    }
  }

  /**
   * Returns the {@code Root} of this invocation's X-Ray trace header ({@code 1-5f84c7a9-...}),
   * which is what Powertools writes as {@code xray_trace_id}; null when there is none.
   */
  static String traceRoot() {
    String header = System.getProperty(TRACE_PROPERTY);
    if (header == null) {
      header = System.getenv("_X_AMZN_TRACE_ID");
    }
    if (header == null) {
      return null;
    }
    for (String part : header.split(";")) {
      String field = part.strip();
      if (field.startsWith("Root=")) {
        return field.substring("Root=".length());
      }
    }
    return null;
  }
}
