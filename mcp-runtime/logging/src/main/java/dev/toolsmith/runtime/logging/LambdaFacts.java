package dev.toolsmith.runtime.logging;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.toolsmith.runtime.intercept.InterceptedRequest;
import dev.toolsmith.runtime.lambda.LambdaInvocation;
import dev.toolsmith.runtime.lambda.XrayTraceHeader;
import java.io.IOException;

/** The Lambda invocation's facts for a line, as the Lambda adapter recorded them. */
final class LambdaFacts {
  private LambdaFacts() {}

  /** Returns the Lambda invocation the request came through, or null when it came otherwise. */
  static LambdaInvocation of(InterceptedRequest request) {
    return request.transportAttribute(LambdaInvocation.class).orElse(null);
  }

  /**
   * Writes the Powertools fields of the invocation: {@code cold_start}, the {@code function_*}
   * fields and {@code xray_trace_id} (the trace header's root, as Powertools writes it).
   */
  static void write(JsonGenerator gen, LambdaInvocation invocation) throws IOException {
    Context context = invocation.context();
    gen.writeBooleanField("cold_start", invocation.isColdStart());
    gen.writeStringField("function_name", context.getFunctionName());
    gen.writeStringField("function_version", context.getFunctionVersion());
    gen.writeStringField("function_arn", context.getInvokedFunctionArn());
    gen.writeNumberField("function_memory_size", context.getMemoryLimitInMB());
    gen.writeStringField("function_request_id", context.getAwsRequestId());
    String trace = invocation.traceHeader().map(XrayTraceHeader::root).orElse(null);
    if (trace != null) {
      gen.writeStringField("xray_trace_id", trace);
    }
  }
}
