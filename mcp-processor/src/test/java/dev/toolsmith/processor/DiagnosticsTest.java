package dev.toolsmith.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per message id: the diagnostic, its file and its line. */
class DiagnosticsTest {
  private static final String IMPORTS = "import dev.toolsmith.annotations.*; import java.util.*;";

  private static JavaFileObject tools(String name, String... body) {
    String[] lines = new String[body.length + 3];
    lines[0] = "package test; " + IMPORTS;
    lines[1] = "/** Tools. */";
    lines[2] = "public class " + name + " {";
    System.arraycopy(body, 0, lines, 3, body.length);
    String[] closed = Arrays.copyOf(lines, lines.length + 1);
    closed[lines.length] = "}";
    return Fixtures.source("test." + name, closed);
  }

  private static void assertError(Message message, JavaFileObject file, String line) {
    Compilation compilation = Fixtures.compile(file);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[" + message.id() + "]")
        .inFile(file)
        .onLineContaining(line);
  }

  @Test
  void privateTool() {
    JavaFileObject file =
        tools(
            "Tools",
            "  /** Forecasts. */",
            "  @McpTool private String forecast() { return \"\"; }");
    assertError(Message.PRIVATE_TOOL, file, "private String forecast");
    assertThat(Fixtures.compile(file))
        .hadErrorContaining(
            "@McpTool method 'forecast' must not be private; make it package-private or public.");
  }

  @Test
  void abstractTool() {
    JavaFileObject file =
        Fixtures.source(
            "test.Tools",
            "package test; " + IMPORTS,
            "/** Tools. */ public abstract class Tools {",
            "  /** Forecasts. */ @McpTool public abstract String forecast();",
            "}");
    assertError(Message.ABSTRACT_TOOL, file, "abstract String forecast");
  }

  @Test
  void genericTool() {
    assertError(
        Message.GENERIC_TOOL,
        tools(
            "Tools",
            "  /** Echoes. */ @McpTool public <T> String echo(String value) { return value; }"),
        "<T> String echo");
  }

  @Test
  void unsupportedParameterType_namesTypeAndListsSupported() {
    JavaFileObject file =
        tools("Tools", "  /** Runs. */ @McpTool public String run(Thread thread) { return \"\"; }");
    assertError(Message.UNSUPPORTED_PARAMETER_TYPE, file, "Thread thread");
    assertThat(Fixtures.compile(file)).hadErrorContaining("has type java.lang.Thread");
    assertThat(Fixtures.compile(file))
        .hadErrorContaining("Supported: primitives and their boxes, String");
  }

  @Test
  void unsupportedParameterType_mapWithNonStringKeys() {
    JavaFileObject file =
        tools(
            "Tools",
            "  /** Sums. */ @McpTool public int sum(Map<Integer, Integer> values) { return 0; }");
    assertError(Message.UNSUPPORTED_PARAMETER_TYPE, file, "Map<Integer, Integer> values");
    assertThat(Fixtures.compile(file)).hadErrorContaining("a Map needs String keys");
  }

  @Test
  void unsupportedReturnType() {
    assertError(
        Message.UNSUPPORTED_RETURN_TYPE,
        tools("Tools", "  /** Starts. */ @McpTool public Thread start() { return null; }"),
        "Thread start()");
  }

  @Test
  void duplicateToolName_withinClass() {
    assertError(
        Message.DUPLICATE_TOOL_NAME,
        tools(
            "Tools",
            "  /** A. */ @McpTool(name = \"same\") public String a() { return \"\"; }",
            "  /** B. */ @McpTool(name = \"same\") public String b() { return \"\"; }"),
        "String b()");
  }

  @Test
  void duplicateToolNameAcrossClasses() {
    JavaFileObject first =
        tools("First", "  /** A. */ @McpTool public String lookup() { return \"\"; }");
    JavaFileObject second =
        tools("Second", "  /** B. */ @McpTool public String lookup() { return \"\"; }");
    Compilation compilation = Fixtures.compile(first, second);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[" + Message.DUPLICATE_TOOL_NAME_ACROSS_CLASSES.id() + "]")
        .inFile(second)
        .onLineContaining("String lookup()");
    assertThat(compilation).hadErrorContaining("already used by test.First.lookup");
  }

  @Test
  void invalidToolName_anchoredOnTheNameAttribute() {
    JavaFileObject file =
        tools(
            "Tools",
            "  /** Looks up. */",
            "  @McpTool(name = \"look up!\")",
            "  public String lookUp() { return \"\"; }");
    assertError(Message.INVALID_TOOL_NAME, file, "name = \"look up!\"");
    assertThat(Fixtures.compile(file)).hadErrorContaining("use a name such as 'look_up_'");
  }

