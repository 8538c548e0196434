package dev.korescore.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * How far a change moved scores: interactions whose score did not move, and the others by the shift
 * (after - before) rounded down to a whole point, from {@value #LOWEST} to {@value #HIGHEST} (shifts
 * beyond count at the ends).
 *
 * @param unchanged interactions whose score is exactly the same after the change
 * @param byPoint interactions whose score moved, by the shift rounded down; index 0 is {@value #LOWEST}
 */
public record ScoreShifts(long unchanged, List<Long> byPoint) {
  public static final int LOWEST = -200;
  public static final int HIGHEST = 200;
  static final int SIZE = HIGHEST - LOWEST + 1;

  /** A range of shifts for a summary: {@code [from, to)} in whole points, labelled. */
  public record Bin(String label, int from, int to, long count) {}

  private static final int[] EDGES = {-50, -20, -10, -5, -1, 0, 1, 5, 10, 20, 50};

  public ScoreShifts {
    if (unchanged < 0) {
      throw new IllegalArgumentException("unchanged must be >= 0, was " + unchanged);
    }
    byPoint = List.copyOf(byPoint);
    if (byPoint.size() != SIZE) {
      throw new IllegalArgumentException("byPoint must have " + SIZE + " entries, had " + byPoint.size());
    }
  }

  /** The index of a shift rounded down to {@code floor}. */
  static int indexOf(long floor) {
    return (int) (Math.max(LOWEST, Math.min(HIGHEST, floor)) - LOWEST);
  }

  /** Interactions whose score moved. */
  public long moved() {
    long total = 0;
    for (long c : byPoint) {
      total += c;
    }
    return total;
  }

  /** Interactions whose shift, rounded down, is in {@code [from, to)}. */
  public long count(int from, int to) {
    long total = 0;
    for (int p = Math.max(from, LOWEST); p < Math.min(to, HIGHEST + 1); p++) {
      total += byPoint.get(p - LOWEST);
    }
    return total;
  }

  /**
   * The shifts in thirteen ranges, lowest first: below -50, -50 to -20, -20 to -10, -10 to -5, -5 to
   * -1, -1 to 0 (below 0), unchanged, 0 to 1 (above 0), 1 to 5, 5 to 10, 10 to 20, 20 to 50, 50 or
   * more. A range {@code a to b} holds shifts from {@code a} up to but not including {@code b}.
   */
  public List<Bin> bins() {
    List<Bin> bins = new ArrayList<>(EDGES.length + 2);
    int from = LOWEST;
    for (int edge : EDGES) {
      if (edge == 1) {
        bins.add(new Bin("unchanged", 0, 0, unchanged));
      }
      bins.add(new Bin(label(from, edge), from, edge, count(from, edge)));
      from = edge;
    }
    bins.add(new Bin("50 or more", 50, HIGHEST + 1, count(50, HIGHEST + 1)));
    return List.copyOf(bins);
  }

  private static String label(int from, int to) {
    if (from == LOWEST) {
      return "below " + to;
    }
    if (to == 0) {
      return from + " to 0 (below 0)";
    }
    return from == 0 ? "0 to " + to + " (above 0)" : from + " to " + to;
  }
}
