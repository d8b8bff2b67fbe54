package dev.toolsmith.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.testing.compile.Compilation;
import dev.toolsmith.runtime.Content;
import dev.toolsmith.runtime.InvalidArgumentsException;
import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.spi.ToolCall;
import dev.toolsmith.runtime.spi.ToolDescriptor;
import dev.toolsmith.runtime.spi.ToolPack;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real tool classes compiled by the processor; their generated packs called with JSON arguments,
 * valid and invalid. Packs are found the way a server finds them: through {@link ServiceLoader}.
 */
class RoundTripTest {
  private static Map<String, ToolPack> packs;

  @BeforeAll
  static void compileAndLoad() {
    Compilation compilation =
        Fixtures.compile(
            Fixtures.good("com/acme/Weather.java"),
            Fixtures.good("com/acme/Trips.java"),
            Fixtures.good("com/acme/Kitchen.java"));
    assertThat(compilation).succeeded();
    ClassLoader loader =
        new CompiledClassLoader(compilation.generatedFiles(), RoundTripTest.class.getClassLoader());
    packs = new HashMap<>();
    for (ToolPack pack : ServiceLoader.load(ToolPack.class, loader)) {
      packs.put(pack.getClass().getSimpleName(), pack);
    }
    assertThat(packs).containsOnlyKeys("Weather_McpTools", "Trips_McpTools", "Kitchen_McpTools");
  }

  private static ToolResult call(String pack, String tool, String arguments) throws Exception {
    return packs
        .get(pack)
        .call(tool, ToolCall.of(arguments == null ? null : Schemas.parse(arguments)));
  }

  private static List<String> problems(String pack, String tool, String arguments) {
    Throwable thrown =
        org.assertj.core.api.Assertions.catchThrowable(() -> call(pack, tool, arguments));
    assertThat(thrown).isInstanceOf(InvalidArgumentsException.class);
    return ((InvalidArgumentsException) thrown).problems();
  }

  @Test
  void weather_returnsTheCannedSentence() throws Exception {
    assertThat(call("Weather_McpTools", "get_weather", "{\"city\":\"Lisbon\"}"))
        .isEqualTo(ToolResult.text("The weather in Lisbon is sunny and 72°F."));
  }

  @Test
  void weather_missingArgument_namesItAndItsType() {
    assertThat(problems("Weather_McpTools", "get_weather", "{}"))
        .containsExactly("city: missing; expected a string");
    assertThat(problems("Weather_McpTools", "get_weather", null))
        .containsExactly("city: missing; expected a string");
  }

  @Test
  void absentArguments_reportEveryMissingProperty() {
    assertThat(problems("Trips_McpTools", "book", null))
        .containsExactly(
            "email: missing; expected a string that is an e-mail address",
            "traveller: missing; expected a string that is not blank and of at most 40 characters",
            "booking_code: missing; expected a string matching ^(?:[A-Z]{6})$");
  }

  @Test
  void weather_wrongTypeAndUnknownProperty_bothReported() {
    assertThat(problems("Weather_McpTools", "get_weather", "{\"city\":42,\"cty\":\"x\"}"))
        .containsExactly(
            "cty: unknown property; expected only city", "city: expected a string, got 42");
  }

  @Test
  void argumentsThatAreNotAnObject_areRejected() {
    assertThat(problems("Weather_McpTools", "get_weather", "[1]"))
        .containsExactly("arguments: expected an object, got [1]");
  }

  @Test
  void forecast_constraintMessage_namesPathAndExpectation() {
    assertThat(
            problems(
                "Trips_McpTools", "forecast", "{\"where\":{\"lat\":1,\"lon\":2},\"days\":\"ten\"}"))
        .containsExactly("days: expected an integer from 1 to 14, got \"ten\"");
    assertThat(
            problems(
                "Trips_McpTools",
                "forecast",
                "{\"where\":{\"lat\":91,\"lon\":2,\"alt\":3},\"days\":15}"))
        .containsExactly(
            "where.alt: unknown property; expected only lat, lon",
            "where.lat: expected a number from -90 to 90, got 91",
            "days: expected an integer from 1 to 14, got 15");
  }

  @Test
  void forecast_listResult_isWrappedStructuredContentThatMatchesTheOutputSchema() throws Exception {
    ToolResult result =
        call(
            "Trips_McpTools",
            "forecast",
            "{\"where\":{\"lat\":1,\"lon\":2},\"days\":3.0,\"unit\":\"C\"}");
    assertThat(result.structuredContent())
        .isEqualTo("{\"result\":[{\"date\":\"2026-07-28\",\"high\":21.5}]}");
    assertThat(result.content()).containsExactly(Content.text(result.structuredContent()));
    assertMatchesOutputSchema("Trips_McpTools", "forecast", result);
  }

