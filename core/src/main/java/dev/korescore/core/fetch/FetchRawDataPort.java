package dev.korescore.core.fetch;

/** Fetches Kore Raw Data records for a range of dates: the outbound port of {@code fetch} and {@code audit --from}. */
public interface FetchRawDataPort {

  /**
   * Starts fetching {@code request}'s windows in order; nothing is requested before the first {@code
   * hasNext()}.
   */
  RawRecordStream fetch(FetchRequest request, FetchListener listener);

  /** {@link #fetch(FetchRequest, FetchListener)} without a listener. */
  default RawRecordStream fetch(FetchRequest request) {
    return fetch(request, FetchListener.NONE);
  }
}
