package dev.toolsmith.processor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A doc comment split into its main text and its {@code @param} descriptions, both cleaned into
 * plain text a model can read: inline tags unwrapped, HTML dropped, lines of a paragraph joined.
 */
record Javadoc(String description, Map<String, String> params) {
  private static final Pattern INLINE_TAG =
      Pattern.compile("\\{@(code|literal|link|linkplain|value)\\s+([^}]*)}");
  private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");
  private static final Pattern BLOCK_TAG_IN_TEXT =
      Pattern.compile("(?:^|\\s)@(param|return|throws|exception|see|since)\\b");

  static final Javadoc NONE = new Javadoc("", Map.of());

  static Javadoc parse(String comment) {
    if (comment == null || comment.isBlank()) {
      return NONE;
    }
    StringBuilder main = new StringBuilder();
    Map<String, String> params = new LinkedHashMap<>();
    String currentParam = null;
    StringBuilder currentText = null;
    boolean inOtherTag = false;
    for (String rawLine : comment.split("\n", -1)) {
      String line = rawLine.strip();
      if (line.startsWith("@")) {
        if (currentParam != null) {
          params.put(currentParam, clean(currentText.toString()));
          currentParam = null;
        }
        if (line.startsWith("@param ")) {
          String rest = line.substring("@param ".length()).strip();
          int space = rest.indexOf(' ');
          currentParam = space < 0 ? rest : rest.substring(0, space);
          currentText = new StringBuilder(space < 0 ? "" : rest.substring(space + 1));
          inOtherTag = false;
        } else {
          inOtherTag = true;
        }
      } else if (currentParam != null) {
        currentText.append('\n').append(line);
      } else if (!inOtherTag) {
        main.append(line).append('\n');
      }
    }
    if (currentParam != null) {
      params.put(currentParam, clean(currentText.toString()));
    }
    return new Javadoc(clean(main.toString()), params);
  }

  /**
   * Returns the block tag, such as {@code param}, that the main text holds in the middle of a line,
   * where Javadoc does not read it as a tag: {@code /** Adds. @param a the first *}{@code /} puts
   * "@param a the first" into the description. {@code null} when there is none.
   */
  String tagInText() {
    Matcher tag = BLOCK_TAG_IN_TEXT.matcher(description);
    return tag.find() ? tag.group(1) : null;
  }

  /**
   * Unwraps inline tags, drops HTML, joins each paragraph's lines and separates paragraphs with a
   * blank line.
   */
  static String clean(String text) {
    Matcher inline = INLINE_TAG.matcher(text);
    String unwrapped =
        inline.replaceAll(
            match ->
                Matcher.quoteReplacement(
                    match.group(1).startsWith("link")
                        ? linkText(match.group(2))
                        : match.group(2).strip()));
    String withParagraphs = unwrapped.replaceAll("(?i)<p>", "\n\n");
    String plain = HTML_TAG.matcher(withParagraphs).replaceAll("");
    StringBuilder out = new StringBuilder();
    for (String paragraph : plain.strip().split("\\n\\s*\\n")) {
      String joined = paragraph.strip().replaceAll("\\s*\\n\\s*", " ");
      if (joined.isEmpty()) {
        continue;
      }
      if (out.length() > 0) {
        out.append("\n\n");
      }
      out.append(joined);
    }
    return out.toString();
  }

  /**
   * Returns the text a reader sees for {@code {@link Foo#bar label}}: the label, else the
   * reference.
   */
  private static String linkText(String body) {
    String trimmed = body.strip();
    int space = trimmed.indexOf(' ');
    String reference = space < 0 ? trimmed : trimmed.substring(0, space);
    return space < 0 ? reference.replace('#', '.') : trimmed.substring(space + 1).strip();
  }
}
