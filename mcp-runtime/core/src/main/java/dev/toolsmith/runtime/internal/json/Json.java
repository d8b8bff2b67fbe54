package dev.toolsmith.runtime.internal.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads and writes JSON trees without {@code ObjectMapper}.
 *
 * <p>Floating-point numbers are read as {@code BigDecimal} so a {@code BigDecimal} argument keeps
 * every digit the client sent; duplicate object keys are rejected rather than silently resolved.
 */
public final class Json {
  // Duplicate keys are caught as the tree is built (see read), which costs nothing extra; Jackson's
  // STRICT_DUPLICATE_DETECTION would keep a second set of every object's names.
  // Buffers are recycled through a shared pool, not Jackson's default thread-local one: a server on
  // virtual threads runs each request on a new thread, which would allocate fresh buffers for every
  // parser and generator. Of the shared pools the bounded one is the cheapest per request (an
  // in-process tools/call took 2.3 µs with it, 3.0 µs with the concurrent-deque pool, which
  // allocates a node on every release); it keeps at most POOLED recyclers, so a burst of
  // concurrent requests cannot make it grow without limit.
  private static final int POOLED = 128;

  private static final JsonFactory FACTORY =
      JsonFactory.builder().recyclerPool(JsonRecyclerPools.newBoundedPool(POOLED)).build();

  private static final JsonNodeFactory NODES = new SmallObjects();

  /**
   * Numbers keep the digits the client sent (1.50 stays 1.50); Jackson 2.21 deprecates this switch
   * in favour of an ObjectMapper feature, but the runtime builds trees without an ObjectMapper.
   * Objects keep their fields in a {@link FieldMap}, one array while they are few: a JSON-RPC
   * message's objects (params, arguments, _meta) mostly hold one to four fields, and a map is made
   * for every object of every request.
   */
  private static final class SmallObjects extends JsonNodeFactory {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("deprecation")
    SmallObjects() {
      super(true);
    }

    @Override
    public ObjectNode objectNode() {
      return new ObjectNode(this, new FieldMap());
    }
  }

  private Json() {}

  /** Returns the factory every Toolsmith parser and generator comes from. */
  public static JsonFactory factory() {
    return FACTORY;
  }

  /** Returns the node factory for building trees. */
  public static JsonNodeFactory nodes() {
    return NODES;
  }

  /** Returns a new empty object node. */
  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /** Returns whether the bytes are strict UTF-8, as {@link #parse(byte[])} requires. */
  public static boolean isUtf8(byte[] bytes) {
    return Utf8.problem(bytes) == null;
  }

  /** Returns whether the first {@code length} bytes are strict UTF-8. */
  public static boolean isUtf8(byte[] bytes, int length) {
    return Utf8.problem(bytes, length) == null;
  }

  /**
   * Returns the UTF-8 bytes of a parser's text ({@code getTextCharacters}), as {@code
   * getText().getBytes(UTF_8)} would, without making the {@code String}.
   */
  public static byte[] utf8(char[] text, int offset, int length) {
    return Utf8.encode(text, offset, length);
  }

  /**
   * Parses one JSON value that must fill the whole input, which must be strict UTF-8 ({@link
   * Utf8}).
   *
   * @throws IOException with the parser's message when the text is not JSON, or what is wrong with
   *     its bytes when they are not UTF-8
   */
  public static JsonNode parse(byte[] json) throws IOException {
    String notUtf8 = Utf8.problem(json);
    if (notUtf8 != null) {
      throw new IOException(notUtf8);
    }
    try (JsonParser parser = FACTORY.createParser(json)) {
      return readWhole(parser);
    }
  }

