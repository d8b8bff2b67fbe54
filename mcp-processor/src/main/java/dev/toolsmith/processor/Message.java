package dev.toolsmith.processor;

import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor reports, with its stable id and the fix it suggests.
 *
 * <p>Each id has an entry in {@code docs/errors.md}; tests match on ids, so texts can improve
 * without breaking them.
 */
enum Message {
  PRIVATE_TOOL(
      "ToolsmithPrivateTool",
      "%s method '%s' must not be private; make it package-private or public."),
  ABSTRACT_TOOL(
      "ToolsmithAbstractTool",
      "%s method '%s' must not be abstract; the generated code calls it on an instance of %s, so give it a body."),
  GENERIC_TOOL(
      "ToolsmithGenericTool",
      "%s method '%s' must not declare type parameters <%s>; the generated code needs concrete types, so use them instead."),
  UNSUPPORTED_PARAMETER_TYPE(
      "ToolsmithUnsupportedParameterType",
      "Parameter '%s' of @McpTool method '%s' has type %s, which Toolsmith cannot express in JSON Schema (%s). "
          + "Supported: %s; or an injected type (%s), which is not part of the schema."),
  UNSUPPORTED_RETURN_TYPE(
      "ToolsmithUnsupportedReturnType",
      "@McpTool method '%s' returns %s, which Toolsmith cannot turn into a tool result (%s). "
          + "Supported: void, ToolResult, CompletionStage<T> of these, and %s."),
  DUPLICATE_TOOL_NAME(
      "ToolsmithDuplicateToolName",
      "Tool name '%s' is used by both '%s' and '%s' in %s; tool names must be unique, so give one of them @McpTool(name = \"...\")."),
  DUPLICATE_TOOL_NAME_ACROSS_CLASSES(
      "ToolsmithDuplicateToolNameAcrossClasses",
      "Tool name '%s' is already used by %s; a server lists every pack's tools together, "
          + "so give one of them @McpTool(name = \"...\")."),
  INVALID_TOOL_NAME(
      "ToolsmithInvalidToolName",
      "Tool name '%s' must match ^[A-Za-z0-9_.-]{1,64}$ (letters, digits, '_', '-' and '.', at most 64 characters); "
          + "use a name such as '%s'."),
  INVALID_NAMESPACE(
      "ToolsmithInvalidNamespace",
      "@McpNamespace(\"%s\") on %s is not a usable tool-name prefix; use letters, digits, '_', '-' or '.', "
          + "at most 60 characters and not ending in '_' (the prefix is joined to each name with '_'), such as \"acme\"."),
  UNKNOWN_JAVADOC_PARAM(
      "ToolsmithUnknownJavadocParam",
      "Javadoc of @McpTool method '%s' documents '@param %s', but the method has no such parameter; %s."),
  UNREACHABLE_TOOL_CLASS(
      "ToolsmithUnreachableToolClass",
      "%s has @McpTool methods, but the generated %s cannot reach it: %s."),
  TOOL_CLASS_KIND(
      "ToolsmithToolClassKind",
      "@McpTool methods must be declared in a class or record, not in %s %s; move '%s' into a class."),
  DUPLICATE_PROPERTY_NAME(
      "ToolsmithDuplicatePropertyName",
      "JSON property '%s' is used by two parameters of @McpTool method '%s'; rename one with @McpParam(name = \"...\")."),
  SESSION_HANDLE_CLASH(
      "ToolsmithSessionHandleClash",
      "Parameter '%s' of @McpTool method '%s' is the JSON property 'session_handle', which the method's Session "
          + "parameter already adds to the schema for clients without protocol sessions; rename it with @McpParam(name = \"...\")."),
  INVALID_PROPERTY_NAME(
      "ToolsmithInvalidPropertyName",
      "@McpParam(name = \"%s\") on '%s' is not a usable property name; use a non-empty name without control characters."),
  INVALID_PARAM_HEADER("ToolsmithInvalidParamHeader", "@McpParam(header = \"%s\") on '%s' %s."),
  INVALID_SCHEMA_RULE("ToolsmithInvalidSchemaRule", "%s on @McpTool method '%s' %s."),
  INVALID_SCHEMA_DEF("ToolsmithInvalidSchemaDef", "@McpSchemaDef on record '%s' %s."),
  INVALID_TASK("ToolsmithInvalidTask", "@McpTask on method '%s' %s."),
  NULLABLE_PRIMITIVE(
      "ToolsmithNullablePrimitive",
      "%s is @Nullable, but a %s can never be null, so an omitted argument would fail at call time; "
          + "use %s (null when omitted) or an OptionalInt/OptionalLong/OptionalDouble, or remove @Nullable."),
  REQUIRED_CYCLE(
      "ToolsmithRequiredCycle",
      "Record %s requires itself (%s), so no finite JSON value satisfies its schema and no client could "
          + "send a valid call; make one step optional, for example component '%s' as Optional<%s> or @Nullable."),
  INVALID_ENUM_VALUE(
      "ToolsmithInvalidEnumValue",
      "@McpEnumValue on %s of %s gives %s; each constant needs its own non-empty JSON name."),
  INVALID_DEFAULT("ToolsmithInvalidDefault", "@McpParam(defaultValue = \"%s\") on '%s' %s."),
  EMPTY_RANGE(
      "ToolsmithEmptyRange",
      "The constraints on '%s' admit no value (%s), so every call would be refused; %s."),
  INVALID_CONSTRAINT("ToolsmithInvalidConstraint", "@%s on '%s' does not apply to type %s; %s"),
  INVALID_PATTERN(
      "ToolsmithInvalidPattern",
      "@Pattern on '%s' is not a valid regular expression: %s; fix the regexp."),
  MISSING_DESCRIPTION(
      "ToolsmithMissingDescription",
      "%s method '%s' has no description, and models and users choose by descriptions; add Javadoc or "
          + "%s(description = \"...\"), or silence this with @SuppressWarnings(\"ToolsmithMissingDescription\")."),
  MISSING_PARAM_DESCRIPTION(
      "ToolsmithMissingParamDescription",
      "%s has no description, and a model fills in arguments by what their descriptions say; add %s or "
          + "@McpParam(description = \"...\"), or silence this with @SuppressWarnings(\"ToolsmithMissingParamDescription\")."),
  DESCRIPTIONS_UNAVAILABLE(
      "ToolsmithDescriptionsUnavailable",
      "Parameter '%s' of @McpTool method '%s' uses record %s from a class file, and javac keeps no Javadoc in class "
          + "files, so its schema has no descriptions; compile the record's module with the Toolsmith processor on its "
          + "processor path (it then keeps them in META-INF/toolsmith/descriptions), or describe its components with "
          + "@McpParam(description = \"...\")."),
  JAVADOC_TAG_IN_TEXT(
      "ToolsmithJavadocTagInText",
      "The Javadoc of %s has '@%s' in the middle of a line, where Javadoc does not read it as a tag, so the "
          + "description would say it word for word; start each block tag on its own line."),
  INVALID_RESOURCE_URI(
      "ToolsmithInvalidResourceUri", "@McpResource(uri = \"%s\") on '%s' is not a usable URI: %s."),
  UNBOUND_TEMPLATE_VARIABLE(
      "ToolsmithUnboundTemplateVariable",
      "URI template variable {%s} of @McpResource method '%s' has no parameter of that name; add a parameter '%s' "
          + "(String, int, long or UUID) or remove the variable from the template."),
  PUBLIC_CACHE_OF_CALLERS_RESOURCE(
      "ToolsmithPublicCacheOfCallersResource",
      "@McpResource method '%s' takes the caller's Identity, so what it returns depends on who reads it; "
          + "cacheScope = PUBLIC would let a shared cache hand one caller's contents to another. Remove cacheScope "
          + "(the default makes it private) or set it to PRIVATE."),
  INVALID_CACHE_TTL(
      "ToolsmithInvalidCacheTtl",
      "cacheTtlMs of @McpResource method '%s' is %d; use -1 for the server's TTL, 0 for no reuse, or a number of "
          + "milliseconds."),
  UNBOUND_RESOURCE_PARAMETER(
      "ToolsmithUnboundResourceParameter",
      "Parameter '%s' of @McpResource method '%s' matches no variable of the URI \"%s\"; add {%s} to the URI template, "
          + "remove the parameter, or make it an injected type (RequestContext, Identity)."),
  UNSUPPORTED_VARIABLE_TYPE(
      "ToolsmithUnsupportedVariableType",
      "Parameter '%s' of @McpResource method '%s' has type %s; a URI template variable binds to String, int, long "
          + "(or their boxes) or UUID."),
  UNSUPPORTED_RESOURCE_RETURN_TYPE(
      "ToolsmithUnsupportedResourceReturnType",
      "@McpResource method '%s' returns %s, which is not resource contents; return String (text), byte[] (binary), "
          + "ResourceContents, List<ResourceContents>, or a CompletionStage of one of these."),
  DUPLICATE_RESOURCE(
      "ToolsmithDuplicateResource",
      "Resource URI \"%s\" is already declared by %s; each resource and template needs its own URI."),
  INVALID_PROMPT_NAME(
      "ToolsmithInvalidPromptName",
      "Prompt name '%s' must match ^[A-Za-z0-9_.-]{1,64}$; use a name such as '%s'."),
  UNSUPPORTED_PROMPT_PARAMETER_TYPE(
      "ToolsmithUnsupportedPromptParameterType",
      "Parameter '%s' of @McpPrompt method '%s' has type %s, but MCP prompt arguments are strings; use String "
          + "(required), Optional<String> or a @Nullable String (optional), or an injected type (RequestContext, Identity)."),
  UNSUPPORTED_PROMPT_RETURN_TYPE(
      "ToolsmithUnsupportedPromptReturnType",
      "@McpPrompt method '%s' returns %s, which is not a prompt; return String (one user message), PromptMessage, "
          + "List<PromptMessage>, PromptResult, or a CompletionStage of one of these."),
  DUPLICATE_PROMPT_NAME(
      "ToolsmithDuplicatePromptName",
      "Prompt name '%s' is already used by %s; give one of them @McpPrompt(name = \"...\")."),
  INVALID_SCOPE(
      "ToolsmithInvalidScope",
      "@McpScopes value \"%s\" (for '%s') is not an OAuth scope token; use visible ASCII without spaces, quotes or "
          + "backslashes, such as \"board:write\", and list several scopes as separate values."),
  COMPLETION_TARGET("ToolsmithCompletionTarget", "@McpCompletion on '%s' %s."),
  COMPLETION_SIGNATURE(
      "ToolsmithCompletionSignature",
      "@McpCompletion method '%s' must take the typed prefix as a String, optionally followed by a Map<String, String> "
          + "of the other arguments, and return List<String> or Completion; it is %s."),
  NOT_DISCOVERABLE(
      "ToolsmithNotDiscoverable",
      "%s has neither a usable no-argument constructor nor a single constructor whose parameters a server can "
          + "provide by type, so ServiceLoader cannot create %s and servers do not discover it; add it with "
          + "McpServer.builder().tools(new %s(new %s(...))), or give the class one constructor that takes a settings "
          + "record or client types (which servers supply with provide(Type.class, value)), or no arguments."),
  UNDEFINED_TYPE(
      "ToolsmithUndefinedType",
      "%s could not be resolved, so no tool pack was generated for %s; if it is a generated type, check the errors above, "
          + "otherwise put it on the classpath."),
  TARGET_UNSUPPORTED(
      "ToolsmithTargetUnsupported",
      "%s cannot express %s (at '%s'); %s. %s, or drop %s from toolsmith.targets."),
  UNKNOWN_TARGET(
      "ToolsmithUnknownTarget",
      "Processor option %s has '%s', which is not one of %s; fix the value passed with -A%s=..."),
  BREAKING_CHANGE(
      "ToolsmithBreakingChange",
      "%s: %s, compared with the baseline %s: clients, agent prompts and allow-lists written for that version "
          + "break. Keep it compatible, or accept the break for a new major version with "
          + "-Atoolsmith.acceptBreakingChanges=%s (or =all)."),
  ADDITIVE_CHANGE(
      "ToolsmithAdditiveChange", "%s: %s, compared with the baseline %s; a compatible change."),
  BASELINE_UNREADABLE(
      "ToolsmithBaselineUnreadable",
      "Processor option toolsmith.baseline names %s, which cannot be read as a previous version's index: %s. "
          + "Point it at the previous release's jar, or a directory holding its META-INF/toolsmith."),
  PROCESSOR_FAILURE(
      "ToolsmithProcessorFailure",
      "The Toolsmith processor failed on %s; this is a bug, please report it with this trace: %s");

  private final String id;
  private final String template;

  Message(String id, String template) {
    this.id = id;
    this.template = template;
  }

  /** Returns the stable id, such as {@code ToolsmithPrivateTool}. */
  String id() {
    return id;
  }

  /**
   * Returns the diagnostic kind: a warning for what makes a pack worse but still correct (missing
   * descriptions, a tag Javadoc did not read), a note for what the author should know (a pack
   * servers must add by hand), otherwise an error.
   */
  Diagnostic.Kind kind() {
    return switch (this) {
      case MISSING_DESCRIPTION,
          MISSING_PARAM_DESCRIPTION,
          JAVADOC_TAG_IN_TEXT,
          DESCRIPTIONS_UNAVAILABLE ->
          Diagnostic.Kind.WARNING;
      case NOT_DISCOVERABLE, ADDITIVE_CHANGE -> Diagnostic.Kind.NOTE;
      default -> Diagnostic.Kind.ERROR;
    };
  }

  /** Returns the full text, {@code [Id] message}. */
  String format(Object... args) {
    return "[" + id + "] " + String.format(template, args);
  }
}