  @Test
  void unknownJavadocParam_suggestsTheClosestName() {
    JavaFileObject file =
        tools(
            "Tools",
            "  /**",
            "   * Forecasts.",
            "   *",
            "   * @param cty the city",
            "   */",
            "  @McpTool public String forecast(String city) { return city; }");
    assertError(Message.UNKNOWN_JAVADOC_PARAM, file, "String forecast(String city)");
    assertThat(Fixtures.compile(file)).hadErrorContaining("did you mean 'city'?");
  }

  @Test
  void unreachableToolClass_private() {
    JavaFileObject file =
        tools(
            "Tools",
            "  private static class Hidden {",
            "    /** Pings. */ @McpTool String ping() { return \"pong\"; }",
            "  }");
    assertError(Message.UNREACHABLE_TOOL_CLASS, file, "private static class Hidden");
  }

  @Test
  void unreachableToolClass_inner() {
    JavaFileObject file =
        tools(
            "Tools",
            "  public class Inner {",
            "    /** Pings. */ @McpTool String ping() { return \"pong\"; }",
            "  }");
    assertError(Message.UNREACHABLE_TOOL_CLASS, file, "public class Inner");
    assertThat(Fixtures.compile(file)).hadErrorContaining("make it static");
  }

  @Test
  void toolClassKind_interface() {
    JavaFileObject file =
        Fixtures.source(
            "test.Tools",
            "package test; " + IMPORTS,
            "/** Tools. */ public interface Tools {",
            "  /** Pings. */ @McpTool default String ping() { return \"pong\"; }",
            "}");
    assertError(Message.TOOL_CLASS_KIND, file, "default String ping()");
  }

  @Test
  void duplicatePropertyName() {
    JavaFileObject file =
        tools(
            "Tools",
            "  /** Adds. */ @McpTool public int add(int a, @McpParam(name = \"a\") int b) { return a + b; }");
    assertError(Message.DUPLICATE_PROPERTY_NAME, file, "@McpParam(name = \"a\") int b");
  }

  @Test
  void sessionHandleClash() {
    JavaFileObject file =
        tools(
            "Tools",
            "  /** Counts. */ @McpTool public int count(dev.toolsmith.runtime.session.Session session, String session_handle) {",
            "    return 0;",
            "  }");
    assertError(Message.SESSION_HANDLE_CLASH, file, "String session_handle");
  }

  @Test
  void invalidPropertyName() {
    JavaFileObject file =
        tools(
            "Tools",
            "  /** Echoes. */ @McpTool public String echo(@McpParam(name = \" \") String value) { return value; }");
    assertError(Message.INVALID_PROPERTY_NAME, file, "@McpParam(name = \" \")");
  }

  @Test
  void invalidConstraint_minOnAString() {
    JavaFileObject file =
        tools(
            "Tools",
            "  /** Echoes. */ @McpTool public String echo(@jakarta.validation.constraints.Min(1) String value) { return value; }");
    assertError(
        Message.INVALID_CONSTRAINT, file, "@jakarta.validation.constraints.Min(1) String value");
    assertThat(Fixtures.compile(file)).hadErrorContaining("it applies to numbers.");
  }

  @Test
  void invalidPattern() {
    JavaFileObject file =
        tools(
            "Tools",
            "  /** Echoes. */ @McpTool public String echo(@jakarta.validation.constraints.Pattern(regexp = \"[a-\") String value) {",
            "    return value;",
            "  }");
    assertError(Message.INVALID_PATTERN, file, "regexp = \"[a-\"");
  }

  @Test
  void nullablePrimitive_parameter() {
    JavaFileObject file =
        tools(
            "Tools",
            "  /** Lists.\n   * @param page which page */",
            "  @McpTool public String list(@org.jspecify.annotations.Nullable int page) { return \"\"; }");
    assertError(Message.NULLABLE_PRIMITIVE, file, "Nullable int page");
    assertThat(Fixtures.compile(file)).hadErrorContaining("use Integer (null when omitted)");
  }

  @Test
  void nullablePrimitive_recordComponent() {
    JavaFileObject file =
        tools(
            "Tools",
            "  /** A page.\n   * @param size how many */",
            "  public record Page(@org.jspecify.annotations.Nullable long size) {}",
            "  /** Lists.\n   * @param page which page */",
            "  @McpTool public String list(Page page) { return \"\"; }");
    assertError(Message.NULLABLE_PRIMITIVE, file, "Nullable long size");
  }

  @Test
  void requiredCycle_isAnErrorOnTheComponentThatClosesIt() {
    JavaFileObject file =
        tools(
            "Tools",
            "  /** A node.\n   * @param name its name\n   * @param parent its parent */",
            "  public record Node(String name, Node parent) {}",
            "  /** Adds.\n   * @param node the node */",
            "  @McpTool public String add(Node node) { return \"\"; }");
    assertError(Message.REQUIRED_CYCLE, file, "Node parent");
    assertThat(Fixtures.compile(file)).hadErrorContaining("(Node.parent -> Node)");
  }

