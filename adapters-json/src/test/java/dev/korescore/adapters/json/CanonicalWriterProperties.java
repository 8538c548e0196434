package dev.korescore.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.korescore.core.store.ContentHash;
import dev.korescore.testkit.properties.KoreGenerators;
import dev.korescore.testkit.wire.KeyStyle;
import dev.korescore.testkit.wire.KoreWire;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * The fast canonical writer against the plain tree-of-maps form ({@link PlainCanonical}: Jackson's tree,
 * a sorted map per object, {@code MessageDigest} over {@code String.getBytes}): the same bytes, the same
 * hash, on every shape its own code paths could get wrong; and what it accepts, Jackson accepts.
 */
class CanonicalWriterProperties {
  private static final StreamReadConstraints LIMITS = StreamReadConstraints.defaults();

  @Test
  void koreRecordsInEveryKeyStyleTakeTheFastPathAndHashAsThePlainForm() {
    qt().withExamples(150)
        .forAll(KoreGenerators.interactions(), SourceDSL.integers().between(0, KeyStyle.values().length - 1))
        .checkAssert((interaction, style) -> {
          String json = KoreWire.record(interaction, KeyStyle.values()[style]);
          assertFastEqualsPlain(json);
        });
  }

  @Test
  void anyJsonWithNonAsciiEscapesRepeatedKeysAndDeepNestingHashesAsThePlainForm() {
    qt().withExamples(800)
        .forAll(SourceDSL.longs().all())
        .checkAssert(seed -> assertFastEqualsPlain(randomJson(new Random(seed), 0)));
  }

  @Test
  void whatTheFastWriterAcceptsJacksonAcceptsAsTheSameText() {
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger declined = new AtomicInteger();
    qt().withExamples(1500)
        .forAll(SourceDSL.longs().all())
        .checkAssert(seed -> {
          Random random = new Random(seed);
          String json = mutated(randomJson(random, 0), random);
          CanonicalWriter writer = new CanonicalWriter(LIMITS);
          Optional<String> plain = plain(json);
          (writer.write(json) ? accepted : declined).incrementAndGet();
          if (writer.write(json)) {
            assertThat(plain).as("Jackson rejects what the fast writer accepted: %s", json).isPresent();
            assertThat(written(writer)).as(json).isEqualTo(utf8(plain.orElseThrow()));
          }
          if (plain.isPresent()) {
            assertThat(CanonicalJson.hash(json)).as(json).isEqualTo(PlainCanonical.hash(json));
            assertThat(CanonicalJson.canonical(json)).as(json).isEqualTo(plain.orElseThrow());
          } else {
            assertThatThrownBy(() -> CanonicalJson.hash(json)).as(json)
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not ");
          }
        });
    assertThat(accepted.get()).as("mutants accepted (the property is not vacuous)").isGreaterThan(100);
    assertThat(declined.get()).as("mutants declined").isGreaterThan(100);
  }

  @Test
  void everyCharacterIsEscapedAndEncodedAsJacksonAndStringGetBytesDo() {
    CanonicalWriter writer = new CanonicalWriter(LIMITS);
    for (int block = 0; block <= 0xFF; block++) { // 256 characters a document: escaped, raw, in keys
      StringBuilder escaped = new StringBuilder("[");
      StringBuilder raw = new StringBuilder("[");
      StringBuilder keys = new StringBuilder("{");
      for (int c = block << 8; c < block + 1 << 8; c++) {
        String escape = String.format("\\u%04x", c);
        escaped.append(escaped.length() > 1 ? "," : "").append("\"x").append(escape).append("y\"");
        if (c >= 0x20 && c != '"' && c != '\\') {
          raw.append(raw.length() > 1 ? "," : "").append("\"x").append((char) c).append('"');
        }
        if (!Character.isSurrogate((char) c)) {
          keys.append(keys.length() > 1 ? "," : "").append("\"k").append(escape).append("\":0");
        }
      }
      for (String json : new String[] {escaped.append(']').toString(), raw.append(']').toString(),
          keys.append('}').toString()}) {
        assertThat(writer.write(json)).as(json).isTrue();
        assertThat(written(writer)).as(json).isEqualTo(utf8(PlainCanonical.canonical(json)));
      }
    }
  }

