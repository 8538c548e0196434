package dev.korescore.testkit.simulator;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The faults a simulator will inject: a queue of one-shot faults (each served Raw Data request takes the
 * next one, in order) and standing faults applied to every request until {@link #clear()}. Thread-safe.
 *
 * <pre>{@code
 * sim.faults().next(Fault.status(429).retryAfter(Duration.ofSeconds(1)));  // the next request only
 * sim.faults().next(3, Fault.status(500));                                   // the 3 requests after it
 * sim.faults().always(Fault.latency(Duration.ofMillis(200)));               // every request
 * sim.faults().seed(7).sometimes(0.25, Fault.status(429))                   // a bad hour: a request without a
 *     .sometimes(0.15, Fault.status(500)).sometimes(0.15, Fault.truncatedBody()); // queued fault draws one
 * }</pre>
 *
 * <p>Random faults are exclusive: each request without a queued fault draws at most one of them, with
 * the given shares (which must add up to at most 1), from a seeded generator.
 */
public final class FaultPlan {
  private final ArrayDeque<Fault> queued = new ArrayDeque<>();
  private final List<Fault> standing = new ArrayList<>();
  private final List<Fault> random = new ArrayList<>();
  private final List<Double> shares = new ArrayList<>();
  private Random draw = new Random(1);

  FaultPlan() {}

  /** The next request gets {@code fault} (after any faults queued before it). */
  public synchronized FaultPlan next(Fault fault) {
    queued.addLast(requireNonNull(fault, "fault"));
    return this;
  }

  /** The next {@code times} requests get {@code fault}. */
  public synchronized FaultPlan next(int times, Fault fault) {
    if (times < 0) {
      throw new IllegalArgumentException("times must be >= 0, was " + times);
    }
    requireNonNull(fault, "fault");
    for (int i = 0; i < times; i++) {
      queued.addLast(fault);
    }
    return this;
  }

  /** Every request gets {@code fault}, until {@link #clear()}. */
  public synchronized FaultPlan always(Fault fault) {
    standing.add(requireNonNull(fault, "fault"));
    return this;
  }

  /**
   * A share of the requests without a queued fault get {@code fault}, drawn at random (exclusive with
   * the other random faults), until {@link #clear()}.
   */
  public synchronized FaultPlan sometimes(double share, Fault fault) {
    requireNonNull(fault, "fault");
    double total = shares.stream().mapToDouble(Double::doubleValue).sum() + share;
    if (!(share >= 0) || total > 1 + 1e-9) {
      throw new IllegalArgumentException("shares must be >= 0 and add up to at most 1, were " + shares + " and " + share);
    }
    random.add(fault);
    shares.add(share);
    return this;
  }

  /** Seeds the draw of {@link #sometimes} faults (default seed 1), so that a run can be repeated. */
  public synchronized FaultPlan seed(long seed) {
    draw = new Random(seed);
    return this;
  }

  /** Forgets every queued, standing and random fault. */
  public synchronized FaultPlan clear() {
    queued.clear();
    standing.clear();
    random.clear();
    shares.clear();
    return this;
  }

  /** How many one-shot faults are still queued. */
  public synchronized int pending() {
    return queued.size();
  }

  /** The faults for one request: the next queued one, if any, then the standing ones. */
  synchronized List<Fault> take() {
    List<Fault> faults = new ArrayList<>(standing.size() + 1);
    Fault head = queued.pollFirst();
    if (head != null) {
      faults.add(head);
    } else if (!random.isEmpty()) {
      double u = draw.nextDouble();
      double cumulative = 0;
      for (int i = 0; i < random.size(); i++) {
        cumulative += shares.get(i);
        if (u < cumulative) {
          faults.add(random.get(i));
          break;
        }
      }
    }
    faults.addAll(standing);
    return faults;
  }
}