  @Test
  void requiredCycle_throughTwoRecords_andNotThroughAList() {
    JavaFileObject cycle =
        tools(
            "Tools",
            "  /** A.\n   * @param b its b */ public record A(B b) {}",
            "  /** B.\n   * @param a its a */ public record B(A a) {}",
            "  /** Adds.\n   * @param a the a */",
            "  @McpTool public String add(A a) { return \"\"; }");
    assertError(Message.REQUIRED_CYCLE, cycle, "record A(B b)");
    assertThat(Fixtures.compile(cycle)).hadErrorContaining("(A.b -> B.a -> A)");
    assertThat(Fixtures.compile(cycle)).hadErrorCount(1);
    JavaFileObject finite =
        tools(
            "Tools",
            "  /** A tree.\n   * @param name its name\n   * @param children its children\n   * @param parent its parent */",
            "  public record Tree(String name, List<Tree> children, Optional<Tree> parent) {}",
            "  /** Adds.\n   * @param tree the tree */",
            "  @McpTool public String add(Tree tree) { return \"\"; }");
    assertThat(Fixtures.compile(finite)).succeededWithoutWarnings();
  }

  @Test
  void emptyRange_sizeAndBounds() {
    JavaFileObject size =
        tools(
            "Tools",
            "  /** Tags.\n   * @param tags the tags */",
            "  @McpTool public String tag(@jakarta.validation.constraints.Size(min = 5, max = 2) List<String> tags) { return \"\"; }");
    assertError(Message.EMPTY_RANGE, size, "Size(min = 5, max = 2)");
    assertThat(Fixtures.compile(size)).hadErrorContaining("no size is at least 5 and at most 2");
    JavaFileObject bounds =
        tools(
            "Tools",
            "  /** Pages.\n   * @param page the page */",
            "  @McpTool public String page(@jakarta.validation.constraints.Min(10) @jakarta.validation.constraints.Max(5) int page) { return \"\"; }");
    assertError(Message.EMPTY_RANGE, bounds, "int page");
    assertThat(Fixtures.compile(bounds))
        .hadErrorContaining("no number is at least 10 and at most 5");
  }

  @Test
  void optionalInsideAContainer_isRejectedOnTheParameter() {
    for (String type :
        List.of(
            "List<Optional<String>>",
            "Map<String, Optional<Integer>>",
            "Optional<Optional<String>>",
            "Set<OptionalInt>",
            "Optional<String>[]")) {
      JavaFileObject file =
          tools(
              "Tools",
              "  /** Runs.\n   * @param value the value */",
              "  @McpTool public String run(" + type + " value) { return \"\"; }");
      assertError(Message.UNSUPPORTED_PARAMETER_TYPE, file, type + " value");
    }
    JavaFileObject file =
        tools(
            "Tools",
            "  /** Runs.\n   * @param value the value */",
            "  @McpTool public String run(List<Optional<String>> value) { return \"\"; }");
    assertThat(Fixtures.compile(file))
        .hadErrorContaining(
            "only a parameter or a record component can be absent. Use java.lang.String there");
  }

  @Test
  void objectParameter_pointsToJsonNode() {
    JavaFileObject file =
        tools(
            "Tools",
            "  /** Runs.\n   * @param value the value */",
            "  @McpTool public String run(Map<String, Object> value) { return \"\"; }");
    assertError(Message.UNSUPPORTED_PARAMETER_TYPE, file, "Map<String, Object> value");
    assertThat(Fixtures.compile(file)).hadErrorContaining("take a JsonNode for any JSON value");
  }

  @Test
  void missingParamDescription_isAWarningOnTheParameter_andCanBeSilenced() {
    JavaFileObject file =
        tools(
            "Tools",
            "  /** Echoes. */ @McpTool public String echo(String value) { return value; }");
    Compilation compilation = Fixtures.compile(file);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[" + Message.MISSING_PARAM_DESCRIPTION.id() + "]")
        .inFile(file)
        .onLineContaining("String value");
    JavaFileObject silenced =
        tools(
            "Tools",
            "  /** Echoes. */ @SuppressWarnings(\"ToolsmithMissingParamDescription\")",
            "  @McpTool public String echo(String value) { return value; }");
    assertThat(Fixtures.compile(silenced)).succeededWithoutWarnings();
  }

