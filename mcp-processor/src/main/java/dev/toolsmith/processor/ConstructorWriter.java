package dev.toolsmith.processor;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.toolsmith.processor.ToolModel.ToolClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeMirror;

/**
 * Writes how a pack gets its tool class instance: the constructor around an instance the user made,
 * the no-argument one {@code ServiceLoader} calls, and, for a class whose constructor takes what a
 * server provides, the {@code configure} method that builds the instance from it.
 */
final class ConstructorWriter {
  private final ToolClass toolClass;

  ConstructorWriter(ToolClass toolClass) {
    this.toolClass = toolClass;
  }

  /** Returns whether the pack holds an instance of the tool class. */
  boolean needsInstance() {
    return !toolClass.allStatic();
  }

  List<MethodSpec> methods() {
    List<MethodSpec> methods = new ArrayList<>();
    if (!needsInstance()) {
      methods.add(
          MethodSpec.constructorBuilder()
              .addJavadoc(
                  "Creates the pack; every tool of {@link $T} is static.\n", toolClass.className())
              .addModifiers(Modifier.PUBLIC)
              .build());
      return methods;
    }
    if (toolClass.instantiable()) {
      methods.add(
          MethodSpec.constructorBuilder()
              .addJavadoc(
                  "Creates the pack with a new {@link $T}; {@code ServiceLoader} uses this.\n",
                  toolClass.className())
              .addModifiers(Modifier.PUBLIC)
              .addStatement("this(new $T())", toolClass.className())
              .build());
    }
    if (toolClass.dependencies() != null) {
      methods.add(
          MethodSpec.constructorBuilder()
              .addJavadoc(
                  "Creates the pack without its {@link $T}, for {@code ServiceLoader}; the server"
                      + " then\ncalls {@link #configure} to build one from what it provides.\n",
                  toolClass.className())
              .addModifiers(Modifier.PUBLIC)
              .addStatement("this.instance = null")
              .build());
    }
    methods.add(
        MethodSpec.constructorBuilder()
            .addJavadoc(
                "Creates the pack around an instance, for tool classes that take dependencies.\n")
            .addModifiers(toolClass.publicClass() ? Modifier.PUBLIC : Modifier.DEFAULT)
            .addParameter(toolClass.className(), "instance")
            .addStatement(
                "this.instance = $T.requireNonNull(instance, $S)", Objects.class, "instance")
            .build());
    if (toolClass.dependencies() != null) {
      methods.add(configure(toolClass.dependencies()));
    }
    return methods;
  }

  /** Builds the tool class from the server's dependencies, unless the pack already has one. */
  private MethodSpec configure(List<TypeMirror> dependencies) {
    CodeBlock.Builder arguments = CodeBlock.builder();
    for (int i = 0; i < dependencies.size(); i++) {
      arguments.add(
          "$L$Zdependencies.get($T.class, this)",
          i == 0 ? "" : ", ",
          TypeName.get(dependencies.get(i)));
    }
    return MethodSpec.methodBuilder("configure")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(RuntimeNames.TOOL_PACK)
        .addParameter(RuntimeNames.PACK_DEPENDENCIES, "dependencies")
        .beginControlFlow("if (instance != null)")
        .addStatement("return this")
        .endControlFlow()
        .addStatement(
            "return new $T(new $T($L))",
            toolClass.packName(),
            toolClass.className(),
            arguments.build())
        .build();
  }

  /** Returns the methods that say where the pack comes from. */
  static List<MethodSpec> originMethods(PackOrigin origin) {
    List<MethodSpec> methods = new ArrayList<>();
    methods.add(constant("spiLevel", TypeName.INT, CodeBlock.of("$L", RuntimeNames.SPI_LEVEL)));
    methods.add(
        constant(
            "processorVersion",
            TypeName.get(String.class),
            CodeBlock.of("$S", origin.processorVersion())));
    if (!origin.coordinates().isEmpty()) {
      methods.add(
          constant(
              "coordinates", TypeName.get(String.class), CodeBlock.of("$S", origin.coordinates())));
    }
    return methods;
  }

  private static MethodSpec constant(String name, TypeName type, CodeBlock value) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(type)
        .addStatement("return $L", value)
        .build();
  }
}
