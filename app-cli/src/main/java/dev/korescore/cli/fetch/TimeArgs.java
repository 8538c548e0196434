package dev.korescore.cli.fetch;

import dev.korescore.cli.common.CliException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Parses the command line's times (UTC) and durations. */
public final class TimeArgs {
  private static final DateTimeFormatter SPACE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]", Locale.ROOT);

  private TimeArgs() {}

  /** {@code 2024-07-18}, {@code 2024-07-18 10:00[:00]}, {@code 2024-07-18T10:00:00Z} or with an offset; UTC when none. */
  public static Instant instant(String option, String text) {
    String value = text.strip();
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      if (value.contains(" ")) {
        return LocalDateTime.parse(value, SPACE).toInstant(ZoneOffset.UTC);
      }
      if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return OffsetDateTime.parse(value).toInstant();
      }
      return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw CliException.usage(option + " must be a date or time in UTC (2024-07-18, '2024-07-18 10:00:00', "
          + "2024-07-18T10:00:00Z), was '" + text + "'");
    }
  }

  /** {@code 1d}, {@code 6h}, {@code 30m}, {@code 90s} or ISO-8601 ({@code P1D}, {@code PT6H}). */
  public static Duration duration(String option, String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (value.startsWith("p")) {
        return Duration.parse(value.toUpperCase(Locale.ROOT));
      }
      long amount = Long.parseLong(value.substring(0, value.length() - 1));
      return switch (value.charAt(value.length() - 1)) {
        case 'd' -> Duration.ofDays(amount);
        case 'h' -> Duration.ofHours(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 's' -> Duration.ofSeconds(amount);
        default -> throw new NumberFormatException(value);
      };
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw CliException.usage(option + " must be a duration such as 1d, 6h, 30m, 90s or PT6H, was '" + text + "'");
    }
  }
}
