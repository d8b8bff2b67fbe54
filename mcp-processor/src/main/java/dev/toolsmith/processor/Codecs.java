package dev.toolsmith.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.toolsmith.processor.JsonType.ArrayType;
import dev.toolsmith.processor.JsonType.EnumType;
import dev.toolsmith.processor.JsonType.MapType;
import dev.toolsmith.processor.JsonType.OptionalType;
import dev.toolsmith.processor.JsonType.RecordModel;
import dev.toolsmith.processor.JsonType.RecordType;
import dev.toolsmith.processor.JsonType.Scalar;
import dev.toolsmith.processor.JsonType.ScalarType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.lang.model.element.Modifier;

/**
 * Writes the code that reads and writes values: expressions over the runtime's {@code Readers} and
 * {@code Writers}, constants for readers worth building once (constraints, enums, records), and a
 * read and a write method per record, created the first time a record is met.
 */
final class Codecs {
  private static final Map<Scalar, String> PRIMITIVE_ARRAY_READERS =
      Map.of(
          Scalar.INT,
          "intArray",
          Scalar.LONG,
          "longArray",
          Scalar.DOUBLE,
          "doubleArray",
          Scalar.FLOAT,
          "floatArray",
          Scalar.SHORT,
          "shortArray",
          Scalar.BOOLEAN,
          "booleanArray",
          Scalar.CHAR,
          "charArray");
  private static final Map<Scalar, String> PRIMITIVE_ARRAY_WRITERS =
      Map.of(
          Scalar.INT,
          "INT_ARRAY",
          Scalar.LONG,
          "LONG_ARRAY",
          Scalar.DOUBLE,
          "DOUBLE_ARRAY",
          Scalar.FLOAT,
          "FLOAT_ARRAY",
          Scalar.SHORT,
          "SHORT_ARRAY",
          Scalar.BOOLEAN,
          "BOOLEAN_ARRAY",
          Scalar.CHAR,
          "CHAR_ARRAY");

  private final ClassName pack;
  private final ClassName toolClass;
  private final UnaryOperator<String> constantNames;
  private final Map<ClassName, RecordModel> records;
  private final List<FieldSpec> constants = new ArrayList<>();
  private final Map<Object, String> sharedConstants = new LinkedHashMap<>();
  private final Map<ClassName, MethodSpec> readMethods = new LinkedHashMap<>();
  private final Map<ClassName, MethodSpec> writeMethods = new LinkedHashMap<>();

  Codecs(
      ClassName pack,
      ClassName toolClass,
      UnaryOperator<String> constantNames,
      Map<ClassName, RecordModel> records) {
    this.pack = pack;
    this.toolClass = toolClass;
    this.constantNames = constantNames;
    this.records = records;
  }

  List<FieldSpec> constants() {
    return constants;
  }

  /** Returns the record methods, readers first, each group in the order records were first met. */
  List<MethodSpec> recordMethods() {
    List<MethodSpec> methods = new ArrayList<>(readMethods.values());
    methods.addAll(writeMethods.values());
    return methods;
  }

  /**
   * Returns the type of a property's local variable: boxed, since it holds null until validated.
   */
  TypeName localType(JsonType type) {
    TypeName javaType = type.javaType();
    return javaType.isPrimitive() ? javaType.box() : javaType;
  }

  /**
   * Returns the reader for a property: a plain runtime constant inline, otherwise a constant of
   * this class named {@code constantName}, built once.
   */
  CodeBlock reader(Property property, String constantName) {
    JsonType target =
        property.type() instanceof OptionalType optional ? optional.element() : property.type();
    CodeBlock base = readerOf(target);
    if (property.constraints().isEmpty()) {
      boolean composite = target instanceof ArrayType || target instanceof MapType;
      return composite ? constant(constantName, readerType(target), base) : base;
    }
    List<CodeBlock> checks = new ArrayList<>();
    checks.add(CodeBlock.of("$S", ConstraintReader.describe(target, property.constraints())));
    for (Property.Constraint constraint : property.constraints()) {
      checks.add(constraint.check());
    }
    CodeBlock checked =
        target instanceof ScalarType
            ? CodeBlock.of("$L.checked($L)", base, CodeBlock.join(checks, ", "))
            : CodeBlock.of(
                "$T.checked($L, $L)", RuntimeNames.READERS, base, CodeBlock.join(checks, ", "));
    return constant(constantName, readerType(target), checked);
  }

