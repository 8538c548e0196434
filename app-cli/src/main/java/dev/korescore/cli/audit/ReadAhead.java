package dev.korescore.cli.audit;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.model.Interaction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads interactions on a second thread while the calling thread audits and writes: the reading (JSON
 * decoding and mapping, about 60% of an audit's time) overlaps the scoring and the rows. The reading
 * thread hands over batches through a small bounded queue, so memory stays flat (at most {@link
 * #BATCHES} + 2 batches of {@link #BATCH} interactions in flight). Everything the source does arrives in
 * its order: its interactions, then its end or its failure, thrown by {@link #hasNext()} on the calling
 * thread after the interactions before it, exactly as the source would have thrown it.
 */
final class ReadAhead implements Iterator<Interaction>, AutoCloseable {
  static final int BATCH = 256;
  static final int BATCHES = 4;
  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCHES);
  private final Thread reader;
  private List<Interaction> batch = List.of();
  private int at;
  private boolean ended;

  /** The source's failure, carried across. */
  private record Failure(Throwable thrown) {}

  private ReadAhead(Iterator<Interaction> source) {
    reader = new Thread(() -> fill(source), "korescore-read-ahead");
    reader.setDaemon(true);
  }

  /** Starts reading {@code source} on a second thread; close it to stop that thread early. */
  static ReadAhead of(Iterator<Interaction> source) {
    ReadAhead ahead = new ReadAhead(requireNonNull(source, "source"));
    ahead.reader.start();
    return ahead;
  }

  private void fill(Iterator<Interaction> source) {
    List<Interaction> next = new ArrayList<>(BATCH);
    try {
      Object last;
      try {
        while (source.hasNext()) {
          next.add(source.next());
          if (next.size() == BATCH) {
            queue.put(next);
            next = new ArrayList<>(BATCH);
          }
        }
        last = END;
      } catch (RuntimeException | Error e) {
        last = new Failure(e);
      }
      if (!next.isEmpty()) {
        queue.put(next);
      }
      queue.put(last);
    } catch (InterruptedException e) {
      // closed early: stop reading
    }
  }

  @Override
  public boolean hasNext() {
    while (at == batch.size()) {
      if (ended) {
        return false;
      }
      Object item = take();
      if (item == END) {
        ended = true;
        return false;
      }
      if (item instanceof Failure failure) {
        ended = true;
        batch = List.of();
        at = 0;
        if (failure.thrown() instanceof Error error) {
          throw error;
        }
        throw (RuntimeException) failure.thrown();
      }
      @SuppressWarnings("unchecked")
      List<Interaction> interactions = (List<Interaction>) item;
      batch = interactions;
      at = 0;
    }
    return true;
  }

  @Override
  public Interaction next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return batch.get(at++);
  }

  private Object take() {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading ahead", e);
    }
  }

  /** Stops the reading thread if it has not finished, and waits (briefly) for it to leave the source. */
  @Override
  public void close() {
    if (reader.isAlive()) {
      reader.interrupt();
      try {
        reader.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
