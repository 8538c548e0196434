package dev.korescore.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.korescore.core.model.Interaction;
import dev.korescore.core.port.out.InteractionReadException;
import dev.korescore.core.port.out.InteractionStream;
import dev.korescore.core.port.out.ReadOptions;
import dev.korescore.core.port.out.ReadScope;
import dev.korescore.testkit.properties.KoreGenerators;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * {@code --skip-bad-records} on JSON Lines: for any records with k broken lines inserted at random places
 * (a line cut in half, garbage, a stray byte order mark, a value that is not an object), exactly the good
 * records are read, in order, and exactly k are reported skipped, each at its own line.
 */
class SkipBadRecordsProperties {

  /** A broken line, never containing a line break; {@code good} is a whole record's line to cut. */
  private static String broken(int kind, String good, SplittableRandom r, boolean first) {
    switch (kind) {
      case 0:
        return good.substring(0, 1 + r.nextInt(good.length() - 1));
      case 1:
        return "hello world";
      case 2:
        // stray brackets; not "}{": after a line cut just before its last brace, "}" would complete that
        // record across the two lines (valid JSON, read as a record), and no line here may mend another
        return "]{";
      case 3:
        return "NaN";
      case 4:
        return "<html><body>503</body></html>";
      case 5:
        return first ? "\"a string\"" : "\uFEFF" + good;
      case 6:
        return "42";
      case 7:
        return "null";
      case 8:
        return first ? "true" : "[1, 2, {\"conversationId\": \"c-in-an-array\"}]";
      case 9:
        return "{\"src\": \"a record without its id\"}";
      default:
        return "\uFEFF\uFEFF garbage";
    }
  }

  private record Case(List<Interaction> good, String text, List<Long> brokenLines) {}

  private static Gen<Case> cases() {
    return SourceDSL.lists().of(KoreGenerators.interactions()).ofSizeBetween(0, 6).zip(
        SourceDSL.integers().between(0, 8),
        SourceDSL.longs().all(),
        Generate.enumValues(KeyStyle.class),
        (good, k, seed, style) -> {
          SplittableRandom r = new SplittableRandom(seed);
          List<String> lines = new ArrayList<>(Io.jsonLines(good, style).lines().toList());
          String sample = lines.isEmpty() ? "{\"conversationId\":\"c-sample\",\"Metrics\":[]}" : lines.get(0);
          for (int i = 0; i < k; i++) {
            int kind = r.nextInt(11);
            // an array on the first line makes the input a JSON array: a bad array line comes after another line
            int at = kind == 8 && !lines.isEmpty() ? 1 + r.nextInt(lines.size()) : r.nextInt(lines.size() + 1);
            lines.add(at, "\u0000BROKEN" + broken(kind, sample, r, at == 0));
          }
          StringBuilder text = new StringBuilder();
          List<Long> brokenLines = new ArrayList<>();
          for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("\u0000BROKEN")) {
              brokenLines.add((long) i + 1);
              line = line.substring("\u0000BROKEN".length());
            }
            text.append(line).append(r.nextInt(4) == 0 ? "\r\n" : "\n");
          }
          return new Case(good, text.toString(), brokenLines);
        });
  }

  @Test
  void exactlyTheGoodRecordsAreReadAndEachBrokenLineIsCountedOnceAtItsLine() {
    qt().withExamples(150).forAll(cases()).checkAssert(c -> {
      for (ReadOptions options : List.of(ReadOptions.skippingBadRecords(),
          ReadOptions.skippingBadRecords().withScope(ReadScope.AUDIT))) {
        try (InteractionStream stream = Io.READER.open("day.jsonl",
            new ByteArrayInputStream(Io.utf8(c.text())), options)) {
          List<Interaction> read = new ArrayList<>();
          stream.forEachRemaining(read::add);

          assertThat(read).extracting(Interaction::conversationId)
              .as("records read from%n%s", c.text())
              .containsExactlyElementsOf(c.good().stream().map(Interaction::conversationId).toList());
          assertThat(stream.skipped().count()).as("skipped in%n%s", c.text()).isEqualTo(c.brokenLines().size());
          assertThat(stream.skipped().first()).extracting(e -> e.position().line())
              .as("lines of the skipped records in%n%s", c.text())
              .containsExactlyElementsOf(c.brokenLines());
          for (InteractionReadException e : stream.skipped().first()) {
            assertThat(e.getMessage()).startsWith("day.jsonl:").doesNotContain("Source:", "`", "Exception");
          }
        }
      }
    });
  }
}
