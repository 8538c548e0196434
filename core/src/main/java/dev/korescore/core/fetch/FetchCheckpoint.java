package dev.korescore.core.fetch;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How far a download got: which job it is, how many bytes of its output are durable, and the ledgers
 * of the windows finished. A resumed download continues from here, only for the same job.
 *
 * @param job what is being downloaded
 * @param outputBytes the length of the output when the last window finished; bytes after it are a
 *     window's partial output
 * @param windows the ledgers of the finished windows, in the order they finished
 */
public record FetchCheckpoint(Job job, long outputBytes, List<WindowLedger> windows) {
  public FetchCheckpoint {
    requireNonNull(job, "job");
    if (outputBytes < 0) {
      throw new IllegalArgumentException("outputBytes must be >= 0, was " + outputBytes);
    }
    windows = List.copyOf(windows);
  }

  /**
   * What a download fetches: two jobs are the same when every field is.
   *
   * @param endpoint the endpoint's URL
   * @param windows every window of the range, in order
   * @param channels the channel filter
   * @param queues the queue filter
   */
  public record Job(String endpoint, List<DateWindow> windows, List<String> channels, List<String> queues) {
    public Job {
      requireNonNull(endpoint, "endpoint");
      windows = List.copyOf(windows);
      channels = List.copyOf(channels);
      queues = List.copyOf(queues);
    }
  }
}
