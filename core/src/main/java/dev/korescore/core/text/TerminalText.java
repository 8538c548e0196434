package dev.korescore.core.text;

import static java.util.Objects.requireNonNull;

/**
 * Makes a string from the data safe to print on a terminal: every character that could drive the
 * terminal instead of being shown is replaced by a visible escape, so that a name cannot clear the
 * screen, retitle the window, ring the bell, forge a line or reorder text.
 *
 * <ul>
 *   <li>C0 controls and DEL: {@code \n}, {@code \r}, {@code \t} as such, the others as {@code \x1B};
 *   <li>C1 controls (U+0080..U+009F, CSI and OSC among them) as {@code \x9B};
 *   <li>bidirectional overrides, isolates and marks (U+202A..U+202E, U+2066..U+2069, U+200E, U+200F,
 *       U+061C) as {@code \u202E};
 *   <li>nothing else changes: a backslash stays a backslash, letters of every script stay as they are.
 * </ul>
 *
 * {@link #visible(String, int)} also cuts an over-long string at a code point boundary and ends it with
 * an ellipsis ({@code …}).
 */
public final class TerminalText {
  /** What ends a string that was cut. */
  public static final String ELLIPSIS = "\u2026";

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private TerminalText() {}

  /** {@code text} with every terminal control shown as a visible escape. */
  public static String visible(String text) {
    requireNonNull(text, "text");
    int i = 0;
    while (i < text.length() && !isControl(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length() + 16).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isControl(c)) {
        b.append(c);
      } else if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c == '\t') {
        b.append("\\t");
      } else if (c <= 0xFF) {
        b.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xF]);
      } else {
        b.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
      }
    }
    return b.toString();
  }

  /**
   * {@link #visible(String)}, cut to at most {@code maxCodePoints} code points (the ellipsis included)
   * when longer.
   */
  public static String visible(String text, int maxCodePoints) {
    if (maxCodePoints < 2) {
      throw new IllegalArgumentException("maxCodePoints must be >= 2, was " + maxCodePoints);
    }
    String shown = visible(text);
    if (shown.codePointCount(0, shown.length()) <= maxCodePoints) {
      return shown;
    }
    return shown.substring(0, shown.offsetByCodePoints(0, maxCodePoints - 1)) + ELLIPSIS;
  }

  /** True for a character that a terminal may act on instead of showing. */
  public static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200E || c == 0x200F || c == 0x061C;
  }
}