  /** Returns the expression that reads a property from a {@code Fields} variable. */
  CodeBlock read(String fields, Property property, CodeBlock reader) {
    String method = property.required() ? "required" : "optional";
    CodeBlock read = CodeBlock.of("$L.$L($S, $L)", fields, method, property.jsonName(), reader);
    if (property.fallback() != null) {
      return CodeBlock.of(
          "$T.requireNonNullElse($L, $L)", Objects.class, read, property.fallback().java());
    }
    if (property.type() instanceof OptionalType optional) {
      return switch (optional.kind()) {
        case OPTIONAL -> CodeBlock.of("$T.ofNullable($L)", Optional.class, read);
        case INT -> CodeBlock.of("$T.optionalInt($L)", RuntimeNames.FIELDS, read);
        case LONG -> CodeBlock.of("$T.optionalLong($L)", RuntimeNames.FIELDS, read);
        case DOUBLE -> CodeBlock.of("$T.optionalDouble($L)", RuntimeNames.FIELDS, read);
      };
    }
    return read;
  }

  /** Returns an enum's JSON names as string literals, in the order of its constants. */
  private static CodeBlock wireNames(EnumType enumType) {
    List<CodeBlock> names = new ArrayList<>();
    for (String name : enumType.wireNames()) {
      names.add(CodeBlock.of("$S", name));
    }
    return CodeBlock.join(names, ", ");
  }

  private CodeBlock readerOf(JsonType type) {
    if (type instanceof ScalarType scalar) {
      return CodeBlock.of("$T.$L", RuntimeNames.READERS, scalar.scalar().reader);
    }
    if (type instanceof EnumType enumType) {
      return shared(
          enumType.javaType(),
          Naming.constantName(Naming.methodSuffix(enumType.javaType(), toolClass)) + "_READER",
          readerType(type),
          enumType.renamed()
              ? CodeBlock.of(
                  "$T.enumOf($T.values(), $L)",
                  RuntimeNames.READERS,
                  enumType.javaType(),
                  wireNames(enumType))
              : CodeBlock.of("$T.enumOf($T.values())", RuntimeNames.READERS, enumType.javaType()));
    }
    if (type instanceof ArrayType array) {
      CodeBlock element = readerOf(array.element());
      return switch (array.shape()) {
        case LIST -> CodeBlock.of("$T.list($L)", RuntimeNames.READERS, element);
        case SET -> CodeBlock.of("$T.set($L)", RuntimeNames.READERS, element);
        case OBJECT_ARRAY ->
            CodeBlock.of(
                "$T.array($L, $T[]::new)",
                RuntimeNames.READERS,
                element,
                array.element().javaType());
        case PRIMITIVE_ARRAY ->
            CodeBlock.of(
                "$T.$L($L)",
                RuntimeNames.READERS,
                PRIMITIVE_ARRAY_READERS.get(((ScalarType) array.element()).scalar()),
                element);
      };
    }
    if (type instanceof MapType map) {
      return CodeBlock.of("$T.map($L)", RuntimeNames.READERS, readerOf(map.value()));
    }
    if (type instanceof OptionalType optional) {
      return readerOf(optional.element());
    }
    RecordType record = (RecordType) type;
    return recordReader(record.javaType());
  }

  private CodeBlock recordReader(ClassName recordName) {
    String suffix = Naming.methodSuffix(recordName, toolClass);
    String constant = sharedConstants.get(recordName);
    if (constant != null) {
      return CodeBlock.of("$L", constant);
    }
    RecordModel record = records.get(recordName);
    List<String> names = new ArrayList<>();
    for (Property property : record.properties()) {
      names.add(CodeBlock.of("$S", property.jsonName()).toString());
    }
    CodeBlock reader =
        shared(
            recordName,
            Naming.constantName(suffix) + "_READER",
            recordName,
            CodeBlock.of(
                "$T.object($T.of($L), $T::read$L)",
                RuntimeNames.READERS,
                List.class,
                String.join(", ", names),
                pack,
                suffix));
    readMethods.put(recordName, null);
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("read" + suffix)
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(recordName)
            .addParameter(RuntimeNames.FIELDS, "fields");
    List<String> arguments = new ArrayList<>();
    for (Property property : record.properties()) {
      CodeBlock componentReader =
          reader(
              property,
              Naming.constantName(suffix) + "_" + Naming.constantName(property.jsonName()));
      method.addStatement(
          "$T $L = $L",
          localType(property.type()),
          property.javaName(),
          read("fields", property, componentReader));
      arguments.add(property.javaName());
    }
    method
        .beginControlFlow("if (!fields.problems().isEmpty())")
        .addStatement("return null")
        .endControlFlow()
        .addStatement("return new $T($L)", recordName, String.join(", ", arguments));
    readMethods.put(recordName, method.build());
    return reader;
  }

