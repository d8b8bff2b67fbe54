package dev.toolsmith.runtime.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The fields of one JSON object in a tree, in the order they were added: in one array of names and
 * values while there are at most {@value #SMALL} of them, which is nearly every object of an MCP
 * message ({@code params}, {@code arguments}, {@code _meta}, {@code clientInfo}), and in a {@link
 * LinkedHashMap} once there are more, so a large object still finds a field in constant time.
 *
 * <p>A {@code LinkedHashMap} costs a map, a table and an entry per field, about 180 bytes for two
 * fields, for every object of every request; this costs about 70.
 */
final class FieldMap extends AbstractMap<String, JsonNode> {
  static final int SMALL = 8;

  /** Room for four fields at first, what most objects of a message hold. */
  private static final int FIRST_SLOTS = 2 * 4;

  /** Names at even indexes, their values after them; {@code null} until the first field. */
  private Object[] slots;

  private int size;
  private LinkedHashMap<String, JsonNode> large;

  @Override
  public int size() {
    return large != null ? large.size() : size;
  }

  @Override
  public boolean containsKey(Object name) {
    return large != null ? large.containsKey(name) : indexOf(name) >= 0;
  }

  @Override
  public JsonNode get(Object name) {
    if (large != null) {
      return large.get(name);
    }
    int index = indexOf(name);
    return index < 0 ? null : value(index);
  }

  @Override
  public JsonNode put(String name, JsonNode value) {
    Objects.requireNonNull(name, "a JSON field's name");
    if (large != null) {
      return large.put(name, value);
    }
    int index = indexOf(name);
    if (index >= 0) {
      JsonNode previous = value(index);
      slots[2 * index + 1] = value;
      return previous;
    }
    if (size == SMALL) {
      large = new LinkedHashMap<>(2 * SMALL);
      for (int i = 0; i < size; i++) {
        large.put(name(i), value(i));
      }
      slots = null;
      size = 0;
      return large.put(name, value);
    }
    if (slots == null) {
      slots = new Object[FIRST_SLOTS];
    } else if (2 * size == slots.length) {
      slots = Arrays.copyOf(slots, 2 * SMALL);
    }
    slots[2 * size] = name;
    slots[2 * size + 1] = value;
    size++;
    return null;
  }

  @Override
  public JsonNode remove(Object name) {
    if (large != null) {
      return large.remove(name);
    }
    int index = indexOf(name);
    if (index < 0) {
      return null;
    }
    JsonNode previous = value(index);
    removeAt(index);
    return previous;
  }

  @Override
  public void clear() {
    large = null;
    slots = null;
    size = 0;
  }

  @Override
  public Set<Entry<String, JsonNode>> entrySet() {
    return large != null ? large.entrySet() : new Fields();
  }

  private int indexOf(Object name) {
    for (int i = 0; i < size; i++) {
      if (slots[2 * i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private String name(int index) {
    return (String) slots[2 * index];
  }

  private JsonNode value(int index) {
    return (JsonNode) slots[2 * index + 1];
  }

  private void removeAt(int index) {
    System.arraycopy(slots, 2 * index + 2, slots, 2 * index, 2 * (size - index - 1));
    size--;
    slots[2 * size] = null;
    slots[2 * size + 1] = null;
  }

  /** The fields while they are in the array; a field is read and written through its index. */
  private final class Fields extends AbstractSet<Entry<String, JsonNode>> {
    @Override
    public int size() {
      return FieldMap.this.size();
    }

    @Override
    public Iterator<Entry<String, JsonNode>> iterator() {
      return new Iterator<>() {
        private int next;
        private int last = -1;
        private int expectedSize = size;

        @Override
        public boolean hasNext() {
          return next < size();
        }

        @Override
        public Entry<String, JsonNode> next() {
          if (large != null || size != expectedSize) {
            throw new ConcurrentModificationException();
          }
          if (next >= size) {
            throw new NoSuchElementException();
          }
          last = next++;
          return new Field(last);
        }

        @Override
        public void remove() {
          if (last < 0) {
            throw new IllegalStateException();
          }
          if (large != null || size != expectedSize) {
            throw new ConcurrentModificationException();
          }
          removeAt(last);
          next = last;
          last = -1;
          expectedSize = size;
        }
      };
    }
  }

  private final class Field implements Entry<String, JsonNode> {
    private final int index;

    Field(int index) {
      this.index = index;
    }

    @Override
    public String getKey() {
      return name(index);
    }

    @Override
    public JsonNode getValue() {
      return value(index);
    }

    @Override
    public JsonNode setValue(JsonNode value) {
      JsonNode previous = value(index);
      slots[2 * index + 1] = value;
      return previous;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Map.Entry<?, ?> entry
          && getKey().equals(entry.getKey())
          && Objects.equals(getValue(), entry.getValue());
    }

    @Override
    public int hashCode() {
      return getKey().hashCode() ^ Objects.hashCode(getValue());
    }

    @Override
    public String toString() {
      return getKey() + "=" + getValue();
    }
  }
}
