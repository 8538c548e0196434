package dev.korescore.adapters.http;

import java.time.Duration;

/** Waits; replaced in tests so that backoff is observed instead of slept. */
@FunctionalInterface
public interface Sleeper {
  /** The real one: {@link Thread#sleep}. */
  Sleeper SYSTEM = duration -> {
    if (!duration.isNegative() && !duration.isZero()) {
      Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
    }
  };

  /** Waits {@code duration}; an interrupt ends the wait with {@link InterruptedException}. */
  void sleep(Duration duration) throws InterruptedException;
}