  /** Returns the writer expression for a type. */
  CodeBlock writer(JsonType type) {
    if (type instanceof ScalarType scalar) {
      return CodeBlock.of("$T.$L", RuntimeNames.WRITERS, scalar.scalar().writer);
    }
    if (type instanceof EnumType enumType) {
      return enumType.renamed()
          ? CodeBlock.of("$T.enumNames($L)", RuntimeNames.WRITERS, wireNames(enumType))
          : CodeBlock.of("$T.ENUM", RuntimeNames.WRITERS);
    }
    if (type instanceof ArrayType array) {
      return switch (array.shape()) {
        case LIST, SET ->
            CodeBlock.of("$T.iterable($L)", RuntimeNames.WRITERS, writer(array.element()));
        case OBJECT_ARRAY ->
            CodeBlock.of("$T.array($L)", RuntimeNames.WRITERS, writer(array.element()));
        case PRIMITIVE_ARRAY ->
            CodeBlock.of(
                "$T.$L",
                RuntimeNames.WRITERS,
                PRIMITIVE_ARRAY_WRITERS.get(((ScalarType) array.element()).scalar()));
      };
    }
    if (type instanceof MapType map) {
      return CodeBlock.of("$T.map($L)", RuntimeNames.WRITERS, writer(map.value()));
    }
    if (type instanceof OptionalType optional) {
      return switch (optional.kind()) {
        case OPTIONAL ->
            CodeBlock.of("$T.optional($L)", RuntimeNames.WRITERS, writer(optional.element()));
        case INT -> CodeBlock.of("$T.OPTIONAL_INT", RuntimeNames.WRITERS);
        case LONG -> CodeBlock.of("$T.OPTIONAL_LONG", RuntimeNames.WRITERS);
        case DOUBLE -> CodeBlock.of("$T.OPTIONAL_DOUBLE", RuntimeNames.WRITERS);
      };
    }
    ClassName recordName = ((RecordType) type).javaType();
    String suffix = Naming.methodSuffix(recordName, toolClass);
    if (!writeMethods.containsKey(recordName)) {
      writeMethods.put(recordName, null);
      RecordModel record = records.get(recordName);
      MethodSpec.Builder method =
          MethodSpec.methodBuilder("write" + suffix)
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
              .addParameter(RuntimeNames.JSON_WRITER, "out")
              .addParameter(recordName, "value")
              .addException(java.io.IOException.class)
              .addStatement("out.startObject()");
      for (Property property : record.properties()) {
        method.addStatement(
            "$T.$L(out, $S, value.$L(), $L)",
            RuntimeNames.WRITERS,
            property.required() ? "field" : "optionalField",
            property.jsonName(),
            property.javaName(),
            writer(property.type()));
      }
      method.addStatement("out.endObject()");
      writeMethods.put(recordName, method.build());
    }
    return CodeBlock.of("$T::write$L", pack, suffix);
  }

  /** Returns the type a reader of this JSON type produces, for declaring reader constants. */
  private TypeName readerType(JsonType type) {
    if (type instanceof ArrayType array) {
      return switch (array.shape()) {
        case LIST ->
            ParameterizedTypeName.get(ClassName.get(List.class), readerType(array.element()));
        case SET ->
            ParameterizedTypeName.get(
                ClassName.get(java.util.Set.class), readerType(array.element()));
        case OBJECT_ARRAY, PRIMITIVE_ARRAY -> array.javaType();
      };
    }
    if (type instanceof MapType map) {
      return ParameterizedTypeName.get(
          ClassName.get(Map.class), ClassName.get(String.class), readerType(map.value()));
    }
    if (type instanceof OptionalType optional) {
      return readerType(optional.element());
    }
    return localType(type);
  }

  private CodeBlock constant(String wanted, TypeName valueType, CodeBlock initializer) {
    String name = constantNames.apply(wanted);
    constants.add(
        FieldSpec.builder(
                ParameterizedTypeName.get(RuntimeNames.VALUE_READER, valueType),
                name,
                Modifier.PRIVATE,
                Modifier.STATIC,
                Modifier.FINAL)
            .initializer(initializer)
            .build());
    return CodeBlock.of("$L", name);
  }

  private CodeBlock shared(Object key, String wanted, TypeName valueType, CodeBlock initializer) {
    String existing = sharedConstants.get(key);
    if (existing != null) {
      return CodeBlock.of("$L", existing);
    }
    CodeBlock constant = constant(wanted, valueType, initializer);
    sharedConstants.put(key, constant.toString());
    return constant;
  }
}
