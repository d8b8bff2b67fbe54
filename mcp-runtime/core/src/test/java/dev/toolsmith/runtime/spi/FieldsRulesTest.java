package dev.toolsmith.runtime.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolsmith.runtime.InvalidArgumentsException;
import dev.toolsmith.runtime.internal.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cross-argument rules generated decoders apply: {@code @McpRequireAnyOf},
 * {@code @McpRequiredIf}.
 */
class FieldsRulesTest {
  private static final List<String> NAMES = List.of("contactMethod", "phone", "email");

  private static List<String> problems(String arguments, java.util.function.Consumer<Fields> rule) {
    Fields fields = Fields.arguments(ToolCall.of(parse(arguments)), NAMES);
    rule.accept(fields);
    try {
      fields.problems().throwIfAny();
      return List.of();
    } catch (InvalidArgumentsException e) {
      return e.problems();
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
    try {
      return Json.parse(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void requireAnyOf_isSatisfiedByAnyOneGivenValue_andNamesAllWhenNoneIs() {
    java.util.function.Consumer<Fields> rule = f -> f.requireAnyOf("phone", "email");

    assertThat(problems("{\"email\":\"a@b.c\"}", rule)).isEmpty();
    assertThat(problems("{\"phone\":\"+1\",\"email\":\"a@b.c\"}", rule)).isEmpty();
    assertThat(problems("{\"phone\":null}", rule))
        .containsExactly("arguments: needs at least one of phone, email; none was given");
    assertThat(problems("{}", rule))
        .containsExactly("arguments: needs at least one of phone, email; none was given");
  }

  @Test
  void requireIf_needsThenWhenTheValueMatches_andOtherwiseWhenItDoesNotOrIsAbsent() {
    java.util.function.Consumer<Fields> rule =
        f -> f.requireIf("contactMethod", "phone", "phone", "email");

    assertThat(problems("{\"contactMethod\":\"phone\",\"phone\":\"+1\"}", rule)).isEmpty();
    assertThat(problems("{\"contactMethod\":\"phone\",\"email\":\"a@b.c\"}", rule))
        .containsExactly("arguments: needs phone when contactMethod is phone");
    assertThat(problems("{\"contactMethod\":\"email\",\"email\":\"a@b.c\"}", rule)).isEmpty();
    assertThat(problems("{\"phone\":\"+1\"}", rule))
        .containsExactly(
            "arguments: needs email unless contactMethod is phone (then it needs phone)");
  }

  @Test
  void requireIf_comparesBooleansAndNumbersAsJsonWritesThem_andMayRequireNothingOtherwise() {
    assertThat(
            problems(
                "{\"contactMethod\":true}", f -> f.requireIf("contactMethod", "true", "phone", "")))
        .containsExactly("arguments: needs phone when contactMethod is true");
    assertThat(
            problems(
                "{\"contactMethod\":42}", f -> f.requireIf("contactMethod", "42", "phone", "")))
        .containsExactly("arguments: needs phone when contactMethod is 42");
    assertThat(
            problems(
                "{\"contactMethod\":41}", f -> f.requireIf("contactMethod", "42", "phone", "")))
        .isEmpty();
  }

  @Test
  void argumentsThatAreNotAnObject_getOneProblem_notOnePerRule() {
    Fields fields = Fields.arguments(ToolCall.of(parse("[1]")), NAMES);
    fields.requireAnyOf("phone", "email");
    fields.requireIf("contactMethod", "phone", "phone", "email");

    InvalidArgumentsException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            InvalidArgumentsException.class, fields.problems()::throwIfAny);
    assertThat(e.problems()).containsExactly("arguments: expected an object, got [1]");
  }
}
