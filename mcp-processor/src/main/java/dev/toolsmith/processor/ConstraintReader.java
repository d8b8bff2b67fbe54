package dev.toolsmith.processor;

import com.palantir.javapoet.CodeBlock;
import dev.toolsmith.processor.JsonType.ArrayType;
import dev.toolsmith.processor.JsonType.MapType;
import dev.toolsmith.processor.JsonType.OptionalType;
import dev.toolsmith.processor.JsonType.ScalarType;
import dev.toolsmith.processor.Property.Constraint;
import dev.toolsmith.processor.Property.Constraint.Bound;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.Elements;

/**
 * Reads Jakarta Bean Validation constraints by simple name, so users need no Bean Validation
 * dependency and any annotation with the same name and attributes works.
 */
final class ConstraintReader {
  private static final Set<String> NUMERIC =
      Set.of(
          "Min",
          "Max",
          "DecimalMin",
          "DecimalMax",
          "Positive",
          "PositiveOrZero",
          "Negative",
          "NegativeOrZero");
  private static final Set<String> TEXT = Set.of("Pattern", "Email", "NotBlank");
  private static final Set<String> SIZED = Set.of("Size", "NotEmpty");

  private final Elements elements;

  ConstraintReader(Elements elements) {
    this.elements = elements;
  }

