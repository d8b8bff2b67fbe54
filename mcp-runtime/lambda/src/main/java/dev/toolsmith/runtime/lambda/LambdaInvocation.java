package dev.toolsmith.runtime.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Lambda invocation a request came through, as a transport attribute: what logs, metrics and
 * traces need of it beyond the runtime's {@link Context}.
 *
 * <pre>{@code
 * request.transportAttribute(LambdaInvocation.class)
 *     .filter(LambdaInvocation::isColdStart)
 *     .ifPresent(invocation -> coldStarts.increment());
 * }</pre>
 *
 * <p>One place decides what a cold start is, so the request log's {@code cold_start} and the {@code
 * ColdStart} metric always agree: the first invocation this execution environment serves after
 * start-up or a SnapStart restore. Priming before a snapshot is not an invocation (it has no {@code
 * Context}) and does not count, so the cold invocation is the first one a client waited on, as
 * Powertools counts it.
 */
public final class LambdaInvocation {
  /** The system property the Lambda runtime client sets to each invocation's trace header. */
  static final String TRACE_PROPERTY = "com.amazonaws.xray.traceHeader";

  /** Set by the first invocation this process serves; a restored snapshot starts with it unset. */
  private static final AtomicBoolean SERVED = new AtomicBoolean();

  private final Context context;
  private final boolean coldStart;
  private final String traceHeader;

  private LambdaInvocation(Context context, boolean coldStart, String traceHeader) {
    this.context = context;
    this.coldStart = coldStart;
    this.traceHeader = traceHeader;
  }

  /**
   * Records that the runtime began an invocation; the handler calls this once per invocation.
   * Returns null for priming, which the runtime did not send and which has no context.
   */
  static LambdaInvocation begin(Context context) {
    if (context == null) {
      return null;
    }
    boolean first = !SERVED.get() && SERVED.compareAndSet(false, true);
    // Taken now, not when asked: the property is the runtime's for the current invocation only.
    String header = context.getXrayTraceId();
    if (header == null) {
      header = System.getProperty(TRACE_PROPERTY);
    }
    if (header == null) {
      header = System.getenv("_X_AMZN_TRACE_ID");
    }
    return new LambdaInvocation(context, first, header);
  }

  /** Returns the runtime's context of the invocation. */
  public Context context() {
    return context;
  }

  /** Returns whether this is the execution environment's first (cold) invocation. */
  public boolean isColdStart() {
    return coldStart;
  }

  /**
   * Returns the invocation's X-Ray trace header, as it was when the invocation began: the one the
   * runtime gave this invocation's context (the runtime client 2.x does, and it is the only source
   * that stays right when one environment serves invocations concurrently), else the {@value
   * #TRACE_PROPERTY} system property or the {@code _X_AMZN_TRACE_ID} variable that older runtimes
   * set; empty when there is none.
   */
  public Optional<XrayTraceHeader> traceHeader() {
    return XrayTraceHeader.parse(traceHeader);
  }

  @Override
  public String toString() {
    return "LambdaInvocation["
        + Objects.toString(context.getAwsRequestId(), "no request id")
        + (coldStart ? ", cold" : "")
        + "]";
  }
}
