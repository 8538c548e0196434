package dev.korescore.cli.fetch;

import static java.util.Objects.requireNonNull;

import dev.korescore.adapters.http.KoreDateFormat;
import java.time.Duration;

/**
 * How to fetch: page size (1..100), requests per minute (0: no limit), requests in flight, window
 * length, the page guard and the date format.
 */
public record FetchTuning(
    int pageSize, int ratePerMinute, int concurrency, Duration window, int maxPages, KoreDateFormat dateFormat) {
  public FetchTuning {
    requireNonNull(window, "window");
    requireNonNull(dateFormat, "dateFormat");
    if (pageSize < 1 || pageSize > 100) {
      throw new IllegalArgumentException("page size must be within 1..100, was " + pageSize);
    }
    if (ratePerMinute < 0) {
      throw new IllegalArgumentException("rate must be >= 0 requests per minute (0: no limit), was " + ratePerMinute);
    }
    if (concurrency < 1 || concurrency > 16) {
      throw new IllegalArgumentException("concurrency must be within 1..16, was " + concurrency);
    }
    if (window.getSeconds() < 1 || window.getNano() != 0) {
      throw new IllegalArgumentException("window must be whole seconds >= 1s, was " + window);
    }
    if (maxPages < 1) {
      throw new IllegalArgumentException("max pages must be >= 1, was " + maxPages);
    }
  }

  /** Kore's documented limits: 100 per page, 60 requests per minute, one at a time, one-day windows. */
  public static FetchTuning defaults() {
    return new FetchTuning(100, 60, 1, Duration.ofDays(1), 100, KoreDateFormat.SPACE);
  }

  public FetchTuning withRate(int newRatePerMinute) {
    return new FetchTuning(pageSize, newRatePerMinute, concurrency, window, maxPages, dateFormat);
  }

  public FetchTuning withConcurrency(int newConcurrency) {
    return new FetchTuning(pageSize, ratePerMinute, newConcurrency, window, maxPages, dateFormat);
  }

  public FetchTuning withPageSize(int newPageSize) {
    return new FetchTuning(newPageSize, ratePerMinute, concurrency, window, maxPages, dateFormat);
  }

  public FetchTuning withMaxPages(int newMaxPages) {
    return new FetchTuning(pageSize, ratePerMinute, concurrency, window, newMaxPages, dateFormat);
  }

  public FetchTuning withWindow(Duration newWindow) {
    return new FetchTuning(pageSize, ratePerMinute, concurrency, newWindow, maxPages, dateFormat);
  }
}
