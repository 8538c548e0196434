package dev.korescore.cli.audit;

import java.util.Locale;

/** What {@code audit} writes: a summary for a person, or one row per interaction for a machine. */
public enum OutputFormat {
  /** A terminal summary: totals, verdict counts, worst groups, the first problems explained. */
  TEXT,
  /** One JSON object per line and interaction. */
  JSONL,
  /** One CSV row per interaction, with a header. */
  CSV;

  /** Accepts {@code text}, {@code jsonl}, {@code csv} in any case. */
  public static OutputFormat parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("format must be text, jsonl or csv, was '" + text + "'", e);
    }
  }
}
