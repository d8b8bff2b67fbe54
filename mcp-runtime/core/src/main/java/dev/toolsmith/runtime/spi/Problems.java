package dev.toolsmith.runtime.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.InvalidArgumentsException;
import dev.toolsmith.runtime.internal.json.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects what is wrong with one call's arguments, each problem with the JSON path it concerns.
 *
 * <p>Decoding goes on after a problem so one answer lists every mistake; only the first {@value
 * #LIMIT} are kept so a huge invalid argument cannot make a huge answer.
 */
@UsedByGeneratedCode
public final class Problems {
  static final int LIMIT = 20;

  // Both made on first use: most calls have valid arguments, and every call makes a Problems.
  private List<String> messages;
  // The steps to the value being decoded, property names and element indexes: the first in its
  // own field, since every call's decoder steps in and out once per argument and most arguments are
  // scalars; deeper ones in an array, made when a call first goes deeper.
  private Object first;
  private Object[] deeper;
  private int depth;
  private int dropped;

  /** Steps into an object property. */
  public void enter(String property) {
    push(property);
  }

  /** Steps into an array element. */
  public void enter(int index) {
    push(index);
  }

  private void push(Object step) {
    if (depth == 0) {
      first = step;
    } else if (deeper == null) {
      deeper = new Object[4];
      deeper[0] = step;
    } else {
      if (depth - 1 == deeper.length) {
        deeper = Arrays.copyOf(deeper, deeper.length * 2);
      }
      deeper[depth - 1] = step;
    }
    depth++;
  }

  /** Steps back out of the last property or element entered. */
  public void leave() {
    depth--;
    if (depth == 0) {
      first = null;
    } else {
      deeper[depth - 1] = null;
    }
  }

  private Object step(int index) {
    return index == 0 ? first : deeper[index - 1];
  }

  /** Reports that the value at the current path is not what was expected. */
  public void mismatch(String expected, JsonNode got) {
    add(path() + ": expected " + expected + ", got " + Json.preview(got));
  }

  /** Reports that a required value is missing at the current path. */
  public void missing(String expected) {
    add(path() + ": missing; expected " + expected);
  }

  /** Reports a property that the schema does not allow, listing those it does. */
  public void unknown(String property, List<String> known) {
    enter(property);
    add(
        path()
            + ": unknown property; expected "
            + (known.isEmpty() ? "no properties" : "only " + String.join(", ", known)));
    leave();
  }

  /** Reports a free-form problem at the current path. */
  public void report(String message) {
    add(path() + ": " + message);
  }

  /** Returns whether no problem has been reported. */
  public boolean isEmpty() {
    return messages == null;
  }

  /**
   * Throws when any problem was reported.
   *
   * @throws InvalidArgumentsException listing every problem
   */
  public void throwIfAny() {
    if (messages == null) {
      return;
    }
    List<String> all = new ArrayList<>(messages);
    if (dropped > 0) {
      all.add("... and " + dropped + " more");
    }
    throw new InvalidArgumentsException(all);
  }

  private void add(String message) {
    if (messages == null) {
      messages = new ArrayList<>();
    }
    if (messages.size() < LIMIT) {
      messages.add(message);
    } else {
      dropped++;
    }
  }

  private String path() {
    if (depth == 0) {
      return "arguments";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      Object step = step(i);
      if (step instanceof Integer) {
        out.append('[').append(step).append(']');
      } else {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(step);
      }
    }
    return out.toString();
  }
}
