package dev.korescore.adapters.json;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Fast paths for the two forms Kore writes on every record, {@code 2024-07-18T11:31:14.722Z} and
 * {@code "118182 milliseconds"}; anything else returns null and goes the general (slower) way.
 */
final class FastTime {
  private static final String MILLISECONDS = " milliseconds";

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
    char separator = s.charAt(10);
    if (s.charAt(4) != '-' || s.charAt(7) != '-' || (separator != 'T' && separator != ' ')
        || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (i < length && s.charAt(i) == '.') {
      int start = ++i;
      while (i < length && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      int count = i - start;
      if (count < 1 || count > 9) {
        return null;
      }
      nanos = digits(s, start, count);
      for (int k = count; k < 9; k++) {
        nanos *= 10;
      }
    }
    int offsetSeconds;
    if (i == length) {
      offsetSeconds = 0;
    } else if (i == length - 1 && s.charAt(i) == 'Z') {
      offsetSeconds = 0;
    } else if (i == length - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int hours = digits(s, i + 1, 2);
      int minutes = digits(s, i + 4, 2);
      if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
        return null;
      }
      offsetSeconds = (hours * 3600 + minutes * 60) * (s.charAt(i) == '-' ? -1 : 1);
    } else {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
          .toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** {@code "<digits> milliseconds"} (at most 15 digits), else null. */
  static Duration parseMilliseconds(String s) {
    if (!s.endsWith(MILLISECONDS)) {
      return null;
    }
    int end = s.length() - MILLISECONDS.length();
    if (end < 1 || end > 15) {
      return null;
    }
    long ms = 0;
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      ms = ms * 10 + (c - '0');
    }
    return Duration.ofMillis(ms);
  }

  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
