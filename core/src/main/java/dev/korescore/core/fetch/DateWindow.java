package dev.korescore.core.fetch;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A time range asked of Kore: {@code start} inclusive to {@code end}, both UTC instants at whole
 * seconds (Kore's default date format has no fractions), {@code start < end}.
 */
public record DateWindow(Instant start, Instant end) implements Comparable<DateWindow> {
  public DateWindow {
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    if (start.getNano() != 0 || end.getNano() != 0) {
      throw new IllegalArgumentException(
          "window bounds must be whole seconds, were " + start + " and " + end);
    }
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("window start must be before end, were " + start + " and " + end);
    }
  }

  /** The window from {@code start} to {@code end}, both truncated to whole seconds. */
  public static DateWindow of(Instant start, Instant end) {
    return new DateWindow(start.truncatedTo(ChronoUnit.SECONDS), end.truncatedTo(ChronoUnit.SECONDS));
  }

  /** {@code "2024-07-18T00:00:00Z/2024-07-19T00:00:00Z"}, the inverse of {@link #parse}. */
  @Override
  public String toString() {
    return start + "/" + end;
  }

  /** Parses {@link #toString()}'s form. */
  public static DateWindow parse(String text) {
    int slash = requireNonNull(text, "text").indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("window must be START/END, was '" + text + "'");
    }
    return new DateWindow(Instant.parse(text.substring(0, slash)), Instant.parse(text.substring(slash + 1)));
  }

  /** The window's length, {@code end - start}. */
  public Duration length() {
    return Duration.between(start, end);
  }

  /**
   * Consecutive windows of at most {@code size} (whole seconds, at least one) covering this one; the
   * last may be shorter.
   */
  public List<DateWindow> split(Duration size) {
    requireNonNull(size, "size");
    if (size.getSeconds() < 1 || size.getNano() != 0) {
      throw new IllegalArgumentException("window size must be whole seconds >= 1s, was " + size);
    }
    List<DateWindow> windows = new ArrayList<>();
    Instant from = start;
    while (from.isBefore(end)) {
      Instant to = from.plus(size);
      if (to.isAfter(end)) {
        to = end;
      }
      windows.add(new DateWindow(from, to));
      from = to;
    }
    return List.copyOf(windows);
  }

  /** The two halves (split at a whole second), or empty when the window is one second long. */
  public Optional<List<DateWindow>> bisect() {
    long seconds = length().getSeconds();
    if (seconds < 2) {
      return Optional.empty();
    }
    Instant middle = start.plusSeconds(seconds / 2);
    return Optional.of(List.of(new DateWindow(start, middle), new DateWindow(middle, end)));
  }

  @Override
  public int compareTo(DateWindow other) {
    int byStart = start.compareTo(other.start);
    return byStart != 0 ? byStart : end.compareTo(other.end);
  }
}
