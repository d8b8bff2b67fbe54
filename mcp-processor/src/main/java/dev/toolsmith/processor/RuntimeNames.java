package dev.toolsmith.processor;

import com.palantir.javapoet.ClassName;

/**
 * The runtime types generated code names. The processor never has the runtime on its classpath; it
 * names them here, once.
 */
final class RuntimeNames {
  private static final String SPI = "dev.toolsmith.runtime.spi";
  private static final String RUNTIME = "dev.toolsmith.runtime";

  static final ClassName TOOL_PACK = ClassName.get(SPI, "ToolPack");
  static final ClassName TOOL_DESCRIPTOR = ClassName.get(SPI, "ToolDescriptor");
  static final ClassName PACK_DEPENDENCIES = ClassName.get(SPI, "PackDependencies");
  static final ClassName TOOL_CALL = ClassName.get(SPI, "ToolCall");
  static final ClassName TOOLSMITH_GENERATED = ClassName.get(SPI, "ToolsmithGenerated");
  static final ClassName FIELDS = ClassName.get(SPI, "Fields");
  static final ClassName READERS = ClassName.get(SPI, "Readers");
  static final ClassName VALUE_READER = ClassName.get(SPI, "ValueReader");
  static final ClassName WRITERS = ClassName.get(SPI, "Writers");
  static final ClassName VALUE_WRITER = ClassName.get(SPI, "ValueWriter");
  static final ClassName JSON_WRITER = ClassName.get(SPI, "JsonWriter");
  static final ClassName CHECKS = ClassName.get(SPI, "Checks");
  static final ClassName RESULTS = ClassName.get(SPI, "Results");
  static final ClassName DISPATCH = ClassName.get(SPI, "Dispatch");
  static final ClassName RESOURCE_DESCRIPTOR = ClassName.get(SPI, "ResourceDescriptor");
  static final ClassName PROMPT_DESCRIPTOR = ClassName.get(SPI, "PromptDescriptor");
  static final ClassName RESOURCE_CALL = ClassName.get(SPI, "ResourceCall");
  static final ClassName PROMPT_CALL = ClassName.get(SPI, "PromptCall");
  static final ClassName COMPLETION_REQUEST = ClassName.get(SPI, "CompletionRequest");
  static final ClassName VARIABLES = ClassName.get(SPI, "Variables");

  static final ClassName TOOL_RESULT = ClassName.get(RUNTIME, "ToolResult");
  static final ClassName RESOURCE_CONTENTS = ClassName.get(RUNTIME, "ResourceContents");
  static final ClassName PROMPT_RESULT = ClassName.get(RUNTIME, "PromptResult");
  static final ClassName COMPLETION = ClassName.get(RUNTIME, "Completion");
  static final ClassName REQUEST_CONTEXT = ClassName.get(RUNTIME, "RequestContext");
  static final ClassName SESSION = ClassName.get(RUNTIME + ".session", "Session");
  static final ClassName IDENTITY = ClassName.get(RUNTIME, "Identity");

  static final ClassName LAMBDA_CONTEXT =
      ClassName.get("com.amazonaws.services.lambda.runtime", "Context");
  static final String JSON_NODE = "com.fasterxml.jackson.databind.JsonNode";
  static final String OBJECT_NODE = "com.fasterxml.jackson.databind.node.ObjectNode";

  /**
   * The runtime SPI level the generated code is written for: the runtime's {@code
   * ToolPack.SPI_LEVEL} when this processor was released. Raise it with every change to what
   * generated code calls, together with the runtime's.
   */
  static final int SPI_LEVEL = 4;

  static final String WRAPPED_PROPERTY = "result";

  /**
   * The optional argument of session-taking tools; the runtime's {@code
   * ToolDescriptor.SESSION_HANDLE}.
   */
  static final String SESSION_HANDLE = "session_handle";

  static final String SESSION_HANDLE_DESCRIPTION =
      "The session_handle an earlier call of this server's tools returned, "
          + "to continue that session. Omit it to start a new session; the result then gives you its handle.";

  static final String SERVICE_FILE = "META-INF/services/" + TOOL_PACK.canonicalName();
  static final String INDEX_FOLDER = "META-INF/toolsmith/";

  /**
   * Every class's tool names, which the next compilation into the same output reads for the
   * cross-class duplicate check when it recompiles only some files.
   */
  static final String TOOL_NAMES_FILE = INDEX_FOLDER + "tool-names.txt";

  private RuntimeNames() {}
}
