package dev.toolsmith.runtime;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Facts about the transport a request arrived on, looked up by type: the AWS Lambda {@code Context}
 * when the request came through Lambda, the HTTP {@code Headers} when it came over HTTP.
 *
 * <p>The engine carries them from the adapter to the tool without knowing what they are, so no
 * class below the adapters names a transport's types, and a transport can add a fact without a
 * change to the engine. Immutable; lookups compare with {@link Class#isInstance}.
 */
public final class TransportAttributes {
  private static final TransportAttributes NONE = new TransportAttributes(new Object[0]);

  private final Object[] values;

  private TransportAttributes(Object[] values) {
    this.values = values;
  }

  /** Returns attributes with nothing in them, as stdio and direct calls have. */
  public static TransportAttributes none() {
    return NONE;
  }

  /**
   * Returns attributes holding these values; {@code null}s are left out.
   *
   * @throws IllegalArgumentException when two values are of the same class
   */
  public static TransportAttributes of(Object... values) {
    return NONE.with(values);
  }

  /** Returns these attributes with more values added; {@code null}s are left out. */
  public TransportAttributes with(Object... more) {
    int added = 0;
    for (Object value : more) {
      if (value != null) {
        added++;
      }
    }
    if (added == 0) {
      return this;
    }
    // One array of the final size: every HTTP request adds its headers here.
    Object[] all = Arrays.copyOf(values, values.length + added);
    int size = values.length;
    for (Object value : more) {
      if (value == null) {
        continue;
      }
      for (int i = 0; i < size; i++) {
        if (all[i].getClass() == value.getClass()) {
          throw new IllegalArgumentException(
              "Two transport attributes of " + value.getClass().getName());
        }
      }
      all[size++] = value;
    }
    return new TransportAttributes(all);
  }

  /** Returns the first value that is an instance of the type, or empty. */
  public <T> Optional<T> get(Class<T> type) {
    Objects.requireNonNull(type, "type");
    for (Object value : values) {
      if (type.isInstance(value)) {
        return Optional.of(type.cast(value));
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("TransportAttributes[");
    for (int i = 0; i < values.length; i++) {
      text.append(i == 0 ? "" : ", ").append(values[i].getClass().getSimpleName());
    }
    return text.append(']').toString();
  }
}
