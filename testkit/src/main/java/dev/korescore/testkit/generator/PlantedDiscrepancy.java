package dev.korescore.testkit.generator;

import static java.util.Objects.requireNonNull;

/**
 * A mistake the generator put into a record on purpose, with the truth: what Kore reports in the record,
 * and what Kore's documented rules ({@link KoreRules}) give.
 *
 * @param kind which value is wrong
 * @param reportedScore the score written in the record
 * @param reportedPassed the pass flag written in the record
 * @param correctScore the score the metrics give
 * @param correctPassed the pass flag the correct score gives
 */
public record PlantedDiscrepancy(
    Kind kind, int reportedScore, boolean reportedPassed, int correctScore, boolean correctPassed) {

  /** What was planted. */
  public enum Kind {
    /**
     * The score is wrong (at least 5 points away from the correct one); the pass flag agrees with the
     * wrong score, so an auditor sees a score mismatch only.
     */
    WRONG_SCORE,
    /** The score is right but the pass flag is flipped: a pass mismatch. */
    WRONG_PASS_FLAG
  }

  public PlantedDiscrepancy {
    requireNonNull(kind, "kind");
    if (kind == Kind.WRONG_SCORE && reportedScore == correctScore) {
      throw new IllegalArgumentException("a WRONG_SCORE discrepancy needs a wrong score, both were " + correctScore);
    }
    if (kind == Kind.WRONG_PASS_FLAG && (reportedScore != correctScore || reportedPassed == correctPassed)) {
      throw new IllegalArgumentException(
          "a WRONG_PASS_FLAG discrepancy keeps the score (reported " + reportedScore + ", correct " + correctScore
              + ") and flips the flag (reported " + reportedPassed + ", correct " + correctPassed + ")");
    }
  }
}
