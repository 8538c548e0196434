package dev.korescore.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.korescore.core.model.Interaction;
import dev.korescore.core.port.out.InteractionReadException;
import dev.korescore.core.port.out.SourcePosition;
import dev.korescore.testkit.fixtures.Interactions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Reading ahead on a second thread gives what the source gives, in its order, failures in their place. */
class ReadAheadTest {

  private static List<Interaction> interactions(int count) {
    List<Interaction> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(Interactions.scored("c-" + i, 50, 50, true, List.of()));
    }
    return out;
  }

  private static List<Interaction> drain(Iterator<Interaction> it) {
    List<Interaction> out = new ArrayList<>();
    while (it.hasNext()) {
      out.add(it.next());
    }
    return out;
  }

  @Test
  void everyInteractionArrivesInOrderWhateverTheBatchBoundaries() {
    for (int count : List.of(0, 1, ReadAhead.BATCH - 1, ReadAhead.BATCH, ReadAhead.BATCH * 7 + 3)) {
      List<Interaction> source = interactions(count);
      try (ReadAhead ahead = ReadAhead.of(source.iterator())) {
        assertThat(drain(ahead)).as("%d interactions", count).containsExactlyElementsOf(source);
        assertThat(ahead.hasNext()).isFalse();
        assertThatThrownBy(ahead::next).isInstanceOf(NoSuchElementException.class);
      }
    }
  }

  @Test
  void aFailureOfTheSourceIsThrownAfterTheInteractionsBeforeIt() {
    List<Interaction> good = interactions(ReadAhead.BATCH + 10);
    InteractionReadException bad = new InteractionReadException(SourcePosition.of("in.jsonl", 267, 1),
        Optional.empty(), "malformed JSON");
    Iterator<Interaction> source = new Iterator<>() {
      int at;

      @Override
      public boolean hasNext() {
        if (at == good.size()) {
          throw bad;
        }
        return true;
      }

      @Override
      public Interaction next() {
        return good.get(at++);
      }
    };
    try (ReadAhead ahead = ReadAhead.of(source)) {
      List<Interaction> read = new ArrayList<>();
      assertThatThrownBy(() -> {
        while (ahead.hasNext()) {
          read.add(ahead.next());
        }
      }).isSameAs(bad);
      assertThat(read).containsExactlyElementsOf(good);
    }
  }

  @Test
  void closingEarlyStopsTheReadingThreadWithoutReadingEverything() throws InterruptedException {
    AtomicInteger pulled = new AtomicInteger();
    Interaction one = interactions(1).get(0);
    Iterator<Interaction> endless = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Interaction next() {
        pulled.incrementAndGet();
        return one;
      }
    };
    ReadAhead ahead = ReadAhead.of(endless);
    assertThat(ahead.next()).isSameAs(one);
    ahead.close();
    int after = pulled.get();
    Thread.sleep(50);
    assertThat(pulled.get()).as("nothing read after close").isEqualTo(after);
    assertThat(after).as("bounded read-ahead").isLessThanOrEqualTo((ReadAhead.BATCHES + 3) * ReadAhead.BATCH);
  }
}
