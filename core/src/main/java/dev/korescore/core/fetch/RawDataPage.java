package dev.korescore.core.fetch;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One decoded Raw Data response: its records as received, each record's conversation start time when it
 * has a readable one (same order), and the envelope's paging fields.
 *
 * @param records the page's records, each exactly as received
 * @param startTimes each record's conversation start time, when readable (one per record)
 * @param totalResults the envelope's {@code totalResults}, when given
 * @param totalPages the envelope's {@code totalPages}, when given
 * @param hasMore the envelope's {@code hasMore}, when given
 */
public record RawDataPage(
    List<RawRecord> records,
    List<Optional<Instant>> startTimes,
    OptionalLong totalResults,
    OptionalInt totalPages,
    Optional<Boolean> hasMore) {
  /** Validates: one start time per record. */
  public RawDataPage {
    records = List.copyOf(records);
    startTimes = List.copyOf(startTimes);
    if (startTimes.size() != records.size()) {
      throw new IllegalArgumentException(
          "one start time per record, were " + startTimes.size() + " for " + records.size() + " records");
    }
    requireNonNull(totalResults, "totalResults");
    requireNonNull(totalPages, "totalPages");
    requireNonNull(hasMore, "hasMore");
  }

  /** A page whose records' start times are unknown. */
  public RawDataPage(
      List<RawRecord> records, OptionalLong totalResults, OptionalInt totalPages, Optional<Boolean> hasMore) {
    this(records, unknown(records.size()), totalResults, totalPages, hasMore);
  }

  private static List<Optional<Instant>> unknown(int size) {
    List<Optional<Instant>> times = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      times.add(Optional.empty());
    }
    return times;
  }
}
