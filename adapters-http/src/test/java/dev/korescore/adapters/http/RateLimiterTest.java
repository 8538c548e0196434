package dev.korescore.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final List<Long> sentAt = new ArrayList<>();

  /** A limiter on a fake clock whose sleeps advance the clock. */
  private RateLimiter limiter(int perMinute) {
    return RateLimiter.perMinute(perMinute, now::get, d -> now.addAndGet(d.toNanos()));
  }

  @Test
  void sixtyPerMinuteNeverPutsSixtyOneRequestsInAnyRollingMinute() throws Exception {
    RateLimiter limiter = limiter(60);
    for (int i = 0; i < 200; i++) {
      RateLimiter.Permit permit = limiter.acquire();
      sentAt.add(now.get());
      permit.release();
    }
    for (int i = 60; i < sentAt.size(); i++) {
      assertThat(sentAt.get(i) - sentAt.get(i - 60)).isGreaterThan(Duration.ofMinutes(1).toNanos());
    }
    long span = sentAt.get(sentAt.size() - 1) - sentAt.get(0);
    double perMinute = 199 / (span / 60e9);
    assertThat(perMinute).isGreaterThan(59.5).isLessThanOrEqualTo(60);
  }

  @Test
  void aRequestWaitsAMinuteAfterTheResponseOfTheRequestRateBeforeIt() throws Exception {
    RateLimiter limiter = limiter(3);
    RateLimiter.Permit first = limiter.acquire();
    long firstSent = now.get();
    now.addAndGet(Duration.ofSeconds(50).toNanos()); // a slow first response
    first.release();
    limiter.acquire().release();
    limiter.acquire().release();
    limiter.acquire().release();
    assertThat(now.get() - firstSent).isGreaterThanOrEqualTo(Duration.ofSeconds(110).toNanos());
  }

  @Test
  void aRequestStillInFlightHoldsBackTheOneRateAfterIt() throws Exception {
    RateLimiter limiter = limiter(2);
    RateLimiter.Permit first = limiter.acquire();
    limiter.acquire().release();
    Thread releaser = new Thread(() -> {
      while (now.get() < 1_000_000_000L + Duration.ofSeconds(200).toNanos()) {
        Thread.onSpinWait();
      }
      first.release();
    });
    releaser.start();
    long before = now.get();
    limiter.acquire().release();
    releaser.join();
    assertThat(now.get() - before).isGreaterThanOrEqualTo(Duration.ofSeconds(199).toNanos());
  }

  @Test
  void theFirstRequestGoesAtOnceAndIdleTimeIsNotBanked() throws Exception {
    RateLimiter limiter = limiter(60);
    limiter.acquire().release();
    assertThat(now.get()).isEqualTo(1_000_000_000L);
    now.addAndGet(Duration.ofMinutes(10).toNanos());
    long before = now.get();
    limiter.acquire().release();
    limiter.acquire().release();
    assertThat(now.get() - before).isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
  }

  @Test
  void aPauseHoldsEveryoneBackEvenWithoutALimit() throws Exception {
    RateLimiter limiter = RateLimiter.unlimited(now::get, d -> now.addAndGet(d.toNanos()));
    limiter.acquire().release();
    long before = now.get();
    limiter.pause(Duration.ofSeconds(30));
    limiter.acquire().release();
    assertThat(now.get() - before).isGreaterThanOrEqualTo(Duration.ofSeconds(30).toNanos());
  }

  @Test
  void theRateMustBePositive() {
    assertThatThrownBy(() -> RateLimiter.perMinute(0)).hasMessageContaining("0");
  }
}
