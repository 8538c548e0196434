package dev.korescore.testkit.simulator;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The faults a simulator will inject: a queue of one-shot faults (each served Raw Data request takes the
 * next one, in order) and standing faults applied to every request until {@link #clear()}. Thread-safe.
 *
 * <pre>{@code
 * sim.faults().next(Fault.status(429).retryAfter(Duration.ofSeconds(1)));  // the next request only
 * sim.faults().next(3, Fault.status(500));                                   // the 3 requests after it
 * sim.faults().always(Fault.latency(Duration.ofMillis(200)));               // every request
 * }</pre>
 */
public final class FaultPlan {
  private final ArrayDeque<Fault> queued = new ArrayDeque<>();
  private final List<Fault> standing = new ArrayList<>();

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

  /** Forgets every queued and standing fault. */
  public synchronized FaultPlan clear() {
    queued.clear();
    standing.clear();
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
    }
    faults.addAll(standing);
    return faults;
  }
}
