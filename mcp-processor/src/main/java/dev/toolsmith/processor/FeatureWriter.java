package dev.toolsmith.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.toolsmith.processor.FeatureModel.Argument;
import dev.toolsmith.processor.FeatureModel.Binding;
import dev.toolsmith.processor.FeatureModel.Injected;
import dev.toolsmith.processor.FeatureModel.Variable;
import dev.toolsmith.processor.ToolModel.ToolClass;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.lang.model.element.Modifier;

/**
 * Writes the resource, prompt and completion members of a pack: descriptors as text blocks, {@code
 * switch}es by URI, prompt name and completion target, and one private method per resource or
 * prompt that reads its variables or arguments into locals named after the parameters and calls the
 * method directly.
 */
final class FeatureWriter {
  /**
   * Returns {@code .caching(ttlMs, private)} for a resource with its own cache hints (SPI level 3),
   * or nothing for one that takes the server's.
   */
  private static CodeBlock caching(FeatureModel.Resource resource) {
    if (resource.cacheTtlMs() == -1 && !resource.privateCache()) {
      return CodeBlock.of("");
    }
    return CodeBlock.of("\n    .caching($LL, $L)", resource.cacheTtlMs(), resource.privateCache());
  }

  private static final ClassName LIST = ClassName.get(List.class);

  private final ToolClass toolClass;
  private final UnaryOperator<String> constant;
  private final Set<String> helperNames = new HashSet<>();

  /**
   * @param constant reserves a unique constant name in the pack
   */
  FeatureWriter(ToolClass toolClass, UnaryOperator<String> constant) {
    this.toolClass = toolClass;
    this.constant = constant;
  }

  void writeTo(TypeSpec.Builder type) {
    if (!toolClass.resources().isEmpty()) {
      writeResources(type);
    }
    if (!toolClass.prompts().isEmpty()) {
      writePrompts(type);
    }
    if (!toolClass.completions().isEmpty()) {
      writeCompletions(type);
    }
  }

