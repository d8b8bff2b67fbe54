package dev.toolsmith.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.toolsmith.annotations.McpEnumValue;
import dev.toolsmith.processor.JsonType.ArrayType;
import dev.toolsmith.processor.JsonType.EnumType;
import dev.toolsmith.processor.JsonType.MapType;
import dev.toolsmith.processor.JsonType.OptionalType;
import dev.toolsmith.processor.JsonType.RecordModel;
import dev.toolsmith.processor.JsonType.RecordType;
import dev.toolsmith.processor.JsonType.Scalar;
import dev.toolsmith.processor.JsonType.ScalarType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Maps Java types to {@link JsonType}s for one tool class, collecting the records they use.
 *
 * <p>A type JSON cannot express raises {@link Unsupported} with the reason, which the validator
 * puts into its message together with the list of supported types.
 */
final class TypeMapper {
  /** The supported types, for error messages. */
  static final String SUPPORTED =
      "primitives and their boxes, String, char, enums, BigDecimal, BigInteger, UUID, URI, "
          + "Instant, LocalDate, LocalDateTime, OffsetDateTime, Duration, JsonNode, Optional, OptionalInt, OptionalLong, "
          + "OptionalDouble, arrays, List, Set, Collection, Map<String, V> and records of these";

  private static final Map<String, Scalar> SCALARS =
      Map.ofEntries(
          Map.entry("java.lang.Boolean", Scalar.BOOLEAN),
          Map.entry("java.lang.Byte", Scalar.BYTE),
          Map.entry("java.lang.Short", Scalar.SHORT),
          Map.entry("java.lang.Integer", Scalar.INT),
          Map.entry("java.lang.Long", Scalar.LONG),
          Map.entry("java.lang.Float", Scalar.FLOAT),
          Map.entry("java.lang.Double", Scalar.DOUBLE),
          Map.entry("java.lang.Character", Scalar.CHAR),
          Map.entry("java.lang.String", Scalar.STRING),
          Map.entry("java.math.BigDecimal", Scalar.BIG_DECIMAL),
          Map.entry("java.math.BigInteger", Scalar.BIG_INTEGER),
          Map.entry("java.util.UUID", Scalar.UUID),
          Map.entry("java.net.URI", Scalar.URI),
          Map.entry("java.time.Instant", Scalar.INSTANT),
          Map.entry("java.time.LocalDate", Scalar.LOCAL_DATE),
          Map.entry("java.time.LocalDateTime", Scalar.LOCAL_DATE_TIME),
          Map.entry("java.time.OffsetDateTime", Scalar.OFFSET_DATE_TIME),
          Map.entry("java.time.Duration", Scalar.DURATION),
          Map.entry(RuntimeNames.JSON_NODE, Scalar.JSON),
          Map.entry(RuntimeNames.OBJECT_NODE, Scalar.JSON_OBJECT));

  private static final Set<String> LISTS = Set.of("java.util.List", "java.util.Collection");

