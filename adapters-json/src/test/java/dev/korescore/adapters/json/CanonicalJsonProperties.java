package dev.korescore.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.korescore.testkit.properties.KoreGenerators;
import dev.korescore.testkit.wire.KeyStyle;
import dev.korescore.testkit.wire.KoreWire;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** The content hash ignores key order and spacing, and sees every value. */
class CanonicalJsonProperties {
  private static final JsonMapper PLAIN = JsonMapper.builder().build();

  @Test
  void reorderedAndRespacedRecordsHaveTheSameHash() {
    qt().withExamples(200)
        .forAll(KoreGenerators.interactions(), SourceDSL.longs().all())
        .checkAssert((interaction, seed) -> {
          String json = KoreWire.record(interaction, KeyStyle.SPACED_2024);
          String shuffled = shuffled(json, new Random(seed));
          assertThat(CanonicalJson.hash(shuffled)).isEqualTo(CanonicalJson.hash(json));
          assertThat(CanonicalJson.canonical(shuffled)).isEqualTo(CanonicalJson.canonical(json));
        });
  }

  @Test
  void anyChangedValueChangesTheHash() {
    qt().withExamples(200)
        .forAll(KoreGenerators.interactions())
        .checkAssert(interaction -> {
          String json = KoreWire.record(interaction, KeyStyle.SPACED_2024);
          String changed = json.replaceFirst("\"Conversation ID\"\\s*:\\s*\"", "\"Conversation ID\":\"x");
          assertThat(changed).isNotEqualTo(json);
          assertThat(CanonicalJson.hash(changed)).isNotEqualTo(CanonicalJson.hash(json));
        });
  }

  @Test
  void theCanonicalFormKeepsNumbersAsWrittenAndSortsNestedKeys() {
    assertThat(CanonicalJson.canonical("{ \"b\" : [ 1.0 , {\"y\":2,\"x\":\"\\u0041\"} ],\n \"a\":null }"))
        .isEqualTo("{\"a\":null,\"b\":[1.0,{\"x\":\"A\",\"y\":2}]}");
    assertThat(CanonicalJson.hash("{\"s\":1.0}")).isNotEqualTo(CanonicalJson.hash("{\"s\":1}"));
    assertThatThrownBy(() -> CanonicalJson.canonical("{\"a\":1} x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CanonicalJson.canonical("{\"a\":")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a JSON document");
  }

  @Test
  void theStreamingFormEqualsThePlainTreeFormOnKoreRecords() {
    qt().withExamples(200)
        .forAll(KoreGenerators.interactions(), SourceDSL.longs().all())
        .checkAssert((interaction, seed) -> {
          String json = shuffled(KoreWire.record(interaction, KeyStyle.SPACED_2024), new Random(seed));
          assertThat(CanonicalJson.canonical(json)).isEqualTo(PlainCanonical.canonical(json));
          assertThat(CanonicalJson.hash(json)).isEqualTo(PlainCanonical.hash(json));
        });
  }

  @Test
  void theStreamingFormEqualsThePlainTreeFormOnAnyJson() {
    qt().withExamples(500)
        .forAll(SourceDSL.longs().all())
        .checkAssert(seed -> {
          String json = randomJson(new Random(seed), 0);
          assertThat(CanonicalJson.canonical(json)).as(json).isEqualTo(PlainCanonical.canonical(json));
          assertThat(CanonicalJson.hash(json)).as(json).isEqualTo(PlainCanonical.hash(json));
        });
  }

  @Test
  void aRepeatedKeyKeepsItsLastValueInBothForms() {
    String json = "{\"b\":1,\"a\":2,\"b\":3,\"a\":{\"z\":\"\\u00e9\\n\",\"y\":[]}}";
    assertThat(CanonicalJson.canonical(json)).isEqualTo("{\"a\":{\"y\":[],\"z\":\"\u00e9\\n\"},\"b\":3}")
        .isEqualTo(PlainCanonical.canonical(json));
  }

  /** Any JSON text: nested objects with repeated and unordered keys, escapes, non-ASCII, odd spacing. */
  private static String randomJson(Random random, int depth) {
    int kind = depth > 3 ? random.nextInt(4) : random.nextInt(6);
    String space = random.nextBoolean() ? "" : " \n\t".substring(0, 1 + random.nextInt(3));
    switch (kind) {
      case 0 -> {
        return space + randomString(random) + space;
      }
      case 1 -> {
        String[] numbers = {"0", "-1", "1.0", "1.50", "2e10", "-0.0", "12345678901234567890", "1E-5"};
        return numbers[random.nextInt(numbers.length)];
      }
      case 2 -> {
        return random.nextBoolean() ? "true" : "false";
      }
      case 3 -> {
        return "null";
      }
      case 4 -> {
        StringBuilder array = new StringBuilder("[");
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          array.append(i == 0 ? "" : ",").append(randomJson(random, depth + 1));
        }
        return array.append(space).append(']').toString();
      }
      default -> {
        StringBuilder object = new StringBuilder("{");
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
          object.append(i == 0 ? "" : ",").append(space).append(randomString(random)).append(space).append(':')
              .append(randomJson(random, depth + 1));
        }
        return object.append(space).append('}').toString();
      }
    }
  }

  private static String randomString(Random random) {
    String[] pieces = {"a", "b", "B", "ab", "\\\"", "\\\\", "\\n", "\\u0001", "\\u00e9", "\u00e9", "\u4e2d",
        "\\ud83d\\ude00", "\ud83d\ude00", "/", "\\/", " ", "Conversation ID", "\\t", "\u007f", "\u2028"};
    StringBuilder text = new StringBuilder("\"");
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      text.append(pieces[random.nextInt(pieces.length)]);
    }
    return text.append('"').toString();
  }

  /** {@code json} with every object's keys in a random order, pretty-printed. */
  private static String shuffled(String json, Random random) {
    try {
      JsonNode tree = PLAIN.readTree(json);
      return PLAIN.writerWithDefaultPrettyPrinter().writeValueAsString(shuffle(tree, random));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode shuffle(JsonNode node, Random random) {
    if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
      Collections.shuffle(fields, random);
      ObjectNode copy = PLAIN.createObjectNode();
      for (Map.Entry<String, JsonNode> field : fields) {
        copy.set(field.getKey(), shuffle(field.getValue(), random));
      }
      return copy;
    }
    if (node.isArray()) {
      var copy = PLAIN.createArrayNode();
      node.forEach(element -> copy.add(shuffle(element, random)));
      return copy;
    }
    return node;
  }
}