  /**
   * Returns whether an element or its type carries an annotation named {@code Nullable}, from any
   * package.
   */
  static boolean isNullable(Element element) {
    for (AnnotationMirror mirror : annotationsOf(element)) {
      if (mirror.getAnnotationType().asElement().getSimpleName().contentEquals("Nullable")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the constraints on an element, reporting any that does not apply to its type.
   *
   * @param element the parameter or record component
   * @param type the element's JSON type; constraints on an {@code Optional} apply to its value
   */
  List<Constraint> read(Element element, JsonType type, Report report) {
    JsonType target = type instanceof OptionalType optional ? optional.element() : type;
    List<Constraint> constraints = new ArrayList<>();
    for (AnnotationMirror mirror : annotationsOf(element)) {
      String name = mirror.getAnnotationType().asElement().getSimpleName().toString();
      if (!NUMERIC.contains(name) && !TEXT.contains(name) && !SIZED.contains(name)) {
        continue;
      }
      String problem = applicability(name, target);
      if (problem != null) {
        report.add(
            Message.INVALID_CONSTRAINT,
            element,
            mirror,
            null,
            name,
            element.getSimpleName(),
            target.javaType(),
            problem);
        continue;
      }
      Constraint constraint = constraint(name, mirror, target, element, report);
      if (constraint != null) {
        constraints.add(constraint);
      }
    }
    reportEmptyBounds(element, constraints, report);
    return constraints;
  }

  /** Reports numeric bounds that exclude each other, such as {@code @Min(10) @Max(5)}. */
  private static void reportEmptyBounds(
      Element element, List<Constraint> constraints, Report report) {
    BigDecimal lower = null;
    BigDecimal upper = null;
    for (Constraint constraint : constraints) {
      if (constraint.bound() == Bound.LOWER) {
        BigDecimal bound = new BigDecimal(constraint.boundText());
        lower = lower == null ? bound : lower.max(bound);
      } else if (constraint.bound() == Bound.UPPER) {
        BigDecimal bound = new BigDecimal(constraint.boundText());
        upper = upper == null ? bound : upper.min(bound);
      }
    }
    if (lower != null && upper != null && lower.compareTo(upper) > 0) {
      report.add(
          Message.EMPTY_RANGE,
          element,
          element.getSimpleName(),
          "no number is at least "
              + lower.toPlainString()
              + " and at most "
              + upper.toPlainString(),
          "swap or correct them");
    }
  }

  private static String applicability(String name, JsonType target) {
    boolean numeric = target instanceof ScalarType scalar && scalar.scalar().isNumeric();
    boolean string = target instanceof ScalarType scalar && scalar.scalar().isString();
    boolean container = target instanceof ArrayType || target instanceof MapType;
    if (NUMERIC.contains(name) && !numeric) {
      return "it applies to numbers.";
    }
    if (TEXT.contains(name) && !string) {
      return "it applies to strings.";
    }
    if (SIZED.contains(name) && !string && !container) {
      return "it applies to strings, arrays, collections and maps.";
    }
    return null;
  }

  private Constraint constraint(
      String name, AnnotationMirror mirror, JsonType target, Element element, Report report) {
    Map<String, Object> values = valuesOf(mirror);
    switch (name) {
      case "Min":
        {
          String bound = values.get("value").toString();
          return new Constraint(
              keywords("minimum", number(bound)),
              CodeBlock.of("$T.min($LL)", RuntimeNames.CHECKS, bound),
              "at least " + bound,
              Bound.LOWER,
              bound);
        }
      case "Max":
        {
          String bound = values.get("value").toString();
          return new Constraint(
              keywords("maximum", number(bound)),
              CodeBlock.of("$T.max($LL)", RuntimeNames.CHECKS, bound),
              "at most " + bound,
              Bound.UPPER,
              bound);
        }
      case "DecimalMin":
      case "DecimalMax":
        return decimal(name, values, mirror, element, report);
      case "Positive":
        return new Constraint(
            keywords("exclusiveMinimum", number("0")),
            CodeBlock.of("$T.positive()", RuntimeNames.CHECKS),
            "greater than 0",
            Bound.NONE,
            null);
      case "PositiveOrZero":
        return new Constraint(
            keywords("minimum", number("0")),
            CodeBlock.of("$T.positiveOrZero()", RuntimeNames.CHECKS),
            "at least 0",
            Bound.LOWER,
            "0");
      case "Negative":
        return new Constraint(
            keywords("exclusiveMaximum", number("0")),
            CodeBlock.of("$T.negative()", RuntimeNames.CHECKS),
            "less than 0",
            Bound.NONE,
            null);
      case "NegativeOrZero":
        return new Constraint(
            keywords("maximum", number("0")),
            CodeBlock.of("$T.negativeOrZero()", RuntimeNames.CHECKS),
            "at most 0",
            Bound.UPPER,
            "0");
      case "Size":
        {
          int min = (Integer) values.get("min");
          int max = (Integer) values.get("max");
          if (min < 0 || max < min) {
            report.add(
                Message.EMPTY_RANGE,
                element,
                mirror,
                null,
                element.getSimpleName(),
                "@Size(min = "
                    + min
                    + ", max = "
                    + max
                    + "): "
                    + (min < 0
                        ? "a size is never negative"
                        : "no size is at least " + min + " and at most " + max),
                "make min at least 0 and no larger than max");
            return null;
          }
          return size(target, min, max);
        }
      case "NotEmpty":
        return size(target, 1, Integer.MAX_VALUE);
      case "NotBlank":
        return new Constraint(
            keywords("minLength", number("1"), "pattern", "\\S"),
            CodeBlock.of("$T.notBlank()", RuntimeNames.CHECKS),
            "that is not blank",
            Bound.NONE,
            null);
      case "Email":
        return new Constraint(
            keywords("format", "email"),
            CodeBlock.of("$T.email()", RuntimeNames.CHECKS),
            "that is an e-mail address",
            Bound.NONE,
            null);
      case "Pattern":
        return pattern(values, mirror, element, report);
      default:
        return null;
    }
  }

  private Constraint decimal(
      String name,
      Map<String, Object> values,
      AnnotationMirror mirror,
      Element element,
      Report report) {
    String bound = values.get("value").toString();
    boolean inclusive = (Boolean) values.get("inclusive");
    try {
      new java.math.BigDecimal(bound);
    } catch (NumberFormatException e) {
      report.add(
          Message.INVALID_CONSTRAINT,
          element,
          mirror,
          null,
          name,
          element.getSimpleName(),
          "\"" + bound + "\"",
          "its value must be a decimal number such as \"0.5\".");
      return null;
    }
    boolean lower = name.equals("DecimalMin");
    String keyword =
        (inclusive ? "" : "exclusive")
            + (lower ? (inclusive ? "minimum" : "Minimum") : (inclusive ? "maximum" : "Maximum"));
    String words =
        lower
            ? (inclusive ? "at least " : "greater than ") + bound
            : (inclusive ? "at most " : "less than ") + bound;
    Bound side = !inclusive ? Bound.NONE : lower ? Bound.LOWER : Bound.UPPER;
    return new Constraint(
        keywords(keyword, number(bound)),
        CodeBlock.of(
            "$T.$L($S, $L)",
            RuntimeNames.CHECKS,
            lower ? "decimalMin" : "decimalMax",
            bound,
            inclusive),
        words,
        side,
        bound);
  }

  private static Constraint size(JsonType target, int min, int max) {
    String prefix =
        target instanceof ArrayType ? "Items" : target instanceof MapType ? "Properties" : "Length";
    String unit =
        target instanceof ArrayType
            ? "items"
            : target instanceof MapType ? "properties" : "characters";
    Map<String, Object> keywords = new LinkedHashMap<>();
    if (min > 0) {
      keywords.put("min" + prefix, number(Integer.toString(min)));
    }
    if (max < Integer.MAX_VALUE) {
      keywords.put("max" + prefix, number(Integer.toString(max)));
    }
    String words;
    if (max == Integer.MAX_VALUE) {
      words = min == 1 ? "that is not empty" : "of at least " + min + " " + unit;
    } else if (min == 0) {
      words = "of at most " + max + " " + unit;
    } else if (min == max) {
      words = "of exactly " + min + " " + unit;
    } else {
      words = "of " + min + " to " + max + " " + unit;
    }
    return new Constraint(
        keywords,
        CodeBlock.of(
            "$T.size($L, $L)",
            RuntimeNames.CHECKS,
            min,
            max == Integer.MAX_VALUE ? "Integer.MAX_VALUE" : Integer.toString(max)),
        words,
        Bound.NONE,
        null);
  }

  private static Constraint pattern(
      Map<String, Object> values, AnnotationMirror mirror, Element element, Report report) {
    String regexp = values.get("regexp").toString();
    try {
      Pattern.compile(regexp);
    } catch (PatternSyntaxException e) {
      report.add(
          Message.INVALID_PATTERN,
          element,
          mirror,
          null,
          element.getSimpleName(),
          e.getDescription());
      return null;
    }
    // Bean Validation matches the whole string; a JSON Schema pattern matches anywhere unless
    // anchored.
    String anchored = "^(?:" + regexp + ")$";
    return new Constraint(
        keywords("pattern", anchored),
        CodeBlock.of("$T.pattern($S)", RuntimeNames.CHECKS, regexp),
        "matching " + anchored,
        Bound.NONE,
        null);
  }

  /** Returns the whole expectation for messages, such as "an integer from 1 to 14". */
  static String describe(JsonType type, List<Constraint> constraints) {
    String lower = null;
    String upper = null;
    int rangeAt = -1;
    List<String> clauses = new ArrayList<>();
    for (Constraint constraint : constraints) {
      boolean isLower = constraint.bound() == Bound.LOWER && lower == null;
      boolean isUpper = constraint.bound() == Bound.UPPER && upper == null;
      if (isLower || isUpper) {
        lower = isLower ? constraint.boundText() : lower;
        upper = isUpper ? constraint.boundText() : upper;
        if (rangeAt < 0) {
          rangeAt = clauses.size();
          clauses.add(null);
        }
      } else {
        clauses.add(constraint.words());
      }
    }
    if (rangeAt >= 0) {
      clauses.set(
          rangeAt,
          lower != null && upper != null
              ? "from " + lower + " to " + upper
              : lower != null ? "of at least " + lower : "of at most " + upper);
    }
    String noun = noun(type);
    return clauses.isEmpty() ? noun : noun + " " + String.join(" and ", clauses);
  }

  private static String noun(JsonType type) {
    if (type instanceof ScalarType scalar) {
      return scalar.scalar().noun;
    }
    if (type instanceof ArrayType) {
      return "an array";
    }
    return "an object";
  }

  private Map<String, Object> valuesOf(AnnotationMirror mirror) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        elements.getElementValuesWithDefaults(mirror).entrySet()) {
      values.put(entry.getKey().getSimpleName().toString(), entry.getValue().getValue());
    }
    return values;
  }

  private static Map<String, Object> keywords(Object... pairs) {
    Map<String, Object> keywords = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      keywords.put((String) pairs[i], pairs[i + 1]);
    }
    return keywords;
  }

  private static JsonText.Number number(String text) {
    return new JsonText.Number(text);
  }

  /**
   * Returns the annotations on an element and on its type (type-use annotations such as JSpecify's
   * {@code @Nullable}), and for a record component those on its accessor, where javac puts
   * annotations that cannot target the component itself.
   */
  static List<AnnotationMirror> annotationsOf(Element element) {
    Set<String> seen = new LinkedHashSet<>();
    List<AnnotationMirror> all = new ArrayList<>();
    List<AnnotationMirror> candidates = new ArrayList<>(element.getAnnotationMirrors());
    candidates.addAll(element.asType().getAnnotationMirrors());
    if (element instanceof javax.lang.model.element.RecordComponentElement component
        && component.getAccessor() != null) {
      candidates.addAll(component.getAccessor().getAnnotationMirrors());
      candidates.addAll(component.getAccessor().getReturnType().getAnnotationMirrors());
    }
    for (AnnotationMirror mirror : candidates) {
      if (seen.add(mirror.toString())) {
        all.add(mirror);
      }
    }
    return all;
  }
}
