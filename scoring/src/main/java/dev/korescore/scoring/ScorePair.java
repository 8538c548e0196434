package dev.korescore.scoring;

/**
 * One cell of Kore's score against the recomputed score: how many scored interactions had this pair
 * of whole points. Scores outside [-100, 100] count at the edge, so an audit has at most 201 x 201
 * cells whatever its size.
 *
 * @param koreScore Kore's integer score, limited to [-100, 100]
 * @param recomputedScore the exact recomputed score rounded half to even to whole points, limited to [-100, 100]
 * @param count interactions with this pair ({@code > 0})
 * @param mismatches how many of them are a score or pass mismatch ({@code <= count})
 */
public record ScorePair(int koreScore, int recomputedScore, long count, long mismatches) {
  public ScorePair {
    inRange("koreScore", koreScore);
    inRange("recomputedScore", recomputedScore);
    if (count <= 0) {
      throw new IllegalArgumentException("count must be > 0, was " + count);
    }
    if (mismatches < 0 || mismatches > count) {
      throw new IllegalArgumentException("mismatches must be in [0, " + count + "], was " + mismatches);
    }
  }

  private static void inRange(String name, int score) {
    if (score < -100 || score > 100) {
      throw new IllegalArgumentException(name + " must be in [-100, 100], was " + score);
    }
  }
}
