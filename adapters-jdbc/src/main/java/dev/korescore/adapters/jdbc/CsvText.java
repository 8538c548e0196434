package dev.korescore.adapters.jdbc;

/** RFC 4180 cells, with text that a spreadsheet would run as a formula defused by a leading {@code '}. */
final class CsvText {
  private CsvText() {}

  static String cell(String value, boolean text) {
    String safe = text && startsLikeAFormula(value) ? "'" + value : value;
    boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
        || safe.indexOf('\r') >= 0;
    return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
  }

  static boolean startsLikeAFormula(String value) {
    if (value.isEmpty()) {
      return false;
    }
    char first = value.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
  }
}
