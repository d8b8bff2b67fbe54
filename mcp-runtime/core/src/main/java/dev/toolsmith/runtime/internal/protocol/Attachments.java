package dev.toolsmith.runtime.internal.protocol;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/** What interceptors attach to one request or invocation, keyed by type; made on first use. */
final class Attachments {
  private Map<Class<?>, Object> values;

  <T> void attach(Class<T> type, T value) {
    if (values == null) {
      values = new IdentityHashMap<>(4);
    }
    values.put(type, type.cast(value));
  }

  <T> Optional<T> attached(Class<T> type) {
    return values == null ? Optional.empty() : Optional.ofNullable(type.cast(values.get(type)));
  }
}
