package dev.korescore.cli.whatif;

/**
 * Strings from the data never drive a terminal or a spreadsheet: control characters (ESC, C1 controls,
 * bidirectional overrides) are shown as visible {@code \\uXXXX} escapes on a terminal, and a CSV text
 * cell a spreadsheet would read as a formula gets a leading {@code '} (OWASP).
 */
final class Safe {
  private Safe() {}

  /** {@code text} with every terminal control written as a visible escape. */
  static String terminal(String text) {
    StringBuilder b = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isControl(c)) {
        if (b == null) {
          b = new StringBuilder(text.length() + 8).append(text, 0, i);
        }
        b.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? text : b.toString();
  }

  static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200E || c == 0x200F || c == 0x061C;
  }

  /** {@code cell} with a leading {@code '} when a spreadsheet would take it for a formula; numbers stay. */
  static String cell(String cell) {
    if (cell.isEmpty()) {
      return cell;
    }
    char c = cell.charAt(0);
    boolean triggers = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    if (!triggers || cell.equals("-") || cell.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
      return cell;
    }
    return "'" + cell;
  }
}
