package dev.toolsmith.runtime.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FieldMapTest {

  /** Random puts, replaces and removes, side by side with a LinkedHashMap, across the switch. */
  @Test
  void behavesAsAnInsertionOrderedMap_belowAndAboveTheArraysSize() {
    Random random = new Random(42);
    for (int round = 0; round < 300; round++) {
      FieldMap fields = new FieldMap();
      Map<String, JsonNode> expected = new LinkedHashMap<>();
      for (int step = 0; step < 40; step++) {
        String name = "f" + random.nextInt(FieldMap.SMALL + 4);
        JsonNode value = IntNode.valueOf(random.nextInt(100));
        switch (random.nextInt(4)) {
          case 0 -> assertThat(fields.remove(name)).isEqualTo(expected.remove(name));
          case 1 -> assertThat(fields.get(name)).isEqualTo(expected.get(name));
          default -> assertThat(fields.put(name, value)).isEqualTo(expected.put(name, value));
        }
        assertThat(fields).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(List.copyOf(fields.keySet())).isEqualTo(List.copyOf(expected.keySet()));
        assertThat(fields.containsKey(name)).isEqualTo(expected.containsKey(name));
        assertThat(fields.size()).isEqualTo(expected.size());
      }
    }
  }

  @Test
  void entriesWriteThrough_andTheIteratorRemoves() {
    FieldMap fields = new FieldMap();
    for (int i = 0; i < 5; i++) {
      fields.put("f" + i, IntNode.valueOf(i));
    }
    Iterator<Map.Entry<String, JsonNode>> iterator = fields.entrySet().iterator();
    while (iterator.hasNext()) {
      Map.Entry<String, JsonNode> field = iterator.next();
      if (field.getValue().intValue() % 2 == 0) {
        iterator.remove();
      } else {
        field.setValue(IntNode.valueOf(10 * field.getValue().intValue()));
      }
    }
    assertThat(fields)
        .containsExactly(
            Map.entry("f1", IntNode.valueOf(10)), Map.entry("f3", IntNode.valueOf(30)));
  }

  @Test
  void changingTheMapWhileIterating_failsFast() {
    FieldMap fields = new FieldMap();
    fields.put("a", IntNode.valueOf(1));
    fields.put("b", IntNode.valueOf(2));
    Iterator<String> names = fields.keySet().iterator();
    names.next();
    fields.remove("b");
    fields.put("c", IntNode.valueOf(3));
    fields.put("d", IntNode.valueOf(4));
    assertThatThrownBy(names::next).isInstanceOf(ConcurrentModificationException.class);
  }

  @Test
  void treesUseIt_andStayOrdinaryJackson() throws Exception {
    ObjectNode parsed = (ObjectNode) Json.parse("{\"b\":1,\"a\":{\"x\":[1,2]},\"c\":null}");
    ObjectNode built = Json.object();
    built.put("b", 1);
    built.putObject("a").putArray("x").add(1).add(2);
    built.putNull("c");

    assertThat(parsed).isEqualTo(built).hasSameHashCodeAs(built);
    assertThat(Json.toString(parsed)).isEqualTo("{\"b\":1,\"a\":{\"x\":[1,2]},\"c\":null}");
    assertThat(parsed.deepCopy()).isEqualTo(parsed);
    parsed.remove("b");
    assertThat(parsed.fieldNames()).toIterable().containsExactly("a", "c");
  }

  @Test
  void aLargeObject_keepsEveryFieldInOrder() throws Exception {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < 1000; i++) {
      json.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(i);
    }
    JsonNode parsed = Json.parse(json.append('}').toString());
    assertThat(parsed.size()).isEqualTo(1000);
    assertThat(parsed.get("f999").intValue()).isEqualTo(999);
    assertThat(parsed.fieldNames().next()).isEqualTo("f0");
    assertThatThrownBy(() -> Json.parse("{\"a\":1,\"b\":2,\"a\":3}"))
        .hasMessageContaining("Duplicate field 'a'");
  }
}
