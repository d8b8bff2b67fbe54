package dev.toolsmith.runtime.spi;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * Writes JSON for generated record writers and {@link ValueWriter}s.
 *
 * <p>Part of the binary contract with compiled tool packs: generated code writes through this
 * class, never through a JSON library's types, so the runtime can change its JSON library without
 * breaking a pack on Maven Central. It adds no buffering of its own; each call writes straight to
 * the response.
 */
@UsedByGeneratedCode
public final class JsonWriter {
  private final JsonGenerator gen;

  JsonWriter(JsonGenerator gen) {
    this.gen = Objects.requireNonNull(gen, "gen");
  }

  /** Returns the generator underneath, for the runtime's own writers of JSON trees. */
  JsonGenerator generator() {
    return gen;
  }

  /** Starts a JSON object. */
  public void startObject() throws IOException {
    gen.writeStartObject();
  }

  /** Ends the innermost JSON object. */
  public void endObject() throws IOException {
    gen.writeEndObject();
  }

  /** Starts a JSON array. */
  public void startArray() throws IOException {
    gen.writeStartArray();
  }

  /** Ends the innermost JSON array. */
  public void endArray() throws IOException {
    gen.writeEndArray();
  }

  /** Writes the name of the next property of the object being written. */
  public void name(String name) throws IOException {
    gen.writeFieldName(name);
  }

  /** Writes a string. */
  public void string(String value) throws IOException {
    gen.writeString(value);
  }

  /** Writes a boolean. */
  public void bool(boolean value) throws IOException {
    gen.writeBoolean(value);
  }

  /** Writes an integer. */
  public void number(long value) throws IOException {
    gen.writeNumber(value);
  }

  /** Writes a number. */
  public void number(double value) throws IOException {
    gen.writeNumber(value);
  }

  /** Writes a number with a {@code float}'s shortest decimal form. */
  public void number(float value) throws IOException {
    gen.writeNumber(value);
  }

  /** Writes a number, every digit kept. */
  public void number(BigDecimal value) throws IOException {
    gen.writeNumber(value);
  }

  /** Writes an integer of any size. */
  public void number(BigInteger value) throws IOException {
    gen.writeNumber(value);
  }

  /** Writes JSON {@code null}. */
  public void nullValue() throws IOException {
    gen.writeNull();
  }
}