  @Test
  void planRoute_enumsNestedListsAndRecursiveResult() throws Exception {
    ToolResult result =
        call(
            "Trips_McpTools",
            "plan_route",
            "{\"from\":{\"lat\":1,\"lon\":2},\"to\":{\"lat\":3,\"lon\":4},\"mode\":\"BIKE\",\"avoid\":[{\"lat\":0,\"lon\":0}]}");
    assertThat(result.structuredContent()).isEqualTo("{\"name\":\"Hello BIKE\",\"branches\":[]}");
    assertMatchesOutputSchema("Trips_McpTools", "plan_route", result);
    assertThat(
            problems(
                "Trips_McpTools",
                "plan_route",
                "{\"from\":{\"lat\":1,\"lon\":2},\"to\":{\"lat\":3,\"lon\":4},\"mode\":\"CAR\",\"avoid\":[{\"lat\":\"x\",\"lon\":0}]}"))
        .containsExactly(
            "mode: expected one of \"WALK\", \"BIKE\", \"TRAIN\", got \"CAR\"",
            "avoid[0].lat: expected a number from -90 to 90, got \"x\"");
  }

  @Test
  void book_stringConstraints() throws Exception {
    assertThat(
            call(
                    "Trips_McpTools",
                    "book",
                    "{\"email\":\"a@b.io\",\"traveller\":\"Ada\",\"booking_code\":\"ABCDEF\"}")
                .structuredContent())
        .isEqualTo("{\"seat\":12}");
    assertThat(
            problems(
                "Trips_McpTools",
                "book",
                "{\"email\":\"nope\",\"traveller\":\"  \",\"booking_code\":\"ABCDEFG\"}"))
        .containsExactly(
            "email: expected a string that is an e-mail address, got \"nope\"",
            "traveller: expected a string that is not blank and of at most 40 characters, got \"  \"",
            "booking_code: expected a string matching ^(?:[A-Z]{6})$, got \"ABCDEFG\"");
  }

  @Test
  void kitchen_everyScalarDecodes() throws Exception {
    ToolResult result =
        call(
            "Kitchen_McpTools",
            "scalars",
            "{\"flag\":true,\"b\":-128,\"s\":300,\"i\":7,\"l\":9007199254740993,"
                + "\"f\":1.5,\"d\":2.25,\"c\":\"x\",\"boxedFlag\":false,\"boxedInt\":3,\"text\":\"hi\","
                + "\"amount\":0.1000000000000000000001,\"big\":123456789012345678901234567890,"
                + "\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"link\":\"https://example.com/a\","
                + "\"at\":\"2026-07-28T12:00:00Z\",\"day\":\"2026-07-28\",\"local\":\"2026-07-28T12:00\","
                + "\"offset\":\"2026-07-28T12:00:00+01:00\",\"wait\":\"PT15M\",\"blob\":\"AQID\",\"any\":{\"k\":[1]}}");
    assertThat(result)
        .isEqualTo(
            ToolResult.text(
                "true -128 300 7 9007199254740993 1.5 2.25 x false 3 hi "
                    + "0.1000000000000000000001 123456789012345678901234567890 123e4567-e89b-12d3-a456-426614174000 "
                    + "https://example.com/a 2026-07-28T12:00:00Z 2026-07-28 2026-07-28T12:00 2026-07-28T12:00+01:00 PT15M 3 {\"k\":[1]}"));
  }

  @Test
  void kitchen_scalarMismatches_sayWhatWasExpected() {
    assertThat(
            problems(
                "Kitchen_McpTools",
                "scalars",
                "{\"flag\":1,\"b\":128,\"s\":1.5,\"i\":2147483648,\"l\":1,"
                    + "\"f\":1,\"d\":1,\"c\":\"xy\",\"boxedFlag\":true,\"boxedInt\":1,\"text\":\"t\",\"amount\":\"1\",\"big\":1.5,"
                    + "\"id\":\"nope\",\"link\":\"a b\",\"at\":\"yesterday\",\"day\":\"2026-13-01\",\"local\":\"x\","
                    + "\"offset\":\"2026-07-28T12:00:00\",\"wait\":\"15 minutes\",\"blob\":\"***\",\"any\":null}"))
        .containsExactly(
            "flag: expected a boolean, got 1",
            "b: expected an integer from -128 to 127, got 128",
            "s: expected an integer from -32768 to 32767, got 1.5",
            "i: expected an integer from -2147483648 to 2147483647, got 2147483648",
            "c: expected a string of one character, got \"xy\"",
            "amount: expected a number, got \"1\"",
            "big: expected an integer, got 1.5",
            "id: expected a UUID string such as \"123e4567-e89b-12d3-a456-426614174000\", got \"nope\"",
            "link: expected a URI string, got \"a b\"",
            "at: expected a date-time string such as \"2026-07-28T12:00:00Z\", got \"yesterday\"",
            "day: expected a date string such as \"2026-07-28\", got \"2026-13-01\"",
            "local: expected a local date-time string such as \"2026-07-28T12:00:00\", got \"x\"",
            "offset: expected a date-time string such as \"2026-07-28T12:00:00+01:00\", got \"2026-07-28T12:00:00\"",
            "wait: expected an ISO 8601 duration string such as \"PT15M\", got \"15 minutes\"",
            "blob: expected a base64 string, got \"***\"");
  }

