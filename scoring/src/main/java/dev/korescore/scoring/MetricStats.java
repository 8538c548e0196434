package dev.korescore.scoring;

import static java.util.Objects.requireNonNull;

/**
 * How one metric (by name) was answered across the audited interactions, and how often it was
 * involved in a mismatch. A metric is <em>involved</em> in a mismatch when it was answered YES, NO or
 * NA in an interaction whose verdict is a score or pass mismatch: it took part in (or, as NA, could
 * have taken part in) the score Kore and the auditor disagree on. Manual metrics never are.
 *
 * @param name the metric's name, exact text
 * @param yes answers YES
 * @param no answers NO
 * @param na answers NA
 * @param manual answers {@code "-"}
 * @param unrecognised answers outside Kore's documented values
 * @param involvedInMismatch answers YES, NO or NA in mismatching interactions
 */
public record MetricStats(
    String name, long yes, long no, long na, long manual, long unrecognised, long involvedInMismatch) {

  public MetricStats {
    requireNonNull(name, "name");
  }

  /** Every answer of this metric. */
  public long answers() {
    return yes + no + na + manual + unrecognised;
  }

  /** YES answers over all answers, in [0, 1]. */
  public double yesShare() {
    return share(yes);
  }

  /** NO answers over all answers, in [0, 1]. */
  public double noShare() {
    return share(no);
  }

  /** NA answers over all answers, in [0, 1]. */
  public double naShare() {
    return share(na);
  }

  /** Involvements in a mismatch over YES/NO/NA answers. */
  public double mismatchShare() {
    long answered = yes + no + na;
    return answered == 0 ? 0 : (double) involvedInMismatch / answered;
  }

  private double share(long count) {
    long all = answers();
    return all == 0 ? 0 : (double) count / all;
  }
}
