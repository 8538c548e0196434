package dev.korescore.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.korescore.core.fetch.RawRecord;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.port.out.InteractionStream;
import dev.korescore.core.port.out.ReadOptions;
import dev.korescore.core.port.out.ReadScope;
import dev.korescore.testkit.properties.KoreGenerators;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * Fetched records are mapped exactly as the lines of a JSON Lines file holding them: for any records in
 * any key style and either read scope, the same interactions; a failure of the records' source is thrown
 * as it is, not as a read error.
 */
class FetchedRecordsProperties {
  private final JacksonInteractionReaderAdapter reader = JacksonInteractionReaderAdapter.create();

  private static List<Interaction> all(InteractionStream in) {
    try (in) {
      List<Interaction> out = new ArrayList<>();
      in.forEachRemaining(out::add);
      return out;
    }
  }

  @Test
  void fetchedRecordsReadAsTheLinesOfAFile() {
    qt().withExamples(60)
        .forAll(SourceDSL.lists().of(KoreGenerators.interactions()).ofSizeBetween(0, 6),
            Generate.enumValues(KeyStyle.class), Generate.enumValues(ReadScope.class))
        .checkAssert((interactions, style, scope) -> {
          String text = Io.jsonLines(interactions, style);
          List<RawRecord> records = new ArrayList<>();
          for (int i = 0; i < interactions.size(); i++) {
            records.add(RawRecord.of(interactions.get(i).conversationId().value(), text.lines().toList().get(i)));
          }
          ReadOptions options = ReadOptions.strict().withScope(scope);
          List<Interaction> fromFile = all(reader.open("f.jsonl",
              new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), options));
          assertThat(all(reader.open("kore", records.iterator(), options))).isEqualTo(fromFile);
        });
  }

  @Test
  void aFailureOfTheRecordsIsThrownAsItIs() {
    IllegalStateException failure = new IllegalStateException("the fetch failed");
    for (ReadOptions options : List.of(ReadOptions.strict(), ReadOptions.skippingBadRecords())) {
      InteractionStream in = reader.open("kore", failingAfterOne(failure), options);
      assertThat(in.hasNext()).isTrue();
      assertThat(in.next().conversationId().value()).isEqualTo("c-1");
      assertThatThrownBy(in::hasNext).isSameAs(failure);
    }
    Iterator<RawRecord> failingAtOnce = new Iterator<>() {
      @Override
      public boolean hasNext() {
        throw failure;
      }

      @Override
      public RawRecord next() {
        throw failure;
      }
    };
    assertThatThrownBy(() -> all(reader.open("kore", failingAtOnce, ReadOptions.strict()))).isSameAs(failure);
  }

  private static Iterator<RawRecord> failingAfterOne(RuntimeException failure) {
    return new Iterator<>() {
      int served;

      @Override
      public boolean hasNext() {
        if (served == 1) {
          throw failure;
        }
        return true;
      }

      @Override
      public RawRecord next() {
        served++;
        return RawRecord.of("c-1", "{\"conversationId\":\"c-1\",\"Metrics\":[]}");
      }
    };
  }
}