  private void writeResources(TypeSpec.Builder type) {
    List<String> descriptors = new ArrayList<>();
    CodeBlock.Builder read = CodeBlock.builder().beginControlFlow("switch (resource)");
    List<MethodSpec> helpers = new ArrayList<>();
    for (FeatureModel.Resource resource : toolClass.resources()) {
      String name = constant.apply(Naming.constantName(resource.name()) + "_RESOURCE");
      type.addField(
          FieldSpec.builder(
                  RuntimeNames.RESOURCE_DESCRIPTOR,
                  name,
                  Modifier.PRIVATE,
                  Modifier.STATIC,
                  Modifier.FINAL)
              .initializer(
                  "$T.$L($S, $L)$L",
                  RuntimeNames.RESOURCE_DESCRIPTOR,
                  resource.isTemplate() ? "template" : "of",
                  resource.uri(),
                  DispatcherWriter.textBlock(JsonText.print(FeatureDescriptors.resource(resource))),
                  CodeBlock.join(
                      List.of(
                          DispatcherWriter.requiringScopes(resource.scopes()), caching(resource)),
                      ""))
              .build());
      descriptors.add(name);
      String helper = helperName("read", resource.methodName());
      read.add("case $S:\n", resource.uri())
          .indent()
          .addStatement("return $L(call)", helper)
          .unindent();
      helpers.add(resourceHelper(resource, helper));
    }
    read.add("default:\n")
        .indent()
        .addStatement("throw $T.unknownResource(resource)", RuntimeNames.DISPATCH)
        .unindent();
    read.endControlFlow();
    TypeName contents = ParameterizedTypeName.get(LIST, RuntimeNames.RESOURCE_CONTENTS);
    type.addField(
        FieldSpec.builder(
                ParameterizedTypeName.get(LIST, RuntimeNames.RESOURCE_DESCRIPTOR),
                "RESOURCES",
                Modifier.PRIVATE,
                Modifier.STATIC,
                Modifier.FINAL)
            .initializer("$T.of($L)", List.class, String.join(", ", descriptors))
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("resources")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(LIST, RuntimeNames.RESOURCE_DESCRIPTOR))
            .addStatement("return RESOURCES")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("read")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(contents)
            .addParameter(String.class, "resource")
            .addParameter(RuntimeNames.RESOURCE_CALL, "call")
            .addException(Exception.class)
            .addCode(read.build())
            .build());
    type.addMethods(helpers);
  }

  private MethodSpec resourceHelper(FeatureModel.Resource resource, String helper) {
    Set<String> taken = taken(resource.parameters());
    String call = DispatcherWriter.free("call", taken);
    String result = DispatcherWriter.free("result", taken);
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(helper)
            .addModifiers(Modifier.PRIVATE)
            .returns(ParameterizedTypeName.get(LIST, RuntimeNames.RESOURCE_CONTENTS))
            .addParameter(RuntimeNames.RESOURCE_CALL, call)
            .addException(Exception.class);
    List<String> arguments = new ArrayList<>();
    for (Binding binding : resource.parameters()) {
      arguments.add(binding.javaName());
      if (binding instanceof Variable variable) {
        TypeName javaType =
            switch (variable.type()) {
              case STRING -> ClassName.get(String.class);
              case INT -> TypeName.INT;
              case LONG -> TypeName.LONG;
              case UUID -> ClassName.get(java.util.UUID.class);
            };
        method.addStatement(
            "$T $L = $T.$L($L, $S)",
            javaType,
            variable.javaName(),
            RuntimeNames.VARIABLES,
            variable.type().reader,
            call,
            variable.javaName());
      } else if (binding instanceof Injected injected) {
        method.addStatement(
            "$T $L = $L",
            injected.injection().type,
            injected.javaName(),
            injected.injection().expression(call));
      }
    }
    method.addStatement(
        "$T $L = $L",
        resource.valueType(),
        result,
        invocation(resource.isStatic(), resource.methodName(), arguments, resource.async(), taken));
    switch (resource.returns()) {
      case STRING, BYTES ->
          method.addStatement(
              "return $T.resource($L.uri(), $S, $L)",
              RuntimeNames.RESULTS,
              call,
              resource.mimeType(),
              result);
      case CONTENTS, CONTENTS_LIST ->
          method.addStatement("return $T.resources($L)", RuntimeNames.RESULTS, result);
      default -> throw new AssertionError(resource.returns());
    }
    return method.build();
  }

  private void writePrompts(TypeSpec.Builder type) {
    List<String> descriptors = new ArrayList<>();
    CodeBlock.Builder render = CodeBlock.builder().beginControlFlow("switch (prompt)");
    List<MethodSpec> helpers = new ArrayList<>();
    for (FeatureModel.Prompt prompt : toolClass.prompts()) {
      String name = constant.apply(Naming.constantName(prompt.name()) + "_PROMPT");
      List<String> required = new ArrayList<>();
      for (Argument argument : prompt.arguments()) {
        if (argument.required()) {
          required.add(CodeBlock.of("$S", argument.name()).toString());
        }
      }
      type.addField(
          FieldSpec.builder(
                  RuntimeNames.PROMPT_DESCRIPTOR,
                  name,
                  Modifier.PRIVATE,
                  Modifier.STATIC,
                  Modifier.FINAL)
              .initializer(
                  "$T.of($S, $T.of($L), $L)$L",
                  RuntimeNames.PROMPT_DESCRIPTOR,
                  prompt.name(),
                  List.class,
                  String.join(", ", required),
                  DispatcherWriter.textBlock(JsonText.print(FeatureDescriptors.prompt(prompt))),
                  DispatcherWriter.requiringScopes(prompt.scopes()))
              .build());
      descriptors.add(name);
      String helper = helperName("render", prompt.methodName());
      render
          .add("case $S:\n", prompt.name())
          .indent()
          .addStatement("return $L(call)", helper)
          .unindent();
      helpers.add(promptHelper(prompt, helper));
    }
    render
        .add("default:\n")
        .indent()
        .addStatement("throw $T.unknownPrompt(prompt)", RuntimeNames.DISPATCH)
        .unindent();
    render.endControlFlow();
    type.addField(
        FieldSpec.builder(
                ParameterizedTypeName.get(LIST, RuntimeNames.PROMPT_DESCRIPTOR),
                "PROMPTS",
                Modifier.PRIVATE,
                Modifier.STATIC,
                Modifier.FINAL)
            .initializer("$T.of($L)", List.class, String.join(", ", descriptors))
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("prompts")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(LIST, RuntimeNames.PROMPT_DESCRIPTOR))
            .addStatement("return PROMPTS")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("prompt")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(RuntimeNames.PROMPT_RESULT)
            .addParameter(String.class, "prompt")
            .addParameter(RuntimeNames.PROMPT_CALL, "call")
            .addException(Exception.class)
            .addCode(render.build())
            .build());
    type.addMethods(helpers);
  }

  private MethodSpec promptHelper(FeatureModel.Prompt prompt, String helper) {
    Set<String> taken = taken(prompt.parameters());
    String call = DispatcherWriter.free("call", taken);
    String result = DispatcherWriter.free("result", taken);
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(helper)
            .addModifiers(Modifier.PRIVATE)
            .returns(RuntimeNames.PROMPT_RESULT)
            .addParameter(RuntimeNames.PROMPT_CALL, call)
            .addException(Exception.class);
    List<String> arguments = new ArrayList<>();
    for (Binding binding : prompt.parameters()) {
      arguments.add(binding.javaName());
      if (binding instanceof Argument argument) {
        if (argument.optional()) {
          method.addStatement(
              "$T<$T> $L = $T.ofNullable($L.arguments().get($S))",
              Optional.class,
              String.class,
              argument.javaName(),
              Optional.class,
              call,
              argument.name());
        } else {
          method.addStatement(
              "$T $L = $L.arguments().get($S)",
              String.class,
              argument.javaName(),
              call,
              argument.name());
        }
      } else if (binding instanceof Injected injected) {
        method.addStatement(
            "$T $L = $L",
            injected.injection().type,
            injected.javaName(),
            injected.injection().expression(call));
      }
    }
    method.addStatement(
        "$T $L = $L",
        prompt.valueType(),
        result,
        invocation(prompt.isStatic(), prompt.methodName(), arguments, prompt.async(), taken));
    method.addStatement("return $T.prompt($L)", RuntimeNames.RESULTS, result);
    return method.build();
  }

  private void writeCompletions(TypeSpec.Builder type) {
    CodeBlock.Builder complete =
        CodeBlock.builder()
            .beginControlFlow("switch ($T.completionKey(request))", RuntimeNames.DISPATCH);
    for (FeatureModel.Completion completion : toolClass.completions()) {
      List<String> arguments = new ArrayList<>(List.of("request.value()"));
      if (completion.withContext()) {
        arguments.add("request.context()");
      }
      complete
          .add("case $S:\n", completion.key())
          .indent()
          .addStatement(
              "return $T.completion($L)",
              RuntimeNames.RESULTS,
              invocation(
                  completion.isStatic(),
                  completion.methodName(),
                  arguments,
                  false,
                  Set.of("request")))
          .unindent();
    }
    complete
        .add("default:\n")
        .indent()
        .addStatement("return $T.empty()", RuntimeNames.COMPLETION)
        .unindent();
    complete.endControlFlow();
    type.addMethod(
        MethodSpec.methodBuilder("completes")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(TypeName.BOOLEAN)
            .addStatement("return true")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("complete")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(RuntimeNames.COMPLETION)
            .addParameter(RuntimeNames.COMPLETION_REQUEST, "request")
            .addException(Exception.class)
            .addCode(complete.build())
            .build());
  }

  private CodeBlock invocation(
      boolean isStatic,
      String methodName,
      List<String> arguments,
      boolean async,
      Set<String> taken) {
    CodeBlock target =
        isStatic
            ? CodeBlock.of("$T", toolClass.className())
            : CodeBlock.of(taken.contains("instance") ? "this.instance" : "instance");
    CodeBlock invocation =
        CodeBlock.of("$L.$L($L)", target, methodName, String.join(", ", arguments));
    return async ? CodeBlock.of("$T.await($L)", RuntimeNames.RESULTS, invocation) : invocation;
  }

  private static Set<String> taken(List<Binding> parameters) {
    Set<String> taken = new HashSet<>();
    for (Binding binding : parameters) {
      taken.add(binding.javaName());
    }
    return taken;
  }

  /** Returns a private helper's name, such as {@code readSummary}, unique in the pack. */
  private String helperName(String verb, String methodName) {
    String wanted = verb + Character.toUpperCase(methodName.charAt(0)) + methodName.substring(1);
    String name = wanted;
    for (int i = 2; !helperNames.add(name); i++) {
      name = wanted + i;
    }
    return name;
  }
}
