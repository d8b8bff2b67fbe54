package dev.toolsmith.runtime.spi;

import java.util.Objects;

/**
 * A resource as {@code resources/list} shows it, or a resource template as
 * {@code resources/templates/list} shows it: its URI (or RFC 6570 URI template) and its list entry
 * as JSON text.
 */
@UsedByGeneratedCode
public final class ResourceDescriptor {
  private final String uri;
  private final boolean template;
  private final MinifiedJson json;

  private ResourceDescriptor(String uri, boolean template, String sourceJson) {
    this.uri = Objects.requireNonNull(uri, "uri");
    this.template = template;
    this.json = new MinifiedJson(sourceJson);
  }

  /**
   * Returns a static resource.
   *
   * @param uri its URI, as in the JSON
   * @param json its {@code resources/list} entry: {@code uri}, {@code name} and optionally
   *     {@code title}, {@code description}, {@code mimeType}
   */
  public static ResourceDescriptor of(String uri, String json) {
    return new ResourceDescriptor(uri, false, json);
  }

  /**
   * Returns a resource template.
   *
   * @param uriTemplate its level-1 RFC 6570 template, such as {@code file:///logs/{date}}
   * @param json its {@code resources/templates/list} entry: {@code uriTemplate}, {@code name} and
   *     optionally {@code title}, {@code description}, {@code mimeType}
   */
  public static ResourceDescriptor template(String uriTemplate, String json) {
    return new ResourceDescriptor(uriTemplate, true, json);
  }

  /** Returns the URI, or the URI template of a template. */
  public String uri() {
    return uri;
  }

  /** Returns whether this is a template. */
  public boolean isTemplate() {
    return template;
  }

  /** Returns the list entry as compact JSON text, minified on first use. */
  public String json() {
    return json.get();
  }

  @Override
  public String toString() {
    return "ResourceDescriptor{" + uri + "}";
  }
}
