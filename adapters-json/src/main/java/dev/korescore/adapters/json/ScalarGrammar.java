package dev.korescore.adapters.json;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lenient grammar of Kore's scalar values written as strings: numbers, whole numbers, booleans,
 * date-times and durations, with the words that mean "no value" ({@code ""}, {@code NA}, {@code N/A},
 * {@code null}, {@code -}). Pure functions of the text, no parser and no messages: {@link ValueReader}
 * applies them to a token and words the problem. Each answer is a {@link Scalar}: a value, absent, or
 * invalid with the reason.
 */
final class ScalarGrammar {
  /** Largest magnitude accepted for a decimal: guards {@code 1e999999999} from becoming a billion digits. */
  static final int MAX_INTEGER_DIGITS = 40;
  /** Most digits after the point accepted for a decimal. */
  static final int MAX_SCALE = 40;
  /** Longest number text worth parsing. */
  static final int MAX_NUMBER_TEXT = MAX_INTEGER_DIGITS + MAX_SCALE + 8;
  /** Longest date-time text worth parsing. */
  private static final int MAX_INSTANT_TEXT = 64;
  /** Longest duration text worth parsing. */
  private static final int MAX_DURATION_TEXT = 80;

  private static final Pattern DURATION_TEXT =
      Pattern.compile(
          "\\s*([+-]?[0-9]+(?:\\.[0-9]+)?)\\s*(ms|millis|milliseconds?|s|secs?|seconds?)?\\s*",
          Pattern.CASE_INSENSITIVE);

  private ScalarGrammar() {}

  /** Why a text is not the value asked for. */
  enum Invalid {
    /** Not of the kind asked for at all ({@code "lots"} for a number). */
    WRONG_KIND,
    /** A number, but a fraction where a whole number is needed. */
    NOT_WHOLE,
    /** A number of the right kind, outside the accepted range. */
    OUT_OF_RANGE
  }

  /** What a lenient scalar text means. */
  sealed interface Scalar<T> permits Value, Absent, Rejected {}

  /** The text holds this value. */
  record Value<T>(T value) implements Scalar<T> {}

  /** The text means "no value" (blank, or a word such as {@code NA} where one is allowed). */
  record Absent<T>() implements Scalar<T> {}

  /** The text is not what was asked for. */
  record Rejected<T>(Invalid why) implements Scalar<T> {}

  /** Whether the text is blank or one of the words Kore writes for "no number": NA, N/A, null, -. */
  static boolean isNotANumberWord(String text) {
    String s = text.strip().toUpperCase(Locale.ROOT);
    return s.isEmpty() || s.equals("NA") || s.equals("N/A") || s.equals("NULL") || s.equals("-");
  }

  /** Whether a decimal lies within the accepted magnitude and scale. */
  static boolean inRange(BigDecimal value) {
    return value.precision() - value.scale() <= MAX_INTEGER_DIGITS && value.scale() <= MAX_SCALE;
  }

