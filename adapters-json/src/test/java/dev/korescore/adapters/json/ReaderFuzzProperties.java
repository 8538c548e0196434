package dev.korescore.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.korescore.core.port.out.InteractionReadException;
import dev.korescore.core.port.out.ReadOptions;
import dev.korescore.core.port.out.ReadScope;
import dev.korescore.testkit.properties.KoreGenerators;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * Any byte sequence yields interactions or an {@link InteractionReadException} with a position and a
 * message in the user's words (no library internals): never another exception.
 */
class ReaderFuzzProperties {
  private static final byte[] SEED = Io.resource("seed-sample-response.json");
  private static final byte[] LATER = Io.resource("later-api-styles.jsonl");
  private static final List<byte[]> VALID = List.of(SEED, LATER, Io.gzip(SEED), Io.gzip(LATER));

  private static final byte[] INTERESTING = Io.utf8("{}[]\":,\\ \n\r\t0123456789-+.eEtrufalsn\u00e9");

  /** Reads fully in both modes and both scopes; only a read exception may escape, always with a position. */
  private static void readsOrFailsTyped(byte[] bytes) {
    for (ReadOptions options : List.of(ReadOptions.strict(), ReadOptions.skippingBadRecords(),
        ReadOptions.strict().withScope(ReadScope.AUDIT), ReadOptions.skippingBadRecords().withScope(ReadScope.AUDIT))) {
      try {
        Io.read("fuzz", bytes, options);
      } catch (InteractionReadException e) {
        assertThat(e.position().source()).isEqualTo("fuzz");
        if (!e.reason().contains("gzip data")) { // a gzip stream broken as a whole has no line
          assertThat(e.position().line()).as(e.getMessage()).isPositive();
        }
        assertThat(e.getMessage()).startsWith("fuzz:")
            .doesNotContain("Source:", "JsonReadFeature", "StreamReadConstraints", "com.fasterxml", "java.",
                "Exception", "\n")
            .doesNotContainPattern("`[A-Za-z]+[.(]");
      }
    }
  }

  private static Gen<byte[]> randomBytes() {
    return SourceDSL.lists()
        .of(SourceDSL.integers().between(0, 255))
        .ofSizeBetween(0, 300)
        .map(ints -> {
          byte[] bytes = new byte[ints.size()];
          for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (int) ints.get(i);
          }
          return bytes;
        });
  }

  @Test
  void randomBytesReadOrFailTyped() {
    qt().withExamples(400).forAll(randomBytes()).checkAssert(ReaderFuzzProperties::readsOrFailsTyped);
  }

  @Test
  void randomJsonLookingText() {
    Gen<byte[]> text = SourceDSL.lists()
        .of(SourceDSL.integers().between(0, INTERESTING.length - 1))
        .ofSizeBetween(0, 200)
        .map(indexes -> {
          byte[] bytes = new byte[indexes.size()];
          for (int i = 0; i < bytes.length; i++) {
            bytes[i] = INTERESTING[indexes.get(i)];
          }
          return bytes;
        });
    qt().withExamples(400).forAll(text).checkAssert(ReaderFuzzProperties::readsOrFailsTyped);
  }

  @Test
  void truncatedValidDocuments() {
    qt().withExamples(300)
        .forAll(Generate.pick(VALID), SourceDSL.integers().between(0, 1_000_000))
        .checkAssert((doc, cut) -> readsOrFailsTyped(Arrays.copyOf(doc, cut % (doc.length + 1))));
  }

  @Test
  void mutatedValidDocuments() {
    qt().withExamples(400)
        .forAll(
            Generate.pick(VALID),
            SourceDSL.lists().of(SourceDSL.integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 6),
            SourceDSL.integers().between(0, 255))
        .checkAssert((doc, positions, value) -> {
          byte[] bytes = doc.clone();
          for (int position : positions) {
            bytes[position % bytes.length] = (byte) (value + position);
          }
          readsOrFailsTyped(bytes);
        });
  }

  @Test
  void splicedGeneratedRecords() {
    qt().withExamples(150)
        .forAll(KoreGenerators.interactions(), SourceDSL.integers().between(0, Integer.MAX_VALUE),
            SourceDSL.integers().between(0, INTERESTING.length - 1))
        .checkAssert((x, position, insert) -> {
          byte[] doc = Io.utf8(Io.jsonLines(List.of(x), KeyStyle.SEED_2024));
          int at = position % doc.length;
          byte[] bytes = new byte[doc.length + 1];
          System.arraycopy(doc, 0, bytes, 0, at);
          bytes[at] = INTERESTING[insert];
          System.arraycopy(doc, at, bytes, at + 1, doc.length - at);
          readsOrFailsTyped(bytes);
        });
  }

  @Test
  void deeplyNestedInputIsATypedError() {
    byte[] deep = Io.utf8("[".repeat(100_000));
    readsOrFailsTyped(deep);
    byte[] deepRecord = Io.utf8("{\"conversationId\":\"c\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
    readsOrFailsTyped(deepRecord);
  }
}
