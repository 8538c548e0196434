package dev.korescore.adapters.http;

import dev.korescore.core.fetch.RawRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One decoded Raw Data response: its records as received, each record's conversation start time when
 * it has a readable one (same order), and the envelope's paging fields.
 */
record Page(
    List<RawRecord> records,
    List<Optional<Instant>> startTimes,
    OptionalLong totalResults,
    OptionalInt totalPages,
    Optional<Boolean> hasMore) {
  Page {
    records = List.copyOf(records);
    startTimes = List.copyOf(startTimes);
    if (startTimes.size() != records.size()) {
      throw new IllegalArgumentException(
          "one start time per record, were " + startTimes.size() + " for " + records.size() + " records");
    }
  }

  /** A page whose records' start times are unknown. */
  Page(List<RawRecord> records, OptionalLong totalResults, OptionalInt totalPages, Optional<Boolean> hasMore) {
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
