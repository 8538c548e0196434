package dev.korescore.adapters.json;

import java.time.Duration;
import java.time.Instant;

/**
 * Fast paths for the two forms Kore writes on every record, {@code 2024-07-18T11:31:14.722Z} and
 * {@code "118182 milliseconds"}; anything else returns null and goes the general (slower) way. Both
 * read straight from a character buffer too (Jackson's token text), so the fast path allocates no
 * {@link String}, and the date arithmetic is done here (no {@code LocalDateTime}).
 */
final class FastTime {
  private static final String MILLISECONDS = " milliseconds";
  private static final int MAX_OFFSET_SECONDS = 18 * 3600;
  /** {@code LocalDate.of(1970, 1, 1)}'s day count from year 0, as in {@code LocalDate.toEpochDay}. */
  private static final long DAYS_0000_TO_1970 = (146097L * 5L) - (30L * 365L + 7L);

  private FastTime() {}

  /**
   * {@code yyyy-MM-dd(T| )HH:mm:ss[.f{1,9}][Z|+hh:mm|-hh:mm]} (no zone means UTC), else null: Kore's
   * forms without java.time's general parser.
   */
  static Instant parseUtc(String s) {
    int length = s.length();
    if (length < 19 || length > 35) {
      return null;
    }
    return parseUtc(s.toCharArray(), 0, length);
  }

  /** {@link #parseUtc(String)} of {@code length} characters of {@code buf} from {@code offset}. */
  static Instant parseUtc(char[] buf, int offset, int length) {
    if (length < 19 || length > 35) {
      return null;
    }
    final int o = offset;
    char separator = buf[o + 10];
    if (buf[o + 4] != '-' || buf[o + 7] != '-' || (separator != 'T' && separator != ' ')
        || buf[o + 13] != ':' || buf[o + 16] != ':') {
      return null;
    }
    int year = digits(buf, o, 4);
    int month = digits(buf, o + 5, 2);
    int day = digits(buf, o + 8, 2);
    int hour = digits(buf, o + 11, 2);
    int minute = digits(buf, o + 14, 2);
    int second = digits(buf, o + 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)
        || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    int end = o + length;
    int i = o + 19;
    int nanos = 0;
    if (i < end && buf[i] == '.') {
      int start = ++i;
      while (i < end && buf[i] >= '0' && buf[i] <= '9') {
        i++;
      }
      int count = i - start;
      if (count < 1 || count > 9) {
        return null;
      }
      nanos = digits(buf, start, count);
      for (int k = count; k < 9; k++) {
        nanos *= 10;
      }
    }
    int offsetSeconds;
    if (i == end) {
      offsetSeconds = 0;
    } else if (i == end - 1 && buf[i] == 'Z') {
      offsetSeconds = 0;
    } else if (i == end - 6 && (buf[i] == '+' || buf[i] == '-') && buf[i + 3] == ':') {
      int hours = digits(buf, i + 1, 2);
      int minutes = digits(buf, i + 4, 2);
      if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
        return null;
      }
      offsetSeconds = (hours * 3600 + minutes * 60) * (buf[i] == '-' ? -1 : 1);
      if (Math.abs(offsetSeconds) > MAX_OFFSET_SECONDS) {
        return null;
      }
    } else {
      return null;
    }
    long epochSecond = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    return Instant.ofEpochSecond(epochSecond, nanos);
  }

  /** {@code "<digits> milliseconds"} (at most 15 digits), else null. */
  static Duration parseMilliseconds(String s) {
    if (!s.endsWith(MILLISECONDS)) {
      return null;
    }
    return parseMilliseconds(s.toCharArray(), 0, s.length());
  }

  /** {@link #parseMilliseconds(String)} of {@code length} characters of {@code buf} from {@code offset}. */
  static Duration parseMilliseconds(char[] buf, int offset, int length) {
    int end = length - MILLISECONDS.length();
    if (end < 1 || end > 15) {
      return null;
    }
    for (int k = 0; k < MILLISECONDS.length(); k++) {
      if (buf[offset + end + k] != MILLISECONDS.charAt(k)) {
        return null;
      }
    }
    long ms = 0;
    for (int i = offset; i < offset + end; i++) {
      char c = buf[i];
      if (c < '0' || c > '9') {
        return null;
      }
      ms = ms * 10 + (c - '0');
    }
    return Duration.ofMillis(ms);
  }

  private static int lengthOfMonth(int year, int month) {
    switch (month) {
      case 2:
        return isLeap(year) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  private static boolean isLeap(long year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  /** {@code LocalDate.of(year, month, day).toEpochDay()}, for a valid date with {@code year >= 0}. */
  private static long epochDay(int year, int month, int day) {
    long y = year;
    long m = month;
    long total = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
    total += (367 * m - 362) / 12;
    total += day - 1;
    if (m > 2) {
      total--;
      if (!isLeap(year)) {
        total--;
      }
    }
    return total - DAYS_0000_TO_1970;
  }

  private static int digits(char[] buf, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = buf[i];
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
