package dev.korescore.scoring;

import java.util.List;

/**
 * Scores in 20 buckets of 10 points: {@code [-100, -90)}, ..., {@code [80, 90)}, {@code [90, 100]}.
 * Scores outside [-100, 100] count in the nearest end bucket.
 *
 * @param counts 20 counts, lowest bucket first
 */
public record ScoreHistogram(List<Long> counts) {
  public static final int BUCKETS = 20;

  public ScoreHistogram {
    counts = List.copyOf(counts);
    if (counts.size() != BUCKETS) {
      throw new IllegalArgumentException("counts must have " + BUCKETS + " buckets, had " + counts.size());
    }
  }

  /** The bucket a score falls in. */
  public static int bucketOf(long score) {
    long index = Math.floorDiv(score + 100, 10);
    return (int) Math.max(0, Math.min(BUCKETS - 1, index));
  }

  /** The lowest score of bucket {@code index}. */
  public static int lowerBound(int index) {
    return -100 + 10 * index;
  }

  /** {@code "-100..-91"}, ..., {@code "90..100"}. */
  public static String label(int index) {
    int low = lowerBound(index);
    return low + ".." + (index == BUCKETS - 1 ? 100 : low + 9);
  }

  /** Every score counted, all buckets together. */
  public long total() {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    return total;
  }
}
