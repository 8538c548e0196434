package dev.korescore.testkit.generator;

/**
 * Record shapes that Kore's own documentation prints in its sample responses (the public repositories
 * Koredotcom/docs and Koredotcom/docs-v2), which an auditor must give a verdict rather than stop on.
 * {@link InteractionGenerator.Builder#documentedShapeShare(double)} mixes them into generated data, and the
 * simulator serves them as it serves any generated record.
 */
public enum DocumentedShape {
  /**
   * {@code duration_status} {@code below_threshold} or {@code duration_unavailable}, a null score and
   * metrics with no {@code "Qualification"} key (Auto QA Reporting API, 2026 sample): not auditable.
   */
  NOT_EVALUATED_WITHOUT_ANSWERS("NOT_AUDITABLE", "duration status"),

  /**
   * A metric printed with only its {@code "Metric ID"} and {@code "Qualification"}: no weight, no negative
   * weight, no name (Auto QA Reporting API, 2024 sample): not auditable.
   */
  METRIC_WITHOUT_WEIGHT("NOT_AUDITABLE", "has no weight"),

  /** A metric with a weight and an answer but no {@code "Metric Name"}: audited as usual. */
  METRIC_WITHOUT_NAME("MATCH", ""),

  /**
   * A record-level fatal count above 0 ({@code "Fatal Errors"} / {@code fatalErrorCount}) with no metric
   * flagged {@code isFatalError}; Kore's score is 0 and the interaction failed: a match under fatal=on.
   */
  FATAL_COUNT_WITHOUT_FATAL_METRIC("MATCH", ""),

  /** An audited key (the score, or a metric's weight) printed twice in one record: invalid. */
  DUPLICATED_KEY("INVALID", "is given twice"),

  /** The conversation id of the record before, again: both audited, the summary counts the repeat. */
  REPEATED_CONVERSATION_ID("MATCH", "");

  private final String expectedVerdict;
  private final String reasonContains;

  DocumentedShape(String expectedVerdict, String reasonContains) {
    this.expectedVerdict = expectedVerdict;
    this.reasonContains = reasonContains;
  }

  /** The verdict kind an auditor under the default policy gives such a record ({@code NOT_AUDITABLE}, ...). */
  public String expectedVerdict() {
    return expectedVerdict;
  }

  /** Words the verdict's reason contains; empty for a match. */
  public String reasonContains() {
    return reasonContains;
  }
}
