package dev.korescore.adapters.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * When and how long to retry a Raw Data request: on 429 (or an error that mentions the rate limit),
 * 5xx, connection failures and truncated bodies; exponential backoff with full jitter (a random wait
 * in {@code [0, min(maxDelay, baseDelay x 2^(attempt-1))]}), a server's {@code Retry-After} honoured up
 * to {@code retryAfterCap}.
 *
 * <p>The run's retry budget grows with the work: it starts at {@code budget} and every page fetched
 * successfully earns two more retries, so a long fetch through a bad hour is not cut short by a fixed
 * count, while a server that fails twice as often as it answers still exhausts it. A request that gives
 * up says how many attempts it made over how long.
 *
 * @param maxAttempts attempts per request, the first included (>= 1)
 * @param baseDelay the first backoff's upper bound
 * @param maxDelay the largest backoff
 * @param retryAfterCap the longest {@code Retry-After} obeyed; longer ones are cut to this
 * @param budget retries allowed in one fetch before it has earned any, all requests together (>= 0);
 *     each page fetched adds two
 * @param totalTimeout the longest one request may take, all attempts and waits included
 */
public record RetryPolicy(
    int maxAttempts, Duration baseDelay, Duration maxDelay, Duration retryAfterCap, int budget, Duration totalTimeout) {
  public RetryPolicy {
    requireNonNull(baseDelay, "baseDelay");
    requireNonNull(maxDelay, "maxDelay");
    requireNonNull(retryAfterCap, "retryAfterCap");
    requireNonNull(totalTimeout, "totalTimeout");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
    }
    if (budget < 0) {
      throw new IllegalArgumentException("budget must be >= 0, was " + budget);
    }
    if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay, were " + baseDelay + " and " + maxDelay);
    }
    if (retryAfterCap.isNegative() || totalTimeout.isNegative() || totalTimeout.isZero()) {
      throw new IllegalArgumentException(
          "retryAfterCap must be >= 0 and totalTimeout > 0, were " + retryAfterCap + " and " + totalTimeout);
    }
  }

  /** Default attempts per request. */
  public static final int DEFAULT_MAX_ATTEMPTS = 20;
  /** Default retries per run before any page has earned more. */
  public static final int DEFAULT_BUDGET = 100;

  /**
   * 20 attempts per request, backoff 1 s doubling up to 30 s, Retry-After obeyed up to 2 min, a budget
   * of 100 retries plus one per page fetched, 30 min per request. With these, a fetch through a bad hour
   * at Kore (25% 429, 15% 500 and 15% truncated bodies) completes in one run: a page fails all 20
   * attempts with a chance of 0.46^20, about 1 in 6 million.
   */
  public static RetryPolicy defaults() {
    return new RetryPolicy(DEFAULT_MAX_ATTEMPTS, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(2),
        DEFAULT_BUDGET, Duration.ofMinutes(30));
  }

  /** Never retry (a 401 is still retried once with a fresh token). */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0, Duration.ofMinutes(5));
  }

  /** A copy with another number of attempts per request, the first included. */
  public RetryPolicy withMaxAttempts(int newMaxAttempts) {
    return new RetryPolicy(newMaxAttempts, baseDelay, maxDelay, retryAfterCap, budget, totalTimeout);
  }

  /** A copy with other backoff bounds. */
  public RetryPolicy withDelays(Duration newBaseDelay, Duration newMaxDelay) {
    return new RetryPolicy(maxAttempts, newBaseDelay, newMaxDelay, retryAfterCap, budget, totalTimeout);
  }

  /**
   * The longest single wait between two attempts, backoff and {@code Retry-After} alike (the backoff's
   * first step is cut to it too).
   */
  public RetryPolicy withMaxWait(Duration maxWait) {
    requireNonNull(maxWait, "maxWait");
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("maxWait must be >= 0, was " + maxWait);
    }
    Duration base = baseDelay.compareTo(maxWait) > 0 ? maxWait : baseDelay;
    return new RetryPolicy(maxAttempts, base, maxWait, maxWait, budget, totalTimeout);
  }

  /** A copy that obeys {@code Retry-After} up to {@code newCap}. */
  public RetryPolicy withRetryAfterCap(Duration newCap) {
    return new RetryPolicy(maxAttempts, baseDelay, maxDelay, newCap, budget, totalTimeout);
  }

  /** A copy with another number of retries allowed in one fetch. */
  public RetryPolicy withBudget(int newBudget) {
    return new RetryPolicy(maxAttempts, baseDelay, maxDelay, retryAfterCap, newBudget, totalTimeout);
  }

  /** A copy with another limit on one request's time, all attempts and waits included. */
  public RetryPolicy withTotalTimeout(Duration newTotalTimeout) {
    return new RetryPolicy(maxAttempts, baseDelay, maxDelay, retryAfterCap, budget, newTotalTimeout);
  }

  /** The upper bound of the backoff before attempt {@code attempt + 1}. */
  Duration backoffCeiling(int attempt) {
    int shift = Math.min(Math.max(attempt - 1, 0), 30);
    Duration ceiling = baseDelay.multipliedBy(1L << shift);
    return ceiling.compareTo(maxDelay) > 0 || ceiling.isNegative() ? maxDelay : ceiling;
  }
}
