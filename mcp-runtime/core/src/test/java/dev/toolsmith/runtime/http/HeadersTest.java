package dev.toolsmith.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Headers as every transport hands them over: names in any case, some repeated, many or none. */
class HeadersTest {
  @Test
  void aHeader_isFoundWhateverCaseEitherSideWrites() {
    Headers headers = Headers.builder().add("Content-Type", "application/json").build();

    assertThat(headers.first("content-type")).isEqualTo("application/json");
    assertThat(headers.first("CONTENT-TYPE")).isEqualTo("application/json");
    assertThat(headers.first("accept")).isNull();
    assertThat(headers).hasToString("Headers[content-type]");
  }

  @Test
  void aRepeatedHeader_givesItsFirstValue_inAnyCaseItWasRepeated() {
    Headers headers =
        Headers.builder().add("Accept", "a").add("accept", "b").add("ACCEPT", "c").build();

    assertThat(headers.first("accept")).isEqualTo("a");
    assertThat(headers).hasToString("Headers[accept]");
  }

  @Test
  void manyHeaders_areAllKept_andListedInOrderOfName() {
    Headers.Builder builder = Headers.builder();
    for (int i = 19; i >= 0; i--) {
      builder.add("X-" + (char) ('a' + i), "v" + i);
    }
    Headers headers = builder.build();

    for (int i = 0; i < 20; i++) {
      assertThat(headers.first("x-" + (char) ('a' + i))).isEqualTo("v" + i);
    }
    assertThat(headers.toString()).startsWith("Headers[x-a, x-b, x-c,").endsWith("x-t]");
  }

  @Test
  void nullValues_addNothing_andNoHeaders_areEmpty() {
    Headers.Builder builder = Headers.builder().add("a", null);

    assertThat(builder.contains("a")).isFalse();
    assertThat(builder.build()).isSameAs(Headers.empty());
    assertThat(Headers.empty().first("a")).isNull();
  }

  @Test
  void aBuilderUsedAfterBuild_leavesTheHeadersItBuiltAlone() {
    Headers.Builder builder = Headers.builder().add("a", "1").add("a", "2");
    Headers first = builder.build();

    builder.add("A", "3").add("b", "4");
    Headers second = builder.build();

    assertThat(first).hasToString("Headers[a]");
    assertThat(first.first("b")).isNull();
    assertThat(second).hasToString("Headers[a, b]");
    assertThat(second.first("B")).isEqualTo("4");
    assertThat(builder.contains("b")).isTrue();
  }

  @Test
  void aView_asksTheServersOwnStore() {
    Headers headers = Headers.view(name -> name.equalsIgnoreCase("host") ? "example.com" : null);

    assertThat(headers.first("Host")).isEqualTo("example.com");
    assertThat(headers.first("accept")).isNull();
    assertThat(headers).hasToString("Headers(view)");
  }
}
