package dev.toolsmith.runtime.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolsmith.runtime.lambda.XrayTraceHeader;
import io.opentelemetry.api.trace.SpanContext;
import org.junit.jupiter.api.Test;

/** The remote parent span a Lambda invocation's X-Ray trace header names. */
class XrayParentTest {

  private static SpanContext parent(String header) {
    return TraceParents.spanContext(XrayTraceHeader.parse(header).orElseThrow());
  }

  @Test
  void aLambdaTraceHeader_namesItsRootAndParent_andWhetherItIsSampled() {
    SpanContext sampled =
        parent("Root=1-5f84c7a9-0c0ed5e5bf2ab6b4f0e4b9d1;Parent=53995c3f42cd8ad8;Sampled=1");
    assertThat(sampled.getTraceId()).isEqualTo("5f84c7a90c0ed5e5bf2ab6b4f0e4b9d1");
    assertThat(sampled.getSpanId()).isEqualTo("53995c3f42cd8ad8");
    assertThat(sampled.isSampled()).isTrue();
    assertThat(sampled.isRemote()).isTrue();
    assertThat(
            parent("Root=1-5f84c7a9-0c0ed5e5bf2ab6b4f0e4b9d1;Parent=53995c3f42cd8ad8;Sampled=0")
                .isSampled())
        .isFalse();
  }

  @Test
  void headersWithoutAParentOrWithABadRoot_nameNone() {
    assertThat(parent("Root=1-5f84c7a9-0c0ed5e5bf2ab6b4f0e4b9d1;Sampled=1")).isNull();
    assertThat(parent("Root=2-5f84c7a9-0c0ed5e5bf2ab6b4f0e4b9d1;Parent=53995c3f42cd8ad8")).isNull();
    assertThat(parent("Root=1-zz84c7a9-0c0ed5e5bf2ab6b4f0e4b9d1;Parent=53995c3f42cd8ad8")).isNull();
    assertThat(parent("Root=1-5f84c7a9-0c0ed5e5bf2ab6b4f0e4b9d1;Parent=0000000000000000")).isNull();
  }
}
