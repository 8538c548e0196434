package dev.korescore.core.fetch;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The body of one Raw Data request: a date range in the format the endpoint was told to expect, a
 * page and its size, and the optional filters.
 *
 * @param startDate the range's start, formatted (e.g. {@code 2024-07-18 00:00:00})
 * @param endDate the range's end, formatted
 * @param limit records per page ({@code > 0})
 * @param page the 1-based page
 * @param channels only these channels; none for every channel
 * @param queues only these queue ids; none for every queue
 */
public record RawDataQuery(
    String startDate, String endDate, int limit, int page, List<String> channels, List<String> queues) {
  public RawDataQuery {
    requireNonNull(startDate, "startDate");
    requireNonNull(endDate, "endDate");
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be > 0, was " + limit);
    }
    if (page <= 0) {
      throw new IllegalArgumentException("page must be > 0, was " + page);
    }
    channels = List.copyOf(channels);
    queues = List.copyOf(queues);
  }
}
