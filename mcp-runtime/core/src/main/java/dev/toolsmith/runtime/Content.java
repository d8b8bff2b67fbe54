package dev.toolsmith.runtime;

import java.util.Base64;
import java.util.Objects;

/**
 * One block of a tool result, prompt message or resource: text, an image, audio, a link to a
 * resource or an embedded resource.
 *
 * <pre>{@code
 * return ToolResult.of(
 *     Content.text("Here is the chart:"),
 *     Content.image(pngBytes, "image/png"));
 * }</pre>
 */
public sealed interface Content
    permits Content.Text,
        Content.Image,
        Content.Audio,
        Content.ResourceLink,
        Content.EmbeddedResource {

  /** Returns a text block. */
  static Text text(String text) {
    return new Text(text);
  }

  /** Returns an image block; the bytes are sent base64-encoded. */
  static Image image(byte[] data, String mimeType) {
    return new Image(Base64.getEncoder().encodeToString(data), mimeType);
  }

  /** Returns an audio block; the bytes are sent base64-encoded. */
  static Audio audio(byte[] data, String mimeType) {
    return new Audio(Base64.getEncoder().encodeToString(data), mimeType);
  }

  /** Returns a link to a resource the client may read later. */
  static ResourceLink resourceLink(String uri, String name) {
    return new ResourceLink(uri, name, null, null);
  }

  /** Returns an embedded text resource. */
  static EmbeddedResource resource(String uri, String mimeType, String text) {
    return new EmbeddedResource(uri, mimeType, text, null);
  }

  /** Returns an embedded binary resource; the bytes are sent base64-encoded. */
  static EmbeddedResource resource(String uri, String mimeType, byte[] blob) {
    return new EmbeddedResource(uri, mimeType, null, Base64.getEncoder().encodeToString(blob));
  }

  /** A text block. */
  record Text(String text) implements Content {
    public Text {
      Objects.requireNonNull(text, "text");
    }
  }

  /** An image; {@code data} is base64. */
  record Image(String data, String mimeType) implements Content {
    public Image {
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(mimeType, "mimeType");
    }
  }

  /** An audio clip; {@code data} is base64. */
  record Audio(String data, String mimeType) implements Content {
    public Audio {
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(mimeType, "mimeType");
    }
  }

  /** A link to a resource; {@code description} and {@code mimeType} may be null. */
  record ResourceLink(String uri, String name, String description, String mimeType)
      implements Content {
    public ResourceLink {
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(name, "name");
    }

    /** Returns a copy with a description. */
    public ResourceLink withDescription(String description) {
      return new ResourceLink(uri, name, description, mimeType);
    }

    /** Returns a copy with a MIME type. */
    public ResourceLink withMimeType(String mimeType) {
      return new ResourceLink(uri, name, description, mimeType);
    }
  }

  /** An embedded resource holding exactly one of {@code text} or base64 {@code blob}. */
  record EmbeddedResource(String uri, String mimeType, String text, String blob)
      implements Content {
    public EmbeddedResource {
      Objects.requireNonNull(uri, "uri");
      if ((text == null) == (blob == null)) {
        throw new IllegalArgumentException(
            "An embedded resource holds exactly one of text or blob: " + uri);
      }
    }
  }
}
