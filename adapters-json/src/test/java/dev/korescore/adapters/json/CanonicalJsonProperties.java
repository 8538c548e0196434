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
  void reordered_and_respaced_records_have_the_same_hash() {
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
  void any_changed_value_changes_the_hash() {
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
  void the_canonical_form_keeps_numbers_as_written_and_sorts_nested_keys() {
    assertThat(CanonicalJson.canonical("{ \"b\" : [ 1.0 , {\"y\":2,\"x\":\"\\u0041\"} ],\n \"a\":null }"))
        .isEqualTo("{\"a\":null,\"b\":[1.0,{\"x\":\"A\",\"y\":2}]}");
    assertThat(CanonicalJson.hash("{\"s\":1.0}")).isNotEqualTo(CanonicalJson.hash("{\"s\":1}"));
    assertThatThrownBy(() -> CanonicalJson.canonical("{\"a\":1} x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CanonicalJson.canonical("{\"a\":")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a JSON document");
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
