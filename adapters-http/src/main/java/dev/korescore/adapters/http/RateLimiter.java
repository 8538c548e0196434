package dev.korescore.adapters.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * The account's request limiter: at most {@code rate} requests in any rolling minute, as the server
 * counts them. Two rules together:
 *
 * <ul>
 *   <li>smoothing: requests are spaced at least {@code 60 s / rate} apart, plus a 0.5% margin (a token
 *       bucket holding one token), so the rate is sustained without bursts;
 *   <li>a rolling-window guard: request {@code k} is not sent before 60 s after the <em>response</em> to
 *       every request up to {@code k - rate} has arrived. A request reaches the server after it is sent
 *       and before its response arrives, so however late a request travels (a slow first connection, a
 *       paused thread), the server never sees {@code rate + 1} requests within a minute.
 * </ul>
 *
 * Share one instance between every client of the same Kore account: Kore's limit is per account.
 * Thread-safe.
 */
public final class RateLimiter {
  private static final double MARGIN = 1.005;
  private static final long WINDOW = Duration.ofMinutes(1).plusMillis(5).toNanos();
  private static final Duration POLL = Duration.ofMillis(5);

  private final int rate;
  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private final ArrayDeque<Permit> recent = new ArrayDeque<>();
  private long nextFree;
  private long releasedFloor;
  private boolean started;
  private boolean anyReleased;

  RateLimiter(int rate, long intervalNanos, LongSupplier nanoTime, Sleeper sleeper) {
    this.rate = rate;
    this.intervalNanos = intervalNanos;
    this.nanoTime = requireNonNull(nanoTime, "nanoTime");
    this.sleeper = requireNonNull(sleeper, "sleeper");
  }

  /** At most {@code requestsPerMinute} requests in any rolling minute (Kore: 60). */
  public static RateLimiter perMinute(int requestsPerMinute) {
    return perMinute(requestsPerMinute, System::nanoTime, Sleeper.SYSTEM);
  }

  static RateLimiter perMinute(int requestsPerMinute, LongSupplier nanoTime, Sleeper sleeper) {
    if (requestsPerMinute < 1) {
      throw new IllegalArgumentException("requestsPerMinute must be >= 1, was " + requestsPerMinute);
    }
    return new RateLimiter(requestsPerMinute, (long) Math.ceil(60e9 / requestsPerMinute * MARGIN), nanoTime, sleeper);
  }

  /** No limit (for a simulator or a test); {@link #pause} still holds requests back. */
  public static RateLimiter unlimited() {
    return unlimited(System::nanoTime, Sleeper.SYSTEM);
  }

  static RateLimiter unlimited(LongSupplier nanoTime, Sleeper sleeper) {
    return new RateLimiter(0, 0, nanoTime, sleeper);
  }

  /** The spacing between two requests. */
  public Duration interval() {
    return Duration.ofNanos(intervalNanos);
  }

  /** One request's place; {@link #release()} it once the response has arrived or the attempt failed. */
  public final class Permit implements AutoCloseable {
    private boolean released;
    private long releasedAt;

    private Permit() {}

    /** The response is in (or the attempt failed): idempotent. */
    public void release() {
      synchronized (RateLimiter.this) {
        if (!released) {
          released = true;
          releasedAt = nanoTime.getAsLong();
        }
      }
    }

    @Override
    public void close() {
      release();
    }
  }

  /** Blocks until the next request may be sent; release the returned permit when its response is in. */
  public Permit acquire() throws InterruptedException {
    while (true) {
      Permit permit = null;
      long wait;
      synchronized (this) {
        long now = nanoTime.getAsLong();
        long slot = !started || now - nextFree > 0 ? now : nextFree;
        boolean blocked = false;
        if (rate > 0 && recent.size() >= rate) {
          Permit oldest = recent.peekFirst();
          if (!oldest.released) {
            blocked = true;
          } else {
            long floor = anyReleased && releasedFloor - oldest.releasedAt > 0 ? releasedFloor : oldest.releasedAt;
            releasedFloor = floor;
            anyReleased = true;
            recent.pollFirst();
          }
        }
        if (anyReleased && releasedFloor + WINDOW - slot > 0) {
          slot = releasedFloor + WINDOW;
        }
        if (blocked) {
          wait = -1;
        } else {
          started = true;
          nextFree = slot + intervalNanos;
          permit = new Permit();
          if (rate > 0) {
            recent.addLast(permit);
          }
          wait = slot - now;
        }
      }
      if (permit != null) {
        if (wait > 0) {
          sleeper.sleep(Duration.ofNanos(wait));
        }
        return permit;
      }
      sleeper.sleep(POLL);
    }
  }

  /** Holds every request back for {@code wait} from now (the server said it is throttling). */
  public void pause(Duration wait) {
    long now = nanoTime.getAsLong();
    synchronized (this) {
      long until = now + wait.toNanos();
      if (!started || until - nextFree > 0) {
        nextFree = until;
        started = true;
      }
    }
  }

  @Override
  public String toString() {
    return rate == 0 ? "RateLimiter[unlimited]" : "RateLimiter[" + rate + "/min, interval=" + interval() + "]";
  }
}