  @Test
  void descriptionsUnavailable_forARecordFromAClassFileCompiledWithoutTheProcessor(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
    java.nio.file.Path model = CrossModuleDescriptionsTest.compileModel(dir, false);
    String diagnostics =
        DiskCompiler.compile(
            dir.resolve("tools"),
            List.of(model),
            true,
            CrossModuleDescriptionsTest.toolSource(dir));
    assertThat(diagnostics)
        .contains("Planner.java:11: warning: [ToolsmithDescriptionsUnavailable]")
        .contains("Parameter 'trip' of @McpTool method 'plan' uses record acme.model.Trip");
  }

  @Test
  void notDiscoverable_isANoteSayingHowToAddThePack() {
    JavaFileObject file =
        tools(
            "Tools",
            "  private final String prefix;",
            "  public Tools(String prefix) { this.prefix = prefix; }",
            "  /** Greets. */ @McpTool public String greet() { return prefix; }");
    Compilation compilation = Fixtures.compile(file);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .hadNoteContaining(
            "[ToolsmithNotDiscoverable] Tools has neither a usable no-argument constructor nor a "
                + "single constructor whose parameters a server can provide by type, so "
                + "ServiceLoader cannot create Tools_McpTools")
        .inFile(file);
    assertThat(compilation).hadNoteContaining("tools(new Tools_McpTools(new Tools(...)))");
    assertThat(compilation).hadNoteContaining("provide(Type.class, value)");
  }

