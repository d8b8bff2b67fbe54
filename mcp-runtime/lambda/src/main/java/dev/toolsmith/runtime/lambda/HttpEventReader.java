package dev.toolsmith.runtime.lambda;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.toolsmith.runtime.TransportAttributes;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.http.HttpRequest;
import dev.toolsmith.runtime.internal.json.CommonText;
import dev.toolsmith.runtime.internal.json.Json;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads an API Gateway, Function URL or ALB event with the streaming parser, taking only what a
 * request needs (method, path, headers, body, and the authorizer's result as a small tree) and
 * skipping the rest, instead of building a tree of the whole event: on a warm function that tree
 * was a large share of each request's allocation.
 *
 * <p>It reads only the plain shapes those services send. Anything else (a JSON-RPC message sent
 * with Invoke, an unknown event, a field of an unexpected type, malformed JSON) makes it return
 * {@code null}, and the handler reads the event as a tree as before, which gives the same answer or
 * the same error. {@code HttpEventReaderTest} checks both readings agree.
 *
 * <p>A field the request is made of that appears twice (two {@code body} fields, a header named
 * twice) is left to the tree, which refuses it, so no reading picks one of two values. Duplicates
 * inside the parts it skips are not looked for: they cannot change the request, and Jackson's
 * {@code STRICT_DUPLICATE_DETECTION} kept a hash set of every object's names, a fifth of a warm
 * request's allocation. The authorizer's result is read with {@link Json#read}, which refuses
 * duplicates as it builds the tree.
 */
final class HttpEventReader {
  private HttpEventReader() {}

  /**
   * What an HTTP event carries.
   *
   * @param authorizer the authorizer's result, or {@code null} when the event carries none
   */
  record Event(
      EventShape shape,
      String method,
      String path,
      Headers headers,
      byte[] body,
      AuthorizerResult authorizer) {

    HttpRequest request(TransportAttributes lambda) {
      return new HttpRequest(method, path, headers, body, lambda.with(authorizer));
    }
  }

  /** Thrown inside the reader for a shape it leaves to the tree. */
  private static final class NotPlain extends Exception {
    private static final long serialVersionUID = 1L;

    NotPlain() {
      super(null, null, false, false);
    }
  }

  private static final NotPlain NOT_PLAIN = new NotPlain();

  /** The fields of {@code requestContext} that matter. */
  private static final class RequestContext {
    boolean http;
    boolean elb;
    String method;
    String path;
    JsonNode authorizer = MissingNode.getInstance();
    JsonNode identity = MissingNode.getInstance();
  }

  /** Returns the event, or {@code null} when the tree should read it. */
  static Event read(byte[] payload) {
    return read(payload, payload.length);
  }

  /**
   * Returns the event in the first {@code length} bytes, or {@code null} when the tree should read
   * it. Nothing it returns refers to {@code payload}.
   */
  static Event read(byte[] payload, int length) {
    if (!Json.isUtf8(payload, length)) {
      return null; // The tree reading names the bad bytes.
    }
    try (JsonParser parser = Json.factory().createParser(payload, 0, length)) {
      return read(parser);
    } catch (IOException | NotPlain e) {
      return null;
    }
  }

  private static Event read(JsonParser parser) throws IOException, NotPlain {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      throw NOT_PLAIN;
    }
    RequestContext context = null;
    boolean hasHttpMethod = false;
    boolean hasMultiValueHeaders = false;
    String httpMethod = null;
    String rawPath = null;
    String path = null;
    byte[] body = null;
    boolean base64 = false;
    Headers single = null;
    Headers multi = null;
    int seen = 0;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (name) {
        case "requestContext" -> {
          seen = once(seen, 1);
          context = requestContext(parser, value);
        }
        case "headers" -> {
          seen = once(seen, 1 << 1);
          single = value == JsonToken.VALUE_NULL ? null : singleHeaders(parser, value);
        }
        case "multiValueHeaders" -> {
          seen = once(seen, 1 << 2);
          hasMultiValueHeaders = true;
          multi = value == JsonToken.VALUE_NULL ? null : multiHeaders(parser, value);
        }
        case "body" -> {
          seen = once(seen, 1 << 3);
          body = nullableUtf8(parser, value);
        }
        case "isBase64Encoded" -> {
          seen = once(seen, 1 << 4);
          base64 = bool(parser, value);
        }
        case "httpMethod" -> {
          seen = once(seen, 1 << 5);
          hasHttpMethod = true;
          httpMethod = nullableText(parser, value);
        }
        case "rawPath" -> {
          seen = once(seen, 1 << 6);
          rawPath = nullableText(parser, value);
        }
        case "path" -> {
          seen = once(seen, 1 << 7);
          path = nullableText(parser, value);
        }
        case "jsonrpc" -> throw NOT_PLAIN;
        default -> parser.skipChildren();
      }
    }
    if (parser.nextToken() != null) {
      throw NOT_PLAIN;
    }
    EventShape shape =
        EventShape.of(
            context != null && context.http,
            hasHttpMethod,
            context != null && context.elb,
            hasMultiValueHeaders);
    if (shape == null) {
      throw NOT_PLAIN;
    }
    String method;
    String eventPath;
    if (shape == EventShape.API_GATEWAY_V2) {
      method = context.method == null ? "POST" : context.method;
      eventPath = rawPath != null ? rawPath : context.path != null ? context.path : "/";
    } else {
      method = httpMethod == null ? "POST" : httpMethod;
      eventPath = path == null ? "/" : path;
    }
    Headers headers = multi != null ? multi : single != null ? single : Headers.empty();
    return new Event(
        shape,
        method.toUpperCase(Locale.ROOT),
        eventPath,
        headers,
        HttpEvents.body(body, base64),
        context == null ? null : AuthorizerResult.of(context.authorizer, context.identity));
  }

  private static RequestContext requestContext(JsonParser parser, JsonToken value)
      throws IOException, NotPlain {
    if (value != JsonToken.START_OBJECT) {
      throw NOT_PLAIN;
    }
    RequestContext context = new RequestContext();
    int seen = 0;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken token = parser.nextToken();
      switch (name) {
        case "http" -> {
          seen = once(seen, 1);
          if (token != JsonToken.START_OBJECT) {
            throw NOT_PLAIN;
          }
          context.http = true;
          http(parser, context);
        }
        case "elb" -> {
          seen = once(seen, 1 << 1);
          context.elb = true;
          parser.skipChildren();
        }
        case "authorizer" -> {
          seen = once(seen, 1 << 2);
          context.authorizer = Json.read(parser, token);
        }
        case "identity" -> {
          seen = once(seen, 1 << 3);
          context.identity = Json.read(parser, token);
        }
        default -> parser.skipChildren();
      }
    }
    return context;
  }

  private static void http(JsonParser parser, RequestContext context) throws IOException, NotPlain {
    int seen = 0;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken token = parser.nextToken();
      switch (name) {
        case "method" -> {
          seen = once(seen, 1);
          context.method = nullableText(parser, token);
        }
        case "path" -> {
          seen = once(seen, 1 << 1);
          context.path = nullableText(parser, token);
        }
        default -> parser.skipChildren();
      }
    }
  }

  private static Headers singleHeaders(JsonParser parser, JsonToken value)
      throws IOException, NotPlain {
    if (value != JsonToken.START_OBJECT) {
      throw NOT_PLAIN;
    }
    Headers.Builder headers = Headers.builder();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken token = parser.nextToken();
      if (token == JsonToken.VALUE_NULL || headers.contains(name)) {
        // A name given twice, or in two cases: the tree refuses the one and keeps both values of
        // the other. A null leaves no trace of its name, so the tree reads that too.
        throw NOT_PLAIN;
      }
      headers.add(name, scalar(parser, token));
    }
    return headers.build();
  }

  /** Multi-value headers, or {@code null} when the object is empty (then {@code headers} count). */
  private static Headers multiHeaders(JsonParser parser, JsonToken value)
      throws IOException, NotPlain {
    if (value != JsonToken.START_OBJECT) {
      throw NOT_PLAIN;
    }
    Headers.Builder headers = Headers.builder();
    boolean any = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      if (parser.nextToken() != JsonToken.START_ARRAY || headers.contains(name)) {
        throw NOT_PLAIN;
      }
      any = true;
      JsonToken token = parser.nextToken();
      if (token == JsonToken.END_ARRAY) {
        // No value leaves no trace of the name, so a second one could not be seen: the tree reads
        // it.
        throw NOT_PLAIN;
      }
      for (; token != JsonToken.END_ARRAY; token = parser.nextToken()) {
        headers.add(name, scalar(parser, token));
      }
    }
    return any ? headers.build() : null;
  }

  /** A header value as the tree's {@code asText()} gives it; structured values are left to it. */
  private static String scalar(JsonParser parser, JsonToken token) throws IOException, NotPlain {
    if (token == JsonToken.VALUE_STRING) {
      return CommonText.text(parser);
    }
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return parser.getText();
    }
    // Numbers print differently in a tree (-0, 1e3), and null elements as "null": the tree reads
    // them.
    throw NOT_PLAIN;
  }

  /** Marks a field read, or leaves the event to the tree when it was already: a duplicate. */
  private static int once(int seen, int field) throws NotPlain {
    if ((seen & field) != 0) {
      throw NOT_PLAIN;
    }
    return seen | field;
  }

  /** A string's UTF-8 bytes, as {@code nullableText(...).getBytes(UTF_8)} without the string. */
  private static byte[] nullableUtf8(JsonParser parser, JsonToken token)
      throws IOException, NotPlain {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw NOT_PLAIN;
    }
    return Json.utf8(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
  }

  private static String nullableText(JsonParser parser, JsonToken token)
      throws IOException, NotPlain {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw NOT_PLAIN;
    }
    return CommonText.text(parser);
  }

  private static boolean bool(JsonParser parser, JsonToken token) throws NotPlain {
    if (token == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (token == JsonToken.VALUE_FALSE || token == JsonToken.VALUE_NULL) {
      return false;
    }
    throw NOT_PLAIN;
  }
}
