package dev.toolsmith.runtime.lambda;

import java.util.Optional;

/**
 * An AWS X-Ray trace header, {@code Root=1-5f84c7a9-0c0ed5e5bf2ab6b4f0e4b9d1;
 * Parent=53995c3f42cd8ad8;Sampled=1}, as Lambda hands one to each invocation.
 *
 * <p>Logs name the trace by its {@link #root() root}, as Powertools' {@code xray_trace_id} does;
 * tracing continues it from its root, {@link #parent() parent} and {@link #sampled() sampling
 * decision}. Fields other than these three (such as {@code Lineage}) are ignored.
 *
 * @param root the trace, such as {@code 1-5f84c7a9-0c0ed5e5bf2ab6b4f0e4b9d1}
 * @param parent the calling segment's id (16 hex digits), or null when the header names none
 * @param sampled whether the trace is sampled ({@code Sampled=1})
 */
public record XrayTraceHeader(String root, String parent, boolean sampled) {

  /**
   * Reads a header; empty when it is null or names no {@code Root}.
   *
   * <p>Lenient by design: a header the platform or a proxy wrote oddly must never fail a request,
   * it only leaves the request without a trace.
   */
  public static Optional<XrayTraceHeader> parse(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String root = null;
    String parent = null;
    boolean sampled = false;
    for (String part : header.split(";")) {
      String field = part.strip();
      if (field.startsWith("Root=")) {
        root = field.substring("Root=".length());
      } else if (field.startsWith("Parent=")) {
        parent = field.substring("Parent=".length());
      } else if (field.startsWith("Sampled=")) {
        sampled = field.equals("Sampled=1");
      }
    }
    return root == null || root.isEmpty()
        ? Optional.empty()
        : Optional.of(new XrayTraceHeader(root, parent, sampled));
  }

  /**
   * Returns the trace as 32 hex digits, the W3C and OpenTelemetry form: the root's epoch part and
   * random part joined ({@code 1-5f84c7a9-0c0ed5e5bf2ab6b4f0e4b9d1} is {@code
   * 5f84c7a90c0ed5e5bf2ab6b4f0e4b9d1}); empty when the root is not a version-1 X-Ray id.
   */
  public Optional<String> w3cTraceId() {
    String[] parts = root.split("-");
    if (parts.length != 3
        || !parts[0].equals("1")
        || parts[1].length() != 8
        || parts[2].length() != 24) {
      return Optional.empty();
    }
    return Optional.of(parts[1] + parts[2]);
  }
}