  /** A decimal number as text (Java's {@link BigDecimal} syntax, no blanks), within range; else empty. */
  static Optional<BigDecimal> parseDecimal(String text) {
    if (text.length() > MAX_NUMBER_TEXT) {
      return Optional.empty();
    }
    try {
      BigDecimal value = new BigDecimal(text);
      return inRange(value) ? Optional.of(value) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A decimal number in a string: absent for a "no number" word, else the number (blanks around ignored). */
  static Scalar<BigDecimal> decimal(String text) {
    if (isNotANumberWord(text)) {
      return new Absent<>();
    }
    return parseDecimal(text.strip()).<Scalar<BigDecimal>>map(Value::new).orElseGet(() -> new Rejected<>(Invalid.WRONG_KIND));
  }

  /**
   * A whole number within [min, max] in a string ({@code "25.0"} is 25): absent when blank; {@code NA} is
   * not a number here (see {@link #wholeNumberOrNa}).
   */
  static Scalar<Long> wholeNumber(String text, long min, long max) {
    if (text.isBlank()) {
      return new Absent<>();
    }
    Optional<BigDecimal> value = parseDecimal(text.strip());
    if (value.isEmpty()) {
      return new Rejected<>(Invalid.WRONG_KIND);
    }
    return wholeNumber(value.get(), min, max);
  }

  /** {@link #wholeNumber(String, long, long)}, with the "no number" words absent too. */
  static Scalar<Long> wholeNumberOrNa(String text, long min, long max) {
    return isNotANumberWord(text) ? new Absent<>() : wholeNumber(text, min, max);
  }

  /** A decimal as a whole number within [min, max]: {@code 25.0} is 25, {@code 25.5} is not whole. */
  static Scalar<Long> wholeNumber(BigDecimal decimal, long min, long max) {
    BigDecimal value = decimal.stripTrailingZeros();
    if (value.scale() > 0) {
      return new Rejected<>(Invalid.NOT_WHOLE);
    }
    try {
      long whole = value.longValueExact();
      if (whole >= min && whole <= max) {
        return new Value<>(whole);
      }
    } catch (ArithmeticException e) {
      // beyond a long: out of range
    }
    return new Rejected<>(Invalid.OUT_OF_RANGE);
  }

  /** {@code true} or {@code false} in any case, blanks around ignored; absent when blank. */
  static Scalar<Boolean> bool(String text) {
    String s = text.strip();
    if (s.equalsIgnoreCase("true")) {
      return new Value<>(Boolean.TRUE);
    }
    if (s.equalsIgnoreCase("false")) {
      return new Value<>(Boolean.FALSE);
    }
    return s.isEmpty() ? new Absent<>() : new Rejected<>(Invalid.WRONG_KIND);
  }

  /**
   * ISO-8601 with an offset or {@code Z}; a local date-time ({@code 2024-07-18 11:31:14}, a space or a
   * {@code T}) is UTC; absent when blank.
   */
  static Scalar<Instant> instant(String text) {
    String s = text.strip();
    if (s.isEmpty()) {
      return new Absent<>();
    }
    Instant parsed = parseInstant(s);
    return parsed == null ? new Rejected<>(Invalid.WRONG_KIND) : new Value<>(parsed);
  }

  private static Instant parseInstant(String text) {
    if (text.length() > MAX_INSTANT_TEXT) {
      return null;
    }
    Instant fast = FastTime.parseUtc(text);
    if (fast != null) {
      return fast;
    }
    String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
    try {
      if (hasOffset(iso)) {
        return OffsetDateTime.parse(iso).toInstant();
      }
      return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Whether an ISO date-time ends with {@code Z} or a {@code +hh:mm}/{@code -hh:mm} offset after the time. */
  private static boolean hasOffset(String iso) {
    int t = iso.indexOf('T');
    if (t < 0) {
      return false;
    }
    char last = iso.charAt(iso.length() - 1);
    return last == 'Z' || last == 'z' || iso.indexOf('+', t) >= 0 || iso.indexOf('-', t) >= 0;
  }

  /**
   * {@code "118182 milliseconds"} (or ms, millis, s, sec, seconds; no unit is milliseconds), or ISO-8601
   * {@code PT1M58S}; absent when blank.
   */
  static Scalar<Duration> duration(String text) {
    if (text.isBlank()) {
      return new Absent<>();
    }
    Duration parsed = parseDuration(text);
    return parsed == null ? new Rejected<>(Invalid.WRONG_KIND) : new Value<>(parsed);
  }

  private static Duration parseDuration(String text) {
    if (text.length() > MAX_DURATION_TEXT) {
      return null;
    }
    Duration fast = FastTime.parseMilliseconds(text);
    if (fast != null) {
      return fast;
    }
    String s = text.strip();
    if (s.startsWith("P") || s.startsWith("p") || s.startsWith("-P")) {
      try {
        return Duration.parse(s);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    Matcher m = DURATION_TEXT.matcher(s);
    if (!m.matches()) {
      return null;
    }
    Optional<BigDecimal> amount = parseDecimal(m.group(1));
    if (amount.isEmpty()) {
      return null;
    }
    String unit = m.group(2) == null ? "ms" : m.group(2).toLowerCase(Locale.ROOT);
    return millis(amount.get(), unit.startsWith("s")).orElse(null);
  }

  /** {@code amount} milliseconds (or seconds), to the nanosecond, half-even; empty beyond ±10^18. */
  static Optional<Duration> millis(BigDecimal amount, boolean seconds) {
    if (amount.precision() - amount.scale() > 18) {
      return Optional.empty();
    }
    try {
      BigDecimal nanos = amount.movePointRight(seconds ? 9 : 6).setScale(0, RoundingMode.HALF_EVEN);
      return Optional.of(Duration.ofNanos(nanos.longValueExact()));
    } catch (ArithmeticException e) {
      return Optional.empty();
    }
  }
}
