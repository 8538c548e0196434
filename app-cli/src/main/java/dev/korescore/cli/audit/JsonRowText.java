package dev.korescore.cli.audit;

import dev.korescore.scoring.VerdictRow;

/**
 * Hand-written JSON Lines rows share one string escaper, proven against Jackson's generator
 * ({@code JsonRowStringProperties}): {@code audit}'s rows and {@code whatif}'s.
 */
public final class JsonRowText {
  private JsonRowText() {}

  /** Appends {@code value} as a JSON string, escaped as Jackson's generator escapes it. */
  public static void string(StringBuilder b, String value) {
    VerdictRow.jsonString(b, value);
  }
}