  @Test
  void kitchen_containersAndOptionals() throws Exception {
    assertThat(
            call(
                "Kitchen_McpTools",
                "containers",
                "{\"counts\":[1,2],\"names\":[\"a\"],\"list\":[\"x\",\"y\"],"
                    + "\"unique\":[1,2,3],\"values\":[0.5],\"totals\":{\"a\":1},\"maybeInt\":10}"))
        .isEqualTo(ToolResult.text("20"));
    assertThat(
            problems(
                "Kitchen_McpTools",
                "containers",
                "{\"counts\":[1,\"2\"],\"names\":[],\"list\":[],"
                    + "\"unique\":[1,1],\"values\":[],\"totals\":{}}"))
        .containsExactly(
            "counts[1]: expected an integer from -2147483648 to 2147483647, got \"2\"",
            "unique: expected an array of distinct items, got [1,1]",
            "totals: expected an object of 1 to 3 properties, got {}");
  }

  @Test
  void kitchen_decimalBounds() throws Exception {
    assertThat(call("Kitchen_McpTools", "price", "{\"amount\":19.99,\"quantity\":3}"))
        .isEqualTo(ToolResult.text("59.97"));
    assertThat(problems("Kitchen_McpTools", "price", "{\"amount\":0,\"quantity\":0}"))
        .containsExactly(
            "amount: expected a number greater than 0 and of at most 9999.99, got 0",
            "quantity: expected an integer greater than 0, got 0");
  }

  @Test
  void kitchen_resultKinds() throws Exception {
    assertThat(call("Kitchen_McpTools", "forget", "{\"key\":\"k\"}")).isEqualTo(ToolResult.empty());
    assertThat(call("Kitchen_McpTools", "picture", "{}").content())
        .containsExactly(
            Content.text("A pixel:"), Content.image(new byte[] {1, 2, 3}, "image/png"));
    assertThat(call("Kitchen_McpTools", "later", "{\"text\":\"async\"}"))
        .isEqualTo(ToolResult.text("ASYNC"));
    assertThat(call("Kitchen_McpTools", "echo", "{\"value\":{\"a\":1}}").structuredContent())
        .isEqualTo("{\"a\":1}");
    assertThat(call("Kitchen_McpTools", "echo", "{\"value\":[1]}").structuredContent())
        .isEqualTo("{\"result\":[1]}");
    assertThat(call("Kitchen_McpTools", "whoami", "{}"))
        .isEqualTo(ToolResult.text("not on Lambda"));
  }

  @Test
  void unknownToolName_listsTheKnownOnes() {
    assertThatThrownBy(() -> call("Weather_McpTools", "get_wether", "{}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown tool 'get_wether'. Known tools: get_weather");
  }

  @Test
  void descriptors_areCompactJsonMatchingTheToolListIndex() throws Exception {
    List<ToolDescriptor> tools = packs.get("Weather_McpTools").tools();
    assertThat(tools).extracting(ToolDescriptor::name).containsExactly("get_weather");
    JsonNode descriptor = Schemas.parse(tools.get(0).json());
    assertThat(tools.get(0).json())
        .doesNotContain("\n")
        .contains("\"description\":\"the city's name, for example \\\"Lisbon\\\"\"");
    Compilation compilation = Fixtures.compile(Fixtures.good("com/acme/Weather.java"));
    JsonNode index =
        Schemas.parse(
            Fixtures.generatedResource(compilation, "META-INF/toolsmith/com.acme.Weather.json"));
    assertThat(descriptor).isEqualTo(index.get("tools").get(0));
  }

  @Test
  void validArguments_passTheInputSchema_andInvalidOnesFailIt() {
    JsonNode schema = descriptor("Trips_McpTools", "book").get("inputSchema");
    assertThat(
            Schemas.errors(
                schema,
                Schemas.parse(
                    "{\"email\":\"a@b.io\",\"traveller\":\"Ada\",\"booking_code\":\"ABCDEF\"}")))
        .isEmpty();
    assertThat(
            Schemas.errors(
                schema,
                Schemas.parse(
                    "{\"email\":\"a@b.io\",\"traveller\":\" \",\"booking_code\":\"abc\",\"x\":1}")))
        .hasSize(3);
  }

  private static JsonNode descriptor(String pack, String tool) {
    return packs.get(pack).tools().stream()
        .filter(t -> t.name().equals(tool))
        .findFirst()
        .map(t -> Schemas.parse(t.json()))
        .orElseThrow();
  }

  private static void assertMatchesOutputSchema(String pack, String tool, ToolResult result) {
    JsonNode outputSchema = descriptor(pack, tool).get("outputSchema");
    assertThat(Schemas.errors(outputSchema, Schemas.parse(result.structuredContent()))).isEmpty();
  }
}
