package dev.korescore.core.port.out;

/**
 * Which parts of each record a reader maps into the {@link dev.korescore.core.model.Interaction}. The
 * fields outside the scope are still read as JSON (a malformed document fails the same way) but their
 * values are neither decoded nor checked, and they are left absent or empty in the model.
 */
public enum ReadScope {
  /** Every field, unknown fields included (kept as {@link dev.korescore.core.model.Extras}). */
  EVERYTHING,

  /**
   * What an audit uses, and nothing else: the conversation id, channel ({@code src}) and start time;
   * Kore's score, pass score, passed flag, fatal error count and duration status; the evaluation form's name; each agent's
   * id and name; each queue's id and name; and every metric's id, name, weight, negative weight,
   * qualification and fatal flag. Left out: end time, duration, sentiment, intents, topics, churn and
   * escalation flags, empathy and crutch-word scores, the form's scoring type,
   * agents' start times and e-mails, and unknown fields at every level. The JSON adapter reads it
   * about a third faster (bench/json/README.md).
   */
  AUDIT
}
