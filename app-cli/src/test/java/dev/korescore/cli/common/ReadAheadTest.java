package dev.korescore.cli.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.korescore.core.port.out.InteractionReadException;
import dev.korescore.core.port.out.SourcePosition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Reading ahead on a second thread gives what the source gives, in its order, failures in their place. */
class ReadAheadTest {

  private static List<Integer> numbers(int count) {
    return IntStream.range(0, count).boxed().toList();
  }

  /** A source made of its two methods. */
  private static Iterator<Integer> iterator(BooleanSupplier hasNext, Supplier<Integer> next) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return hasNext.getAsBoolean();
      }

      @Override
      public Integer next() {
        return next.get();
      }
    };
  }

  private static <T> List<T> drain(Iterator<T> it) {
    List<T> out = new ArrayList<>();
    while (it.hasNext()) {
      out.add(it.next());
    }
    return out;
  }

  @Test
  void everyElementArrivesInOrderWhateverTheBatchBoundaries() {
    for (int count : List.of(0, 1, ReadAhead.BATCH - 1, ReadAhead.BATCH, ReadAhead.BATCH * ReadAhead.BATCHES * 3 + 7)) {
      List<Integer> source = numbers(count);
      try (ReadAhead<Integer> ahead = ReadAhead.start(source.iterator())) {
        assertThat(drain(ahead)).as("%d elements", count).containsExactlyElementsOf(source);
        assertThat(ahead.hasNext()).isFalse();
        assertThatThrownBy(ahead::next).isInstanceOf(NoSuchElementException.class);
      }
    }
  }

  @Test
  void theSourceIsReadOnAnotherThreadAndIsFreeAgainAfterTheEnd() {
    AtomicReference<Thread> readBy = new AtomicReference<>();
    Iterator<Integer> inner = numbers(10).iterator();
    Iterator<Integer> source = iterator(() -> {
      readBy.set(Thread.currentThread());
      return inner.hasNext();
    }, inner::next);
    ReadAhead<Integer> ahead = ReadAhead.start(source);
    assertThat(drain(ahead)).hasSize(10);
    assertThat(readBy.get()).isNotSameAs(Thread.currentThread());
    assertThat(readBy.get().getName()).isEqualTo("korescore-read-ahead");
    ReadAhead.closeIfStarted(ahead);
    assertThat(readBy.get().isAlive()).as("the reading thread has left").isFalse();
  }

  @Test
  void aFailureOfTheSourceIsThrownAsItIsAfterTheElementsBeforeIt() {
    List<Integer> good = numbers(ReadAhead.BATCH + 10);
    InteractionReadException bad = new InteractionReadException(SourcePosition.of("in.jsonl", 139, 1),
        Optional.empty(), "malformed JSON");
    AtomicInteger at = new AtomicInteger();
    Iterator<Integer> source = iterator(() -> {
      if (at.get() == good.size()) {
        throw bad;
      }
      return true;
    }, () -> good.get(at.getAndIncrement()));
    try (ReadAhead<Integer> ahead = ReadAhead.start(source)) {
      List<Integer> read = new ArrayList<>();
      assertThatThrownBy(() -> {
        while (ahead.hasNext()) {
          read.add(ahead.next());
        }
      }).isSameAs(bad);
      assertThat(read).containsExactlyElementsOf(good);
      assertThat(ahead.hasNext()).as("ended by the failure").isFalse();
    }
  }

  @Test
  void anErrorOfTheSourceIsThrownAsItIs() {
    StackOverflowError deep = new StackOverflowError("nested too deep");
    Iterator<Integer> source = iterator(() -> {
      throw deep;
    }, () -> {
      throw new NoSuchElementException();
    });
    try (ReadAhead<Integer> ahead = ReadAhead.start(source)) {
      assertThatThrownBy(ahead::hasNext).isSameAs(deep);
    }
  }

  @Test
  void closingEarlyStopsTheReadingThreadAfterABoundedReadAhead() throws InterruptedException {
    AtomicInteger pulled = new AtomicInteger();
    Iterator<Integer> endless = iterator(() -> true, pulled::incrementAndGet);
    ReadAhead<Integer> ahead = ReadAhead.start(endless);
    assertThat(ahead.next()).isEqualTo(1);
    ahead.close();
    int after = pulled.get();
    Thread.sleep(50);
    assertThat(pulled.get()).as("nothing read after close").isEqualTo(after);
    assertThat(after).as("bounded read-ahead").isLessThanOrEqualTo((ReadAhead.BATCHES + 2) * ReadAhead.BATCH);
  }

  @Test
  void withOneProcessorTheSourceIsReadByTheCaller() {
    Iterator<Integer> source = numbers(3).iterator();
    Iterator<Integer> read = ReadAhead.of(source);
    if (Runtime.getRuntime().availableProcessors() > 1) {
      assertThat(read).isInstanceOf(ReadAhead.class);
      assertThat(drain(read)).containsExactly(0, 1, 2);
      ReadAhead.closeIfStarted(read);
    } else {
      assertThat(read).isSameAs(source);
    }
  }
}