  @Test
  void surrogatePairsWholeSplitAcrossEscapesOrAloneEncodeAsStringGetBytes() {
    String[] strings = {"\ud83d\ude00", "\\ud83d\\ude00", "\\ud83d\ude00", "\ud83d" + "\\ude00", "\ud83d", "\ude00",
        "\\ud83d", "\\ude00", "a\ud83dz", "\ude00\ud83d", "\\ude00\\ud83d", "\ud83d\ud83d\ude00",
        "\\ud83d\\n\\ude00"};
    for (String s : strings) {
      for (String json : new String[] {"\"" + s + "\"", "{\"" + s + "\":\"" + s + "\",\"a\":1}"}) {
        CanonicalWriter writer = new CanonicalWriter(LIMITS);
        Optional<String> plain = plain(json);
        if (plain.isEmpty()) { // Jackson wants an escaped high surrogate in a name followed by an escaped low one
          assertThat(json).startsWith("{");
          assertThat(writer.write(json)).as(json).isFalse();
          assertThatThrownBy(() -> CanonicalJson.hash(json)).isInstanceOf(IllegalArgumentException.class)
              .hasMessageContaining("surrogate");
          continue;
        }
        assertThat(writer.write(json)).as(json).isTrue();
        assertThat(written(writer)).as(json).isEqualTo(utf8(plain.orElseThrow()));
        assertThat(writer.replacedSurrogate()).as(json).isEqualTo(hasLoneSurrogate(plain.orElseThrow()));
        assertThat(CanonicalJson.canonical(json)).as(json).isEqualTo(plain.orElseThrow()); // lone ones kept as text
        assertThat(CanonicalJson.hash(json)).as(json).isEqualTo(PlainCanonical.hash(json));
      }
    }
  }

  @Test
  void numbersStayAsWritten() {
    String json = "[1.0,-0,1e5,-0.0,1E+2,2e-3,0,0.5,-1.50,0e0,12345678901234567890123,1.0E-10]";
    assertFastEqualsPlain(json);
    assertThat(CanonicalJson.canonical(" [ 1.0 , -0 , 1e5 ] ")).isEqualTo("[1.0,-0,1e5]");
    assertThat(CanonicalJson.hash("{\"a\":-0}")).isNotEqualTo(CanonicalJson.hash("{\"a\":0}"));
    assertThat(CanonicalJson.hash("{\"a\":1e5}")).isNotEqualTo(CanonicalJson.hash("{\"a\":1E5}"));
  }

  @Test
  void keysAreReorderedAtEveryLevelAndTheLastOfARepeatedKeyWins() {
    assertThat(CanonicalJson.canonical("{\"b\":{\"d\":[{\"z\":1,\"y\":2,\"z\":3}],\"c\":0},\"a\":{\"f\":1,\"e\":2}}"))
        .isEqualTo("{\"a\":{\"e\":2,\"f\":1},\"b\":{\"c\":0,\"d\":[{\"y\":2,\"z\":3}]}}");
    assertThat(CanonicalJson.canonical("{\"a\\n\":1,\"a\":2,\"\\u0061\":3,\"\u00e9\":4,\"\\u00e9\":5,\"B\":6}"))
        .isEqualTo("{\"B\":6,\"a\":3,\"a\\n\":1,\"\u00e9\":5}");
    StringBuilder wide = new StringBuilder("{");
    for (int i = 200; i > 0; i--) {
      wide.append(i == 200 ? "" : ",").append("\"k").append(i % 150).append("\":").append(i);
    }
    assertFastEqualsPlain(wide.append('}').toString()); // more keys than the insertion sort takes, repeated
  }