  /**
   * Parses one JSON value that must fill the whole text.
   *
   * @throws IOException with the parser's message when the text is not JSON
   */
  public static JsonNode parse(String json) throws IOException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      return readWhole(parser);
    }
  }

  private static JsonNode readWhole(JsonParser parser) throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      throw new IOException("no JSON value: the input is empty");
    }
    JsonNode value = read(parser, first);
    if (parser.nextToken() != null) {
      throw new IOException(
          "unexpected content after the JSON value at "
              + parser.currentLocation().offsetDescription());
    }
    return value;
  }

  /** Reads the value starting at {@code token}, leaving the parser on its last token. */
  public static JsonNode read(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
        ObjectNode object = NODES.objectNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String name = parser.currentName();
          if (object.replace(name, read(parser, parser.nextToken())) != null) {
            throw new JsonParseException(parser, "Duplicate field '" + name + "'");
          }
        }
        return object;
      case START_ARRAY:
        ArrayNode array = NODES.arrayNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          array.add(read(parser, t));
        }
        return array;
      case VALUE_STRING:
        return CommonText.node(parser);
      case VALUE_NUMBER_INT:
        switch (parser.getNumberType()) {
          case INT:
            return NODES.numberNode(parser.getIntValue());
          case LONG:
            return NODES.numberNode(parser.getLongValue());
          default:
            return NODES.numberNode(parser.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        try {
          return NODES.numberNode(parser.getDecimalValue());
        } catch (NumberFormatException e) {
          // An exponent beyond what a BigDecimal holds (found by JsonRpcDecoderFuzzTest).
          throw new JsonParseException(
              parser, "the number " + preview(parser.getText()) + " is out of range");
        }
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new IOException("unexpected JSON token " + token);
    }
  }

  /** Writes a tree with the generator. */
  public static void write(JsonGenerator gen, JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT:
        gen.writeStartObject();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          gen.writeFieldName(field.getKey());
          write(gen, field.getValue());
        }
        gen.writeEndObject();
        break;
      case ARRAY:
        gen.writeStartArray();
        for (JsonNode element : node) {
          write(gen, element);
        }
        gen.writeEndArray();
        break;
      case STRING:
        gen.writeString(node.textValue());
        break;
      case NUMBER:
        writeNumber(gen, node);
        break;
      case BOOLEAN:
        gen.writeBoolean(node.booleanValue());
        break;
      case BINARY:
        gen.writeBinary(node.binaryValue());
        break;
      default:
        gen.writeNull();
        break;
    }
  }

  private static void writeNumber(JsonGenerator gen, JsonNode node) throws IOException {
    switch (node.numberType()) {
      case INT:
        gen.writeNumber(node.intValue());
        break;
      case LONG:
        gen.writeNumber(node.longValue());
        break;
      case BIG_INTEGER:
        gen.writeNumber(node.bigIntegerValue());
        break;
      case BIG_DECIMAL:
        gen.writeNumber(node.decimalValue());
        break;
      case FLOAT:
        gen.writeNumber(node.floatValue());
        break;
      default:
        gen.writeNumber(node.doubleValue());
        break;
    }
  }

  /** Returns the compact JSON text of a tree. */
  public static String toString(JsonNode node) {
    return write(gen -> write(gen, node));
  }

  /** Returns the JSON text of a tree, indented for people to read (configuration files). */
  public static String toPrettyString(JsonNode node) {
    return write(
        gen -> {
          gen.useDefaultPrettyPrinter();
          write(gen, node);
        });
  }

  /** Writes with a fresh generator and returns the compact JSON text it produced. */
  public static String write(GeneratorAction action) {
    StringWriter out = new StringWriter();
    try (JsonGenerator gen = FACTORY.createGenerator(out)) {
      action.writeTo(gen);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Returns a generator that writes UTF-8 straight into an array of the exact size, so a response
   * is encoded once, with no {@code String} in between; the bytes are complete once the generator
   * is closed.
   */
  public static JsonGenerator utf8Generator(ExactBytes out) throws IOException {
    return FACTORY.createGenerator(out, JsonEncoding.UTF8);
  }

  /** Returns the compact JSON text of a tree as UTF-8 bytes. */
  public static byte[] toBytes(JsonNode node) {
    return toString(node).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Removes the whitespace between tokens of well-formed JSON text, leaving strings untouched.
   *
   * <p>Generated tool packs keep their schemas as readable, indented text blocks; this turns them
   * into wire form once, without parsing.
   */
  public static String minify(String json) {
    StringBuilder out = new StringBuilder(json.length());
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        out.append(c);
        if (c == '\\') {
          out.append(json.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
        out.append(c);
      } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String preview(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }

  /**
   * Returns a short rendering of a value for error messages: JSON text, cut after 60 characters.
   */
  public static String preview(JsonNode node) {
    String text = toString(node);
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }

  /** Something that writes JSON with a generator. */
  @FunctionalInterface
  public interface GeneratorAction {
    /** Writes with the generator. */
    void writeTo(JsonGenerator gen) throws IOException;
  }
}