  /** Why a type cannot be expressed. */
  static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported(String reason) {
      super(reason, null, false, false);
    }
  }

  private final Elements elements;
  private final ConstraintReader constraints;
  private final Report report;
  private final PackageElement generatedPackage;
  private final Map<ClassName, RecordModel> records = new LinkedHashMap<>();
  private final Set<ClassName> inProgress = new LinkedHashSet<>();
  private final Set<ClassName> recursive = new HashSet<>();
  private final Map<ClassName, TypeElement> recordElements = new HashMap<>();
  private final RecordDocs docs;
  private final List<TypeElement> undocumented = new ArrayList<>();

  TypeMapper(
      Elements elements,
      ConstraintReader constraints,
      Report report,
      PackageElement generatedPackage,
      RecordDocs docs) {
    this.docs = docs;
    this.elements = elements;
    this.constraints = constraints;
    this.report = report;
    this.generatedPackage = generatedPackage;
  }

  /**
   * Returns the records met so far, in the order first met, each marked recursive when it contains
   * itself.
   */
  List<RecordModel> records() {
    List<RecordModel> all = new ArrayList<>();
    for (ClassName type : records.keySet()) {
      all.add(record(type));
    }
    return all;
  }

  /** Returns the model of a record met earlier, marked recursive when it contains itself. */
  /** Returns the record's element, or {@code null} when it was not mapped from one. */
  TypeElement recordElement(ClassName type) {
    return recordElements.get(type);
  }

  RecordModel record(ClassName type) {
    RecordModel model = records.get(type);
    return model.withRecursive(recursive.contains(type));
  }

  JsonType map(TypeMirror type) throws Unsupported {
    switch (type.getKind()) {
      case BOOLEAN:
        return new ScalarType(Scalar.BOOLEAN, TypeName.BOOLEAN);
      case BYTE:
        return new ScalarType(Scalar.BYTE, TypeName.BYTE);
      case SHORT:
        return new ScalarType(Scalar.SHORT, TypeName.SHORT);
      case INT:
        return new ScalarType(Scalar.INT, TypeName.INT);
      case LONG:
        return new ScalarType(Scalar.LONG, TypeName.LONG);
      case CHAR:
        return new ScalarType(Scalar.CHAR, TypeName.CHAR);
      case FLOAT:
        return new ScalarType(Scalar.FLOAT, TypeName.FLOAT);
      case DOUBLE:
        return new ScalarType(Scalar.DOUBLE, TypeName.DOUBLE);
      case ARRAY:
        return array((javax.lang.model.type.ArrayType) type);
      case DECLARED:
        return declared((DeclaredType) type);
      case ERROR:
        throw new Unsupported("it could not be resolved");
      case TYPEVAR:
        throw new Unsupported("a type variable has no fixed schema");
      case WILDCARD:
        throw new Unsupported("a wildcard has no fixed schema");
      default:
        throw new Unsupported("it is not a data type");
    }
  }

  private JsonType array(javax.lang.model.type.ArrayType type) throws Unsupported {
    TypeMirror component = type.getComponentType();
    if (component.getKind() == TypeKind.BYTE) {
      return new ScalarType(Scalar.BYTES, TypeName.get(type));
    }
    JsonType element = element(component, "an array");
    if (component.getKind().isPrimitive()) {
      return new ArrayType(element, ArrayType.Shape.PRIMITIVE_ARRAY, TypeName.get(type));
    }
    if (component.getKind() == TypeKind.DECLARED
        && !((DeclaredType) component).getTypeArguments().isEmpty()) {
      throw new Unsupported("Java cannot create arrays of a generic type; use a List instead");
    }
    return new ArrayType(element, ArrayType.Shape.OBJECT_ARRAY, TypeName.get(type));
  }

  private JsonType declared(DeclaredType type) throws Unsupported {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    List<? extends TypeMirror> arguments = type.getTypeArguments();
    TypeName javaType = TypeName.get(type).withoutAnnotations();
    Scalar scalar = SCALARS.get(name);
    if (scalar != null) {
      return new ScalarType(scalar, javaType);
    }
    switch (name) {
      case "java.util.Optional":
        return new OptionalType(
            element(typeArgument(arguments, 0, "Optional"), "an Optional"),
            OptionalType.Kind.OPTIONAL,
            javaType);
      case "java.util.OptionalInt":
        return new OptionalType(
            new ScalarType(Scalar.INT, TypeName.INT.box()), OptionalType.Kind.INT, javaType);
      case "java.util.OptionalLong":
        return new OptionalType(
            new ScalarType(Scalar.LONG, TypeName.LONG.box()), OptionalType.Kind.LONG, javaType);
      case "java.util.OptionalDouble":
        return new OptionalType(
            new ScalarType(Scalar.DOUBLE, TypeName.DOUBLE.box()),
            OptionalType.Kind.DOUBLE,
            javaType);
      case "java.util.Set":
        return new ArrayType(
            element(typeArgument(arguments, 0, "Set"), "a Set"), ArrayType.Shape.SET, javaType);
      case "java.util.Map":
        TypeMirror key = typeArgument(arguments, 0, "Map");
        if (!key.toString().equals("java.lang.String")) {
          throw new Unsupported("JSON object keys are strings, so a Map needs String keys");
        }
        return new MapType(element(typeArgument(arguments, 1, "Map"), "a Map"), javaType);
      default:
        break;
    }
    if (LISTS.contains(name)) {
      String simpleName = element.getSimpleName().toString();
      return new ArrayType(
          element(typeArgument(arguments, 0, simpleName), "a " + simpleName),
          ArrayType.Shape.LIST,
          javaType);
    }
    if (element.getKind() == ElementKind.ENUM) {
      requireReachable(element);
      return enumType(element);
    }
    if (element.getKind() == ElementKind.RECORD) {
      return record(element);
    }
    if (name.equals("java.lang.Object")) {
      throw new Unsupported(
          "Object has no schema; take a JsonNode for any JSON value, or an ObjectNode for any JSON "
              + "object (com.fasterxml.jackson.databind.node)");
    }
    throw new Unsupported("only records, enums and the listed JDK types map to JSON");
  }

  /** Maps an enum: its constants, and the names they have in JSON ({@code @McpEnumValue}). */
  private EnumType enumType(TypeElement element) {
    List<String> constants = new ArrayList<>();
    List<String> wireNames = new ArrayList<>();
    for (Element member : element.getEnclosedElements()) {
      if (member.getKind() != ElementKind.ENUM_CONSTANT) {
        continue;
      }
      String name = member.getSimpleName().toString();
      McpEnumValue value = member.getAnnotation(McpEnumValue.class);
      String wire = value == null ? name : value.value();
      if (wire.isEmpty() || wireNames.contains(wire)) {
        report.add(
            Message.INVALID_ENUM_VALUE,
            member,
            name,
            element.getSimpleName(),
            wire.isEmpty()
                ? "an empty name"
                : "the name '"
                    + wire
                    + "', which "
                    + constants.get(wireNames.indexOf(wire))
                    + " already has");
        wire = name;
      }
      constants.add(name);
      wireNames.add(wire);
    }
    return new EnumType(ClassName.get(element), constants, wireNames);
  }

  /**
   * Maps what a container holds. An {@code Optional} there has no JSON form: a property may be
   * absent, but an element or a map value is either there or not, and an {@code Optional} of an
   * {@code Optional} says no more than one.
   */
  private JsonType element(TypeMirror type, String container) throws Unsupported {
    JsonType element = map(type);
    if (element instanceof OptionalType optional) {
      throw new Unsupported(
          type
              + " cannot be the element of "
              + container
              + ": only a parameter or a record component can be absent. Use "
              + optional.element().javaType()
              + " there instead, and leave missing values out");
    }
    return element;
  }

  private RecordType record(TypeElement element) throws Unsupported {
    if (!element.getTypeParameters().isEmpty()) {
      throw new Unsupported("a generic record has no fixed schema");
    }
    requireReachable(element);
    ClassName className = ClassName.get(element);
    if (inProgress.contains(className)) {
      recursive.add(className);
      return new RecordType(className);
    }
    if (records.containsKey(className)) {
      return new RecordType(className);
    }
    inProgress.add(className);
    try {
      RecordDocs.Found found = docs.of(element);
      Javadoc doc = found.doc();
      boolean anyDescription = !doc.description().isEmpty() || !doc.params().isEmpty();
      List<Property> properties = new ArrayList<>();
      for (RecordComponentElement component : element.getRecordComponents()) {
        JsonType componentType;
        try {
          componentType = map(component.asType());
        } catch (Unsupported e) {
          throw new Unsupported(
              "its component '"
                  + component.getSimpleName()
                  + "' has type "
                  + component.asType()
                  + ", and "
                  + e.getMessage());
        }
        McpParamValues override = McpParamValues.of(component);
        String javaName = component.getSimpleName().toString();
        if (component.asType().getKind().isPrimitive() && ConstraintReader.isNullable(component)) {
          report.add(
              Message.NULLABLE_PRIMITIVE,
              positioned(component),
              "Component '" + javaName + "' of record " + element.getSimpleName(),
              component.asType(),
              ((ClassName) TypeName.get(component.asType()).box()).simpleName());
        }
        String description =
            !override.description().isEmpty()
                ? override.description()
                : doc.params().getOrDefault(javaName, "");
        anyDescription |= !description.isEmpty();
        // A record without any doc comment may come from a class file, where javac keeps none;
        // one with a comment that skips a component just forgot it.
        if (description.isEmpty()
            && (elements.getDocComment(element) != null || found.fromClassPath())
            && !ToolMethodValidator.isSuppressed(component, Message.MISSING_PARAM_DESCRIPTION)) {
          report.add(
              Message.MISSING_PARAM_DESCRIPTION,
              positioned(component),
              "Component '" + javaName + "' of record " + element.getSimpleName(),
              "@param " + javaName + " in the record's Javadoc");
        }
        Property.Default fallback =
            DefaultReader.read(positioned(component), componentType, override, report);
        boolean required =
            fallback == null
                && !(componentType instanceof OptionalType)
                && !ConstraintReader.isNullable(component);
        properties.add(
            new Property(
                override.nameOr(javaName),
                javaName,
                componentType,
                required,
                description,
                constraints.read(component, componentType, report),
                fallback,
                ""));
        ParamHeaderRules.refuseOnComponent(positioned(component), javaName, override, report);
      }
      records.put(
          className,
          new RecordModel(
              className, doc.description(), properties, false, SchemaDefs.read(element, report)));
      recordElements.put(className, element);
      if (!anyDescription && docs.isClassFile(element)) {
        undocumented.add(element);
      }
    } finally {
      inProgress.remove(className);
    }
    return new RecordType(className);
  }

  /**
   * Returns, and forgets, the records met since the last call that came from class files without
   * any description, for the validator to warn about on the parameter that uses them.
   */
  List<TypeElement> drainUndocumented() {
    List<TypeElement> drained = List.copyOf(undocumented);
    undocumented.clear();
    return drained;
  }

  /** Reports every record that requires itself ({@link RequiredCycles}). */
  void reportRequiredCycles() {
    RequiredCycles.report(records, recursive, recordElements, report);
  }

  /**
   * Returns the element a diagnostic about a record component is printed on: the component's field,
   * which javac places on the component's declaration. javac prints a message on the component
   * element itself with no file or line at all.
   */
  static Element positioned(RecordComponentElement component) {
    for (Element member : component.getEnclosingElement().getEnclosedElements()) {
      if (member.getKind() == ElementKind.FIELD
          && member.getSimpleName().contentEquals(component.getSimpleName())) {
        return member;
      }
    }
    return component;
  }

  /** Throws unless generated code in the tool class's package can name the type. */
  private void requireReachable(TypeElement type) throws Unsupported {
    for (Element e = type; e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        throw new Unsupported(e.getSimpleName() + " is private; make it package-private or public");
      }
      if (!e.getModifiers().contains(Modifier.PUBLIC)
          && !elements.getPackageOf(e).equals(generatedPackage)) {
        throw new Unsupported(
            e.getSimpleName() + " is not public and lives in another package; make it public");
      }
    }
  }

  private static TypeMirror typeArgument(
      List<? extends TypeMirror> arguments, int index, String owner) throws Unsupported {
    if (arguments.size() <= index) {
      throw new Unsupported("a raw " + owner + " has no element type; add its type arguments");
    }
    TypeMirror argument = arguments.get(index);
    if (argument.getKind() == TypeKind.WILDCARD) {
      throw new Unsupported("a wildcard has no fixed schema; use a concrete type argument");
    }
    return argument;
  }
}