  @Test
  void nestingUpToJacksonsLimitIsWrittenAndBeyondItIsJacksonsError() {
    int max = LIMITS.getMaxNestingDepth();
    String deepest = "[".repeat(max / 2) + "{\"a\":".repeat(max / 2) + "1" + "}".repeat(max / 2) + "]".repeat(max / 2);
    assertFastEqualsPlain(deepest);
    String tooDeep = "[" + deepest + "]";
    assertThat(new CanonicalWriter(LIMITS).write(tooDeep)).isFalse();
    assertThatThrownBy(() -> CanonicalJson.hash(tooDeep)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a JSON document");
    String longest = "[" + "9".repeat(LIMITS.getMaxNumberLength()) + "]";
    assertFastEqualsPlain(longest);
    assertThatThrownBy(() -> CanonicalJson.hash("[" + "9".repeat(LIMITS.getMaxNumberLength() + 1) + "]"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aLargeRecordThenASmallOneAreBothRight() {
    StringBuilder large = new StringBuilder("[");
    Random random = new Random(14);
    while (large.length() < 1_300_000) {
      large.append(large.length() == 1 ? "" : ",").append(randomJson(random, 0));
    }
    String json = large.append(']').toString();
    CanonicalWriter writer = new CanonicalWriter(LIMITS);
    assertThat(writer.write(json)).isTrue();
    assertThat(written(writer)).isEqualTo(utf8(PlainCanonical.canonical(json)));
    assertThat(writer.write("{\"b\":1,\"a\":[]}")).isTrue();
    assertThat(new String(written(writer), StandardCharsets.UTF_8)).isEqualTo("{\"a\":[],\"b\":1}");
    assertThat(CanonicalJson.hash(json)).isEqualTo(PlainCanonical.hash(json));
  }

  @Test
  void notPlainStrictJsonIsDeclinedAndJacksonGivesTheError() {
    String[] bad = {"", " ", "01", "[01]", "-", "[1.]", "[.5]", "[+1]", "[1e]", "[1e+]", "NaN", "[Infinity]",
        "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{'a':1}", "{a:1}", "[\"\\x\"]", "[\"\\u12G4\"]", "[\"\\u12\"]",
        "[\"a\u0001\"]", "[\"a\tb\"]", "/*c*/[1]", "[1]//", "[1] [2]", "{\"a\":1}}", "[tru]", "[truex]",
        "[nul]", "[1 2]", "\ufeff[1]", "[\"\\", "[\"abc", "{\"a\":", "[\u00a0]", "[1\u0000]",
        "{\"\\ud83d\":1}", "{\"\\udc00\":1}", "{\"\\ud83d\\n\":1}", "{\"\\ud83d\\u0041\":1}",
        "{\"\\ud83d" + "\ude00\":1}"};
    for (String json : bad) {
      assertThat(new CanonicalWriter(LIMITS).write(json)).as(json).isFalse();
      assertThat(plain(json)).as(json).isEmpty();
      assertThatThrownBy(() -> CanonicalJson.hash(json)).as(json).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("not ");
    }
  }

  private static void assertFastEqualsPlain(String json) {
    CanonicalWriter writer = new CanonicalWriter(LIMITS);
    assertThat(writer.write(json)).as("the fast writer declined %s", json).isTrue();
    String plain = PlainCanonical.canonical(json);
    assertThat(written(writer)).as(json).isEqualTo(utf8(plain));
    ContentHash hash = CanonicalJson.hash(json);
    assertThat(hash).as(json).isEqualTo(PlainCanonical.hash(json));
    assertThat(CanonicalJson.canonical(json)).as(json).isEqualTo(plain);
  }

  private static Optional<String> plain(String json) {
    try {
      return Optional.of(PlainCanonical.canonical(json));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static byte[] written(CanonicalWriter writer) {
    return Arrays.copyOf(writer.bytes(), writer.length());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static boolean hasLoneSurrogate(String text) {
    return !StandardCharsets.UTF_8.newEncoder().canEncode(text);
  }

  /** {@code json} with one to three characters inserted, deleted or replaced by JSON's tricky ones. */
  private static String mutated(String json, Random random) {
    String[] pieces = {"{", "}", "[", "]", ",", ":", "\"", "\\", "0", "-", ".", "e", "+", " ", "\n", "\u0001", "t",
        "n", "u", "\u00e9", "\ud83d", "/", "a", "1"};
    StringBuilder text = new StringBuilder(json);
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits && text.length() > 0; i++) {
      int at = random.nextInt(text.length());
      switch (random.nextInt(3)) {
        case 0 -> text.insert(at, pieces[random.nextInt(pieces.length)]);
        case 1 -> text.deleteCharAt(at);
        default -> text.replace(at, at + 1, pieces[random.nextInt(pieces.length)]);
      }
    }
    return text.toString();
  }

  /**
   * Any JSON text: objects nested a few levels (sometimes a chain of up to 60) with repeated keys out of
   * order at every level, keys and values with escapes, non-ASCII, surrogate pairs (whole, escaped, split)
   * and lone surrogates, numbers in every written form, odd spacing.
   */
  static String randomJson(Random random, int depth) {
    if (depth == 0 && random.nextInt(6) == 0) { // a deep chain, out of order at every level
      String inner = randomJson(random, 2);
      for (int level = 10 + random.nextInt(50); level > 0; level--) {
        inner = random.nextBoolean() ? "{\"z\":" + level + ",\"b\":" + inner + ",\"a\":\"\u00e9\"}"
            : "[" + inner + "]";
      }
      return inner;
    }
    boolean container = depth == 0 || random.nextInt(10) >= 2 * depth;
    int kind = container ? 4 + random.nextInt(3) : random.nextInt(4);
    String space = random.nextInt(3) > 0 ? "" : " \n\t\r".substring(0, 1 + random.nextInt(4));
    switch (kind) {
      case 0 -> {
        return space + randomString(random, false) + space;
      }
      case 1 -> {
        String[] numbers = {"0", "-0", "-1", "1.0", "1.50", "1e5", "2E10", "-0.0", "1E-5", "3e+2", "0.000",
            "12345678901234567890", "-9007199254740993", "6.02214076e23"};
        return space + numbers[random.nextInt(numbers.length)] + space;
      }
      case 2 -> {
        return random.nextBoolean() ? "true" : "false";
      }
      case 3 -> {
        return "null";
      }
      case 4 -> {
        StringBuilder array = new StringBuilder("[");
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
          array.append(i == 0 ? "" : ",").append(randomJson(random, depth + 1));
        }
        return array.append(space).append(']').toString();
      }
      default -> {
        StringBuilder object = new StringBuilder("{");
        int n = random.nextInt(depth < 2 && random.nextInt(8) == 0 ? 45 : 7);
        for (int i = 0; i < n; i++) {
          object.append(i == 0 ? "" : ",").append(space).append(randomString(random, true)).append(space).append(':')
              .append(randomJson(random, depth + 1));
        }
        return object.append(space).append('}').toString();
      }
    }
  }

  /**
   * A string of pieces; in a {@code name}, no escaped surrogate other than a whole escaped pair (Jackson
   * rejects the others there: {@code notPlainStrictJsonIsDeclinedAndJacksonGivesTheError}).
   */
  private static String randomString(Random random, boolean name) {
    String[] pieces = name ? NAME_PIECES : PIECES;
    StringBuilder text = new StringBuilder("\"");
    int n = random.nextInt(5);
    for (int i = 0; i < n; i++) {
      text.append(pieces[random.nextInt(pieces.length)]);
    }
    return text.append('"').toString();
  }

  private static final String[] PIECES = {"a", "b", "B", "ab", "a", "Z", "_", "0", "\\\"", "\\\\", "\\n", "\\r",
        "\\b", "\\f", "\\t",
        "\\u0001", "\\u001f", "\\u00e9", "\\u00E9", "\u00e9", "\u00ff", "\u0100", "\u07ff", "\u0800", "\u4e2d",
        "\uffff", "\\ud83d\\ude00", "\ud83d\ude00", "\\ud83d\ude00", "\ud83d", "\\udc00", "/", "\\/", " ",
        "Conversation ID", "\u007f", "\u2028", "\\u0000", "~"};
  private static final String[] NAME_PIECES = Arrays.stream(PIECES)
      .filter(p -> !p.equals("\\ud83d\ude00") && !p.equals("\\udc00")).toArray(String[]::new);
}
