package dev.korescore.adapters.http;

import dev.korescore.core.fetch.RawRecord;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** One decoded Raw Data response: its records as received and the envelope's paging fields. */
record Page(List<RawRecord> records, OptionalLong totalResults, OptionalInt totalPages, Optional<Boolean> hasMore) {
  Page {
    records = List.copyOf(records);
  }
}
