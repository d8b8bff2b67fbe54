package dev.toolsmith.runtime.opentelemetry;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;

/**
 * Reads an AWS X-Ray trace header ({@code Root=1-5f84c7a9-0c0ed5e5bf2ab6b4f0e4b9d1;
 * Parent=53995c3f42cd8ad8;Sampled=1}) into the remote span context it names.
 *
 * <p>Written here rather than taken from the OpenTelemetry contrib X-Ray propagator: that artifact
 * calls internal classes of the OpenTelemetry API, so it breaks (a {@code NoSuchMethodError} on
 * every request) when the application's API version is not the one it was built against, and this
 * module must work with whichever API version the application's SDK or the ADOT layer brings.
 */
final class XrayTraceHeader {
  private XrayTraceHeader() {}

  /** Returns the span context the header names, or null when it names none validly. */
  static SpanContext parse(String header) {
    if (header == null) {
      return null;
    }
    String traceId = null;
    String parent = null;
    boolean sampled = false;
    for (String part : header.split(";")) {
      String field = part.strip();
      if (field.startsWith("Root=")) {
        traceId = traceId(field.substring("Root=".length()));
      } else if (field.startsWith("Parent=")) {
        parent = field.substring("Parent=".length());
      } else if (field.startsWith("Sampled=")) {
        sampled = field.endsWith("=1");
      }
    }
    if (traceId == null || parent == null) {
      return null;
    }
    SpanContext context =
        SpanContext.createFromRemoteParent(
            traceId,
            parent,
            sampled ? TraceFlags.getSampled() : TraceFlags.getDefault(),
            TraceState.getDefault());
    return context.isValid() ? context : null;
  }

  /** {@code 1-5f84c7a9-0c0ed5e5bf2ab6b4f0e4b9d1}: version 1, 8 hex of epoch, 24 hex of random. */
  private static String traceId(String root) {
    String[] parts = root.split("-");
    if (parts.length != 3
        || !parts[0].equals("1")
        || parts[1].length() != 8
        || parts[2].length() != 24) {
      return null;
    }
    return parts[1] + parts[2];
  }
}
