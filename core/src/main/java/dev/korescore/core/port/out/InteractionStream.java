package dev.korescore.core.port.out;

import dev.korescore.core.model.Interaction;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Interactions read lazily from one input, one at a time: memory does not grow with the input. {@link
 * #next()} throws {@link InteractionReadException} for a bad record unless the reader skips them.
 * Close it to release the input.
 */
public interface InteractionStream extends Iterator<Interaction>, AutoCloseable {

  /** Records skipped so far because they could not be mapped (always empty in strict mode). */
  SkippedRecords skipped();

  @Override
  void close();

  /** This stream as a sequential {@link Stream}; closing the stream closes this. */
  default Stream<Interaction> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(this::close);
  }

  /**
   * What was skipped: the count, and the first few errors with their places.
   *
   * @param count how many records were skipped
   * @param first the first errors, at most {@link #KEPT}
   */
  record SkippedRecords(long count, List<InteractionReadException> first) {
    public static final int KEPT = 100;

    public SkippedRecords {
      if (count < 0) {
        throw new IllegalArgumentException("count must be >= 0, was " + count);
      }
      first = List.copyOf(first);
    }

    /** Nothing skipped. */
    public static SkippedRecords none() {
      return new SkippedRecords(0, List.of());
    }
  }
}
