package dev.korescore.adapters.http;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How {@code startDate}/{@code endDate} are written, always in UTC. */
public enum KoreDateFormat {
  /** {@code 2024-07-18 00:17:54}: what every sample request of every version sends (default). */
  SPACE(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC)),
  /** {@code 2024-07-18T00:17:54.000Z}: the ISO-8601 form of the seed's table. */
  ISO(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC));

  private final DateTimeFormatter formatter;

  KoreDateFormat(DateTimeFormatter formatter) {
    this.formatter = formatter;
  }

  /** {@code instant} in this format, in UTC. */
  public String format(Instant instant) {
    return formatter.format(requireNonNull(instant, "instant"));
  }

  /** Parses {@code space} or {@code iso} (case-insensitive). */
  public static KoreDateFormat parse(String name) {
    requireNonNull(name, "name");
    for (KoreDateFormat format : values()) {
      if (format.name().equalsIgnoreCase(name.strip())) {
        return format;
      }
    }
    throw new IllegalArgumentException("date format must be space or iso, was '" + name + "'");
  }
}
