package dev.korescore.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.OptionalDouble;

/** Number formatting for the page: locale-independent, grouping thousands with commas. */
final class Format {
  private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);

  private Format() {}

  /** {@code 12345} as {@code "12,345"}. */
  static String count(long value) {
    return new DecimalFormat("#,##0", SYMBOLS).format(value);
  }

  /** A share in [0, 1] as {@code "87.5%"}, or an em dash when absent. */
  static String percent(OptionalDouble share) {
    return share.isPresent() ? percent(share.getAsDouble()) : "\u2014";
  }

  static String percent(double share) {
    return new DecimalFormat("0.0", SYMBOLS).format(share * 100) + "%";
  }

  /** A score with at most two decimals: {@code 40}, {@code 33.33}, {@code -12.5}. */
  static String score(BigDecimal value) {
    BigDecimal rounded = value.setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
    if (rounded.scale() < 0) {
      rounded = rounded.setScale(0);
    }
    return rounded.signum() == 0 ? "0" : rounded.toPlainString();
  }

  static String score(OptionalDouble value) {
    return value.isPresent() ? score(BigDecimal.valueOf(value.getAsDouble())) : "\u2014";
  }

  /** A coordinate for SVG: at most one decimal, no exponent. */
  static String coord(double value) {
    return new DecimalFormat("0.#", SYMBOLS).format(value);
  }

  /** At most {@code max} characters, ending in an ellipsis when cut. */
  static String shorten(String text, int max) {
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "\u2026";
  }
}
