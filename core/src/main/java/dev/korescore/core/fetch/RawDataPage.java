package dev.korescore.core.fetch;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One decoded Raw Data response: its records as received and the envelope's paging fields.
 *
 * @param records the page's records, each exactly as received
 * @param totalResults the envelope's {@code totalResults}, when given
 * @param totalPages the envelope's {@code totalPages}, when given
 * @param hasMore the envelope's {@code hasMore}, when given
 */
public record RawDataPage(
    List<RawRecord> records, OptionalLong totalResults, OptionalInt totalPages, Optional<Boolean> hasMore) {
  public RawDataPage {
    records = List.copyOf(records);
    requireNonNull(totalResults, "totalResults");
    requireNonNull(totalPages, "totalPages");
    requireNonNull(hasMore, "hasMore");
  }
}
