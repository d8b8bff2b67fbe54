package dev.toolsmith.runtime;

import java.util.Base64;
import java.util.Objects;

/**
 * One item of a {@code resources/read} result: a resource's text or bytes, with its URI and MIME
 * type.
 *
 * <p>Resource methods usually return a {@code String} (text) or {@code byte[]} (binary) and let the
 * generated code wrap it; return this type, or a list of it, to set the URI or MIME type per item.
 */
public final class ResourceContents {
  private final String uri;
  private final String mimeType;
  private final String text;
  private final String blob;

  private ResourceContents(String uri, String mimeType, String text, String blob) {
    this.uri = Objects.requireNonNull(uri, "uri");
    this.mimeType = mimeType;
    this.text = text;
    this.blob = blob;
  }

  /** Returns text contents. */
  public static ResourceContents text(String uri, String mimeType, String text) {
    return new ResourceContents(uri, mimeType, Objects.requireNonNull(text, "text"), null);
  }

  /** Returns binary contents; the bytes are sent base64-encoded. */
  public static ResourceContents blob(String uri, String mimeType, byte[] bytes) {
    return new ResourceContents(uri, mimeType, null, Base64.getEncoder().encodeToString(bytes));
  }

  /** Returns the resource's URI. */
  public String uri() {
    return uri;
  }

  /** Returns the MIME type, or {@code null} when unknown. */
  public String mimeType() {
    return mimeType;
  }

  /** Returns the text, or {@code null} for binary contents. */
  public String text() {
    return text;
  }

  /** Returns the bytes as base64, or {@code null} for text contents. */
  public String blob() {
    return blob;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResourceContents other
        && uri.equals(other.uri)
        && Objects.equals(mimeType, other.mimeType)
        && Objects.equals(text, other.text)
        && Objects.equals(blob, other.blob);
  }

  @Override
  public int hashCode() {
    return Objects.hash(uri, mimeType, text, blob);
  }

  @Override
  public String toString() {
    return "ResourceContents{" + uri + ", " + mimeType + (text != null ? ", text" : ", blob") + "}";
  }
}