  @Test
  void targetUnsupported_onTheParameter() {
    JavaFileObject file =
        tools(
            "Tools",
            "  /**",
            "   * Counts.",
            "   *",
            "   * @param counts by name",
            "   */",
            "  @McpTool public int total(Map<String, Integer> counts) { return 0; }");
    Compilation compilation =
        Fixtures.compileWith(List.of("-Atoolsmith.targets=agentcore-gateway"), file);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[ToolsmithTargetUnsupported] agentcore-gateway cannot express the map"
                + " Map<String, Integer> (at 'counts'); AgentCore Gateway schemas have no"
                + " additionalProperties")
        .inFile(file)
        .onLineContaining("Map<String, Integer> counts");
  }

  @Test
  void unknownTarget_andAnUnknownViolationKind_areErrorsNamingTheChoices() {
    JavaFileObject file =
        tools("Tools", "  /** Pings. */ @McpTool public String ping() { return \"\"; }");
    Compilation compilation =
        Fixtures.compileWith(
            List.of("-Atoolsmith.targets=agentcore,gemini", "-Atoolsmith.targetViolations=fatal"),
            file);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[ToolsmithUnknownTarget] Processor option toolsmith.targets has 'agentcore', which is"
                + " not one of agentcore-gateway, openai-strict, gemini");
    assertThat(compilation)
        .hadErrorContaining(
            "Processor option toolsmith.targetViolations has 'fatal', which is not one of error,"
                + " warning");
  }

  @Test
  void breakingChange_onTheToolsMethod_orOnNothingWhenTheToolIsGone(@TempDir Path dir)
      throws IOException {
    Compilation compilation = pingRenamedToPong(dir);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[ToolsmithBreakingChange] Tool 'ping': removed (renamed to 'pong'?)");
  }

  @Test
  void additiveChange_isANote(@TempDir Path dir) throws IOException {
    assertThat(pingRenamedToPong(dir))
        .hadNoteContaining("[ToolsmithAdditiveChange] Tool 'pong': new")
        .inFile(PONG)
        .onLineContaining("String pong()");
  }

  private static final JavaFileObject PONG =
      tools("Tools", "  /** Pongs. */ @McpTool public String pong() { return \"\"; }");

  /** Compiles a pack whose one tool was renamed against the index of the version before. */
  private static Compilation pingRenamedToPong(Path dir) throws IOException {
    JavaFileObject v1 =
        tools("Tools", "  /** Pings. */ @McpTool public String ping() { return \"\"; }");
    Path index = dir.resolve("META-INF/toolsmith/test.Tools.json");
    Files.createDirectories(index.getParent());
    Files.writeString(
        index,
        Fixtures.generatedResource(Fixtures.compile(v1), "META-INF/toolsmith/test.Tools.json"));
    return Fixtures.compileWith(List.of("-Atoolsmith.baseline=" + dir), PONG);
  }

  @Test
  void baselineUnreadable_namesTheLocation() {
    JavaFileObject file =
        tools("Tools", "  /** Pings. */ @McpTool public String ping() { return \"\"; }");
    Compilation compilation =
        Fixtures.compileWith(List.of("-Atoolsmith.baseline=/no/such/tools-1.0.jar"), file);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[ToolsmithBaselineUnreadable] Processor option toolsmith.baseline names"
                + " /no/such/tools-1.0.jar, which cannot be read");
  }

  @Test
  void invalidSchemaRule_oneName_anUnknownDecider_orAValueItCannotHave() {
    JavaFileObject file =
        tools(
            "Tools",
            "  public enum Kind { PHONE, EMAIL }",
            "  /** Saves. @param kind how @param phone a phone @param email an email */",
            "  @McpTool @McpRequireAnyOf({\"phone\"})",
            "  @McpRequiredIf(param = \"kind\", equals = \"FAX\", then = \"phone\")",
            "  public String save(Optional<Kind> kind, Optional<String> phone,",
            "      Optional<String> email) { return \"\"; }");
    Compilation compilation = Fixtures.compile(file);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[ToolsmithInvalidSchemaRule] @McpRequireAnyOf on @McpTool method 'save' needs at least"
                + " two different argument names")
        .inFile(file)
        .onLineContaining("@McpRequireAnyOf");
    assertThat(compilation)
        .hadErrorContaining(
            "@McpRequiredIf on @McpTool method 'save' compares 'kind' with \"FAX\", which is not"
                + " one of its values; name a string, enum, boolean or integer argument and one of"
                + " its values as JSON writes it (\"PHONE\", \"EMAIL\")");
  }

  @Test
  void invalidSchemaDef_aNameThatIsNoPointerStep_aBadAnchor_orTwoRecordsSharingOne() {
    JavaFileObject file =
        tools(
            "Tools",
            "  /** A. @param street s */",
            "  @McpSchemaDef(name = \"postal/address\") public record Address(String street) {}",
            "  /** B. @param city c */",
            "  @McpSchemaDef(name = \"place\", anchor = \"1st\") public record Town(String city) {}",
            "  /** C. @param zip z */",
            "  @McpSchemaDef(name = \"spot\") public record Zip(String zip) {}",
            "  /** D. @param code c */",
            "  @McpSchemaDef(name = \"spot\") public record Code(String code) {}",
            "  /** Saves. @param a a @param t t @param z z @param c c */",
            "  @McpTool public String save(Address a, Town t, Zip z, Code c) { return \"\"; }");
    Compilation compilation = Fixtures.compile(file);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[ToolsmithInvalidSchemaDef] @McpSchemaDef on record 'test.Tools.Address' has name"
                + " \"postal/address\"; use letters, digits, '_', '.' and '-' only")
        .inFile(file)
        .onLineContaining("record Address");
    assertThat(compilation)
        .hadErrorContaining("has anchor \"1st\"; an $anchor starts with a letter or '_'");
    assertThat(compilation)
        .hadErrorContaining(
            "@McpSchemaDef on record 'test.Tools.Code' has name \"spot\", which record"
                + " 'test.Tools.Zip' in the same tool's schema has too")
        .inFile(file)
        .onLineContaining("record Code");
  }

  @Test
  void invalidTask_onAToolThatTakesASession_orOnAMethodThatIsNoTool() {
    JavaFileObject file =
        tools(
            "Tools",
            "  /** Counts. */",
            "  @McpTool @McpTask",
            "  public int count(dev.toolsmith.runtime.session.Session session) { return 1; }",
            "  /** Not a tool. */",
            "  @McpTask public String helper() { return \"\"; }");
    Compilation compilation = Fixtures.compile(file);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[ToolsmithInvalidTask] @McpTask on method 'count' takes a Session, which a task"
                + " cannot keep")
        .inFile(file)
        .onLineContaining("public int count");
    assertThat(compilation)
        .hadErrorContaining(
            "@McpTask on method 'helper' is not on an @McpTool method, so it would do nothing")
        .inFile(file)
        .onLineContaining("String helper");
  }

  @Test
  void invalidParamHeader_notAToken_aNumber_repeated_orOnAComponent() {
    JavaFileObject file =
        tools(
            "Tools",
            "  /** A place. @param zone the zone */",
            "  public record Place(@McpParam(header = \"Zone\") String zone) {}",
            "  /**",
            "   * Deploys.",
            "   *",
            "   * @param region where",
            "   * @param ratio how much",
            "   * @param again where again",
            "   * @param other a region",
            "   * @param place a place",
            "   */",
            "  @McpTool public String deploy(",
            "      @McpParam(header = \"Region Name\") String region,",
            "      @McpParam(header = \"Ratio\") double ratio,",
            "      @McpParam(header = \"Again\") String again,",
            "      @McpParam(header = \"again\") String other,",
            "      Place place) { return \"\"; }");
    Compilation compilation = Fixtures.compile(file);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[ToolsmithInvalidParamHeader] @McpParam(header = \"Region Name\") on 'region' is not"
                + " an HTTP header name")
        .inFile(file)
        .onLineContaining("Region Name");
    assertThat(compilation)
        .hadErrorContaining(
            "@McpParam(header = \"Ratio\") on 'ratio' is on a parameter of type double; only"
                + " string, integer, boolean and enum arguments")
        .inFile(file)
        .onLineContaining("double ratio");
    assertThat(compilation)
        .hadErrorContaining(
            "@McpParam(header = \"again\") on 'other' repeats the header of 'again' (header names"
                + " ignore case)")
        .inFile(file)
        .onLineContaining("String other");
    assertThat(compilation)
        .hadErrorContaining(
            "@McpParam(header = \"Zone\") on 'zone' is on a record component; only a tool's own"
                + " parameters")
        .inFile(file)
        .onLineContaining("public record Place");
  }

  @Test
  void invalidNamespace_onTheClass() {
    JavaFileObject file =
        Fixtures.source(
            "test.Tools",
            "package test; " + IMPORTS,
            "/** Tools. */",
            "@McpNamespace(\"acme tools\")",
            "public class Tools {",
            "  /** Greets. */ @McpTool public String greet() { return \"\"; }",
            "}");
    assertError(Message.INVALID_NAMESPACE, file, "public class Tools");
    assertThat(Fixtures.compile(file))
        .hadErrorContaining("@McpNamespace(\"acme tools\") on test.Tools is not a usable");
  }

  @Test
  void invalidDefault_namesWhatTheTypeCannotHold() {
    String[][] cases = {
      {"int limit", "\"many\"", "is not a whole number"},
      {"byte level", "\"300\"", "is outside -128 to 127"},
      {"boolean exact", "\"yes\"", "is not true or false"},
      {"Thread.State state", "\"SLEEPING\"", "is not a constant of State; use one of NEW"},
      {"List<String> tags", "\"a\"", "a default is for strings, numbers, booleans, char and enums"},
    };
    for (String[] c : cases) {
      JavaFileObject file =
          tools(
              "Tools",
              "  /**",
              "   * Runs.",
              "   *",
              "   * @param " + c[0].substring(c[0].lastIndexOf(' ') + 1) + " the value",
              "   */",
              "  @McpTool public String run(@McpParam(defaultValue = " + c[1] + ") " + c[0] + ") {",
              "    return \"\";",
              "  }");
      assertError(Message.INVALID_DEFAULT, file, "defaultValue = " + c[1]);
      assertThat(Fixtures.compile(file)).hadErrorContaining(c[2]);
    }
  }

  @Test
  void invalidEnumValue_aNameTwiceOrEmpty_isAnErrorOnTheConstant() {
    JavaFileObject file =
        tools(
            "Tools",
            "  /** A level. */",
            "  public enum Level { LOW, @McpEnumValue(\"LOW\") LOWEST, @McpEnumValue(\"\") NONE }",
            "  /**",
            "   * Sets.",
            "   *",
            "   * @param level the level",
            "   */",
            "  @McpTool public String set(Level level) { return \"\"; }");
    assertError(Message.INVALID_ENUM_VALUE, file, "public enum Level");
    Compilation compilation = Fixtures.compile(file);
    assertThat(compilation).hadErrorContaining("gives the name 'LOW', which LOW already has");
    assertThat(compilation)
        .hadErrorContaining("@McpEnumValue on NONE of Level gives an empty name");
  }

  @Test
  void javadocTagInText_isAWarning() {
    JavaFileObject file =
        tools(
            "Tools",
            "  /** Adds two numbers. @param a the first @param b the second */",
            "  @McpTool public int add(int a, int b) { return a + b; }");
    Compilation compilation = Fixtures.compile(file);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[" + Message.JAVADOC_TAG_IN_TEXT.id() + "]")
        .inFile(file)
        .onLineContaining("int add");
  }

  @Test
  void duplicateToolName_ofOverloads_namesTheirSignatures() {
    JavaFileObject file =
        tools(
            "Tools",
            "  /** Searches.\n   * @param q the query */",
            "  @McpTool public String search(String q) { return q; }",
            "  /** Searches a page.\n   * @param q the query\n   * @param page the page */",
            "  @McpTool public String search(String q, int page) { return q; }");
    assertThat(Fixtures.compile(file))
        .hadErrorContaining("both 'search(String)' and 'search(String, int)'");
  }

  @Test
  void missingDescription_isAWarningThatSaysHowToSilenceIt() {
    JavaFileObject file =
        Fixtures.source(
            "test.Tools",
            "package test; " + IMPORTS,
            "public class Tools {",
            "  @McpTool public String ping() { return \"pong\"; }",
            "}");
    Compilation compilation = Fixtures.compile(file);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[" + Message.MISSING_DESCRIPTION.id() + "]")
        .inFile(file)
        .onLineContaining("String ping()");
    assertThat(compilation)
        .hadWarningContaining("@SuppressWarnings(\"ToolsmithMissingDescription\")");
  }

  @Test
  void missingDescription_silencedBySuppressWarnings() {
    JavaFileObject file =
        Fixtures.source(
            "test.Tools",
            "package test; " + IMPORTS,
            "public class Tools {",
            "  @SuppressWarnings(\"ToolsmithMissingDescription\") @McpTool public String ping() { return \"pong\"; }",
            "}");
    assertThat(Fixtures.compile(file)).succeededWithoutWarnings();
  }

  @Test
  void undefinedType_reportedOnceAfterTheLastRound() {
    JavaFileObject file =
        tools(
            "Tools", "  /** Runs. */ @McpTool public String run(Missing missing) { return \"\"; }");
    Compilation compilation = Fixtures.compile(file);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[" + Message.UNDEFINED_TYPE.id() + "]")
        .inFile(file)
        .onLineContaining("public class Tools");
  }

  @Test
  void errorsInOneClass_doNotStopTheOthers() {
    JavaFileObject bad =
        tools("Bad", "  /** Forecasts. */ @McpTool private String forecast() { return \"\"; }");
    JavaFileObject good =
        tools(
            "Good",
            "  /** Pings. */ @McpTool public String ping() { return \"pong\"; }",
            "  static Object pack() { return new Good_McpTools(); }");
    Compilation compilation = Fixtures.compile(bad, good);
    assertThat(compilation).failed();
    assertThat(compilation.errors()).hasSize(1);
    assertThat(compilation)
        .hadErrorContaining("[ToolsmithPrivateTool]")
        .inFile(bad)
        .onLineContaining("private String forecast");
  }

  @Test
  void invalidResourceUri_namesWhatIsWrong() {
    JavaFileObject file =
        tools(
            "Docs",
            "  /** Notes. */ @McpResource(uri = \"notes/{day\") public String notes(String day) { return \"\"; }");
    assertError(Message.INVALID_RESOURCE_URI, file, "@McpResource(uri = \"notes/{day\")");
    assertThat(Fixtures.compile(file)).hadErrorContaining("it needs a scheme");
    JavaFileObject operator =
        tools(
            "Docs",
            "  /** Notes. */ @McpResource(uri = \"file:///{+path}\") public String notes(String path) { return \"\"; }");
    assertThat(Fixtures.compile(operator))
        .hadErrorContaining("only level-1 variables such as {id} are supported");
  }

  @Test
  void unboundTemplateVariable() {
    JavaFileObject file =
        tools(
            "Docs",
            "  /** A page. */",
            "  @McpResource(uri = \"books://{id}/pages/{page}\") public String page(String id) { return \"\"; }");
    assertError(Message.UNBOUND_TEMPLATE_VARIABLE, file, "public String page(String id)");
    assertThat(Fixtures.compile(file)).hadErrorContaining("{page}");
  }

  @Test
  void publicCacheOfCallersResource() {
    JavaFileObject file =
        tools(
            "Docs",
            "  /** Mine. */",
            "  @McpResource(uri = \"me://loans\", cacheScope = CacheScope.PUBLIC)"
                + " public String loans(dev.toolsmith.runtime.Identity caller) { return \"\"; }");
    assertError(Message.PUBLIC_CACHE_OF_CALLERS_RESOURCE, file, "cacheScope = CacheScope.PUBLIC");
    assertThat(Fixtures.compile(file)).hadErrorContaining("takes the caller's Identity");
  }

  @Test
  void invalidCacheTtl() {
    JavaFileObject file =
        tools(
            "Docs",
            "  /** News. */",
            "  @McpResource(uri = \"news://today\", cacheTtlMs = -5) public String today() { return \"\"; }");
    assertError(Message.INVALID_CACHE_TTL, file, "cacheTtlMs = -5");
  }

  @Test
  void unboundResourceParameter() {
    JavaFileObject file =
        tools(
            "Docs",
            "  /** A book. */",
            "  @McpResource(uri = \"books://{id}\") public String book(String id, String edition) { return \"\"; }");
    assertError(
        Message.UNBOUND_RESOURCE_PARAMETER, file, "public String book(String id, String edition)");
    assertThat(Fixtures.compile(file)).hadErrorContaining("Parameter 'edition'");
  }

  @Test
  void unsupportedVariableType() {
    JavaFileObject file =
        tools(
            "Docs",
            "  /** A day. */",
            "  @McpResource(uri = \"log://{day}\") public String day(java.time.LocalDate day) { return \"\"; }");
    assertError(Message.UNSUPPORTED_VARIABLE_TYPE, file, "java.time.LocalDate day");
  }

  @Test
  void unsupportedResourceReturnType() {
    JavaFileObject file =
        tools(
            "Docs",
            "  /** A count. */",
            "  @McpResource(uri = \"stats://count\") public int count() { return 1; }");
    assertError(Message.UNSUPPORTED_RESOURCE_RETURN_TYPE, file, "public int count()");
  }

  @Test
  void duplicateResource() {
    JavaFileObject file =
        tools(
            "Docs",
            "  /** One. */ @McpResource(uri = \"docs://readme\") public String one() { return \"\"; }",
            "  /** Two. */ @McpResource(uri = \"docs://readme\") public String two() { return \"\"; }");
    assertError(Message.DUPLICATE_RESOURCE, file, "public String two()");
  }

  @Test
  void invalidPromptName() {
    JavaFileObject file =
        tools(
            "Prompts",
            "  /** Greets. */ @McpPrompt(name = \"say hello\") public String greet() { return \"\"; }");
    assertError(Message.INVALID_PROMPT_NAME, file, "public String greet()");
    assertThat(Fixtures.compile(file)).hadErrorContaining("such as 'say_hello'");
  }

  @Test
  void unsupportedPromptParameterType() {
    JavaFileObject file =
        tools(
            "Prompts",
            "  /** Greets. */ @McpPrompt public String greet(int times) { return \"\"; }");
    assertError(Message.UNSUPPORTED_PROMPT_PARAMETER_TYPE, file, "int times");
  }

  @Test
  void unsupportedPromptReturnType() {
    JavaFileObject file =
        tools("Prompts", "  /** Greets. */ @McpPrompt public int greet() { return 1; }");
    assertError(Message.UNSUPPORTED_PROMPT_RETURN_TYPE, file, "public int greet()");
  }

  @Test
  void duplicatePromptName() {
    JavaFileObject file =
        tools(
            "Prompts",
            "  /** One. */ @McpPrompt(name = \"greet\") public String one() { return \"\"; }",
            "  /** Two. */ @McpPrompt(name = \"greet\") public String two() { return \"\"; }");
    assertError(Message.DUPLICATE_PROMPT_NAME, file, "public String two()");
  }

  @Test
  void completionTarget_unknownPromptOrArgument_andNeitherOrBoth() {
    JavaFileObject unknown =
        tools(
            "Prompts",
            "  /** Greets. */ @McpPrompt public String greet(String name) { return \"\"; }",
            "  @McpCompletion(prompt = \"greet\", argument = \"nmae\") public List<String> names(String prefix) { return List.of(); }");
    assertError(Message.COMPLETION_TARGET, unknown, "public List<String> names(String prefix)");
    assertThat(Fixtures.compile(unknown))
        .hadErrorContaining(
            "names argument 'nmae', which prompt 'greet' does not have; its arguments are name");
    JavaFileObject neither =
        tools(
            "Prompts",
            "  @McpCompletion(argument = \"x\") public List<String> names(String prefix) { return List.of(); }");
    assertThat(Fixtures.compile(neither)).hadErrorContaining("sets neither prompt nor resource");
  }

  @Test
  void invalidScope() {
    JavaFileObject file =
        tools(
            "Board",
            "  /** Posts. */ @McpScopes(\"board write\") @McpTool public String post() { return \"\"; }");
    assertError(Message.INVALID_SCOPE, file, "@McpScopes(\"board write\")");
  }

  @Test
  void completionSignature() {
    JavaFileObject file =
        tools(
            "Prompts",
            "  /** Greets. */ @McpPrompt public String greet(String name) { return \"\"; }",
            "  @McpCompletion(prompt = \"greet\", argument = \"name\") public String names(int prefix) { return \"\"; }");
    assertError(Message.COMPLETION_SIGNATURE, file, "public String names(int prefix)");
  }

  @Test
  void everyProblemInOneClass_isReportedInOneCompile() {
    Compilation compilation =
        Fixtures.compile(
            tools(
                "Tools",
                "  /** A. */ @McpTool private String a() { return \"\"; }",
                "  /** B. */ @McpTool public <T> String b() { return \"\"; }",
                "  /** C. */ @McpTool public String c(Thread t) { return \"\"; }"));
    assertThat(compilation.errors()).hasSize(3);
  }

  @Test
  void everyMessageId_isTestedHereAndDocumented() {
    Set<String> tested =
        Arrays.stream(DiagnosticsTest.class.getDeclaredMethods())
            .map(m -> m.getName().split("_")[0].toLowerCase(java.util.Locale.ROOT))
            .collect(Collectors.toSet());
    String errorsDoc = Fixtures.text("errors.md");
    for (Message message : Message.values()) {
      if (message == Message.PROCESSOR_FAILURE) {
        continue;
      }
      String id = message.id().substring("Toolsmith".length()).toLowerCase(java.util.Locale.ROOT);
      assertThat(tested).as("a test named after %s", message.id()).contains(id);
    }
    for (Message message : Message.values()) {
      assertThat(errorsDoc)
          .as("docs/errors.md documents %s", message.id())
          .contains("## " + message.id());
    }
  }
}
