package dev.korescore.core.fetch;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What to fetch: the windows to ask for, in order (usually {@link #of} a range split into days;
 * a resumed run leaves out the windows already done), and the channel and queue filters (empty: all).
 */
public record FetchRequest(List<DateWindow> windows, List<String> channels, List<String> queues) {
  /** One day, Kore's natural reporting unit. */
  public static final Duration DEFAULT_WINDOW = Duration.ofDays(1);

  public FetchRequest {
    windows = List.copyOf(requireNonNull(windows, "windows"));
    channels = List.copyOf(requireNonNull(channels, "channels"));
    queues = List.copyOf(requireNonNull(queues, "queues"));
    for (int i = 1; i < windows.size(); i++) {
      if (windows.get(i).start().isBefore(windows.get(i - 1).end())) {
        throw new IllegalArgumentException(
            "windows must be ordered and disjoint, were " + windows.get(i - 1) + " then " + windows.get(i));
      }
    }
    for (String channel : channels) {
      if (channel.isBlank()) {
        throw new IllegalArgumentException("channels must not be blank, were " + channels);
      }
    }
    for (String queue : queues) {
      if (queue.isBlank()) {
        throw new IllegalArgumentException("queues must not be blank, were " + queues);
      }
    }
  }

  /** {@code from} to {@code to} (truncated to seconds) in windows of {@code windowSize}, no filter. */
  public static FetchRequest of(Instant from, Instant to, Duration windowSize) {
    return new FetchRequest(DateWindow.of(from, to).split(windowSize), List.of(), List.of());
  }

  /** {@code from} to {@code to} in windows of one day, no filter. */
  public static FetchRequest of(Instant from, Instant to) {
    return of(from, to, DEFAULT_WINDOW);
  }

  /** A copy that asks only for these channels ({@code channel[]}); empty for every channel. */
  public FetchRequest withChannels(List<String> newChannels) {
    return new FetchRequest(windows, newChannels, queues);
  }

  /** A copy that asks only for these queues ({@code queues[]}, ids or names); empty for every queue. */
  public FetchRequest withQueues(List<String> newQueues) {
    return new FetchRequest(windows, channels, newQueues);
  }

  /** The same filters over the given windows (for a resumed run). */
  public FetchRequest withWindows(List<DateWindow> newWindows) {
    return new FetchRequest(newWindows, channels, queues);
  }
}
