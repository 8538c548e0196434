package dev.korescore.cli.common;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a source on a second thread while the calling thread works on what it read: an audit's reading
 * (JSON decoding and mapping, about three quarters of its work) overlaps the scoring, the aggregation and
 * the rows. Measured in {@code bench/audit} (README there, "seventh session"): 200,000 interactions 15%
 * faster on an idle 2-core machine (7 interleaved rounds), at 3% more CPU; with the second core busy, no
 * faster and no slower, at 18% more CPU. With one processor there is no second core to use, and {@link
 * #of} returns the source itself.
 *
 * <p>What the calling thread sees is exactly what the source gives, in its order: its elements, then its
 * end or its failure, thrown by {@link #hasNext()} after the elements before it (the same exception
 * object, so its type, message and position are the source's). Memory stays flat: the reading thread
 * hands over batches of {@link #BATCH} elements through a queue of {@link #BATCHES}, so at most {@code
 * (BATCHES + 2) * BATCH} elements are in flight. The source is used by one thread at a time: the reading
 * thread until it hands over the end, and after {@link #close()} (which stops it and waits for it) the
 * caller again, e.g. to ask the source what it skipped and to close it.
 */
public final class ReadAhead<T> implements Iterator<T>, AutoCloseable {
  static final int BATCH = 128;
  static final int BATCHES = 4;
  /** How long {@link #close()} waits for a reading thread stuck in a read it cannot leave (standard input). */
  private static final long CLOSE_WAIT_MILLIS = 5_000;
  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCHES);
  private final Thread reader;
  private List<T> batch = List.of();
  private int at;
  private boolean ended;

  /** The source's failure, carried across to the calling thread. */
  private record Failure(Throwable thrown) {}

  private ReadAhead(Iterator<T> source) {
    reader = new Thread(() -> fill(source), "korescore-read-ahead");
    reader.setDaemon(true);
  }

  /**
   * {@code source}, read ahead on a second thread when the machine has more than one processor (close the
   * result to stop that thread early); otherwise {@code source} itself, read by the caller.
   */
  public static <T> Iterator<T> of(Iterator<T> source) {
    requireNonNull(source, "source");
    return Runtime.getRuntime().availableProcessors() > 1 ? start(source) : source;
  }

  /** Starts reading {@code source} on a second thread, whatever the number of processors. */
  static <T> ReadAhead<T> start(Iterator<T> source) {
    ReadAhead<T> ahead = new ReadAhead<>(requireNonNull(source, "source"));
    ahead.reader.start();
    return ahead;
  }

  /** Closes {@code iterator} if {@link #of} made it a {@code ReadAhead}; nothing otherwise. */
  public static void closeIfStarted(Iterator<?> iterator) {
    if (iterator instanceof ReadAhead<?> ahead) {
      ahead.close();
    }
  }

  private void fill(Iterator<T> source) {
    List<T> next = new ArrayList<>(BATCH);
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
      if (item == END || item instanceof Failure) {
        ended = true;
        batch = List.of();
        at = 0;
        if (item instanceof Failure failure) {
          if (failure.thrown() instanceof Error error) {
            throw error;
          }
          throw (RuntimeException) failure.thrown();
        }
        return false;
      }
      @SuppressWarnings("unchecked")
      List<T> elements = (List<T>) item;
      batch = elements;
      at = 0;
    }
    return true;
  }

  @Override
  public T next() {
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

  /**
   * Stops the reading thread if it has not finished, and waits for it to leave the source (at most a few
   * seconds, for a read that cannot be interrupted, such as one from standard input).
   */
  @Override
  public void close() {
    if (!reader.isAlive()) {
      return;
    }
    reader.interrupt();
    try {
      reader.join(CLOSE_WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
