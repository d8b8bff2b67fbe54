package dev.toolsmith.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolsmith.runtime.http.Headers;
import org.junit.jupiter.api.Test;

/** Typed lookups of what a transport knows. */
class TransportAttributesTest {

  @Test
  void lookup_findsAValueByItsTypeOrASupertype_andNothingElse() {
    Headers headers = Headers.builder().add("X-Test", "1").build();
    TransportAttributes attributes = TransportAttributes.of(headers, 42);
    assertThat(attributes.get(Headers.class)).containsSame(headers);
    assertThat(attributes.get(Number.class)).contains(42);
    assertThat(attributes.get(String.class)).isEmpty();
    assertThat(TransportAttributes.none().get(Headers.class)).isEmpty();
  }

  @Test
  void with_addsValues_leavesTheOriginalAlone_andSkipsNulls() {
    TransportAttributes first = TransportAttributes.of("a");
    TransportAttributes both = first.with(null, 7L);
    assertThat(both.get(Long.class)).contains(7L);
    assertThat(first.get(Long.class)).isEmpty();
    assertThat(TransportAttributes.of((Object) null)).isSameAs(TransportAttributes.none());
    assertThat(both).hasToString("TransportAttributes[String, Long]");
  }

  @Test
  void twoValuesOfOneClass_areRefused() {
    assertThatThrownBy(() -> TransportAttributes.of("a").with("b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.String");
  }
}
